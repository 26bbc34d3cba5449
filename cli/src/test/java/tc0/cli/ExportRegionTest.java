package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tc0 export --region}: one region of a compiled spec, and a clear error for a wrong path. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExportRegionTest {
    @TempDir
    Path dir;

    @Test
    void aWrongPathNamesTheNearestRegions() {
        Cli r = Cli.run("export", SpecFileCommandTest.GCN, "--set", "n=2", "--region", "l[0]/gcn_layr/sqt",
                "-o", dir.resolve("x.dot").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.saysOneLineError(), r.err());
        assertTrue(r.err().contains("no such region") && r.err().contains("nearest: l[0]/gcn_layer/sqrt,"), r.err());
        assertTrue(Files.notExists(dir.resolve("x.dot")));
    }

    @Test
    void oneRegionOfGcnAtFourIsDrawnByGraphvizInSeconds() throws Exception {
        assumeTrue(onPath("dot"), "skipped: graphviz dot not installed (Debian package graphviz)");
        Path dot = dir.resolve("sqrt.dot");
        Cli r = Cli.run("export", SpecFileCommandTest.GCN, "--set", "n=4", "--region", "l[0]/gcn_layer/sqrt", "-o", dot.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        String text = Files.readString(dot);
        assertTrue(text.contains("{ rank=min;"), "ranked by level");
        long start = System.nanoTime();
        Process p = new ProcessBuilder("dot", "-Tsvg", "-o", dir.resolve("sqrt.svg").toString(), dot.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("dot.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dot still running after 60 s");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("dot.log")));
        String svg = Files.readString(dir.resolve("sqrt.svg"));
        // sqrt of l[0] at n = 4: 156 gates (tc0 stats --by-region), all drawn, plus the wires entering it.
        assertTrue(count(svg, "class=\"node\"") > 156, "nodes drawn");
        System.out.printf("graphviz dot drew l[0]/gcn_layer/sqrt of gcn n=4 (%d bytes of DOT) in %.1f s%n", text.length(), seconds);
    }

    @Test
    void verilogIsAModuleHierarchyUnlessFlatIsAsked() throws Exception {
        String adder = "../examples/circuits/full_adder.aag";
        Path tree = dir.resolve("tree.v");
        Path flat = dir.resolve("flat.v");
        assertEquals(ExitCodes.OK, Cli.run("export", adder, "-o", tree.toString()).exitCode());
        assertEquals(ExitCodes.OK, Cli.run("export", adder, "--flat", "-o", flat.toString()).exitCode());
        assertTrue(Files.readString(tree).contains("  always @* begin\n"), "the hierarchy's gates in an always block");
        assertEquals(0, count(Files.readString(flat), "always"), "the flat module's gates are continuous assigns");
        assertEquals(1, count(Files.readString(flat), "module "), "one module");
        Cli r = Cli.run("export", adder, "--flat", "-o", dir.resolve("x.dot").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.saysOneLineError() && r.err().contains("--flat is for --format verilog only"), r.err());
    }

    @Test
    void theNetlistStyleHasAWirePerGateAndNoAlwaysBlock() throws Exception {
        String adder = "../examples/circuits/full_adder.aag";
        Path netlist = dir.resolve("netlist.v");
        Cli ok = Cli.run("export", adder, "--style", "netlist", "-o", netlist.toString());
        assertEquals(ExitCodes.OK, ok.exitCode(), ok.err());
        String v = Files.readString(netlist);
        assertEquals(0, count(v, "always"), v);
        assertTrue(v.contains("  wire g0 = "), v);
        Cli unknown = Cli.run("export", adder, "--style", "fast", "-o", dir.resolve("y.v").toString());
        assertEquals(ExitCodes.BAD_INPUT, unknown.exitCode());
        assertTrue(unknown.saysOneLineError() && unknown.err().contains("--style fast: unknown; use simulation or netlist"), unknown.err());
        Cli dot = Cli.run("export", adder, "--style", "netlist", "-o", dir.resolve("y.dot").toString());
        assertEquals(ExitCodes.BAD_INPUT, dot.exitCode());
        assertTrue(dot.saysOneLineError() && dot.err().contains("--style is for the verilog hierarchy only"), dot.err());
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) return true;
        return false;
    }
}
