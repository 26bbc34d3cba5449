package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitFiles;

/**
 * A compiled spec with nested regions (conv1d n = 2: 2,464 gates, regions mul, i[1]/mul, i[1]/add, ...; and, tagged
 * heavy, gcn n = 4), exported as the Verilog module hierarchy and simulated by Icarus, prints what {@code tc0 run}
 * prints for the same 200 random patterns. Skipped, and reported so, where iverilog is not installed.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ExportVerilogIcarusTest {
    @TempDir
    Path dir;

    @Test
    void icarusSimulatesTheHierarchyToWhatTc0RunPrints() throws Exception {
        simulate200Patterns("../examples/blocks/conv1d.tc0", 2);
    }

    /** gcn n = 4: 73,851 gates, 603,757 wires; 6 s to compile, 0.75 s a pattern in vvp (CPU; docs/EXPORTS.md). */
    @Test
    @Tag("heavy")
    @Timeout(value = 900, unit = TimeUnit.SECONDS)
    void icarusSimulatesGcnAtFourTo200PatternsOfTc0Run() throws Exception {
        simulate200Patterns("../examples/gcn.tc0", 4);
    }

    private void simulate200Patterns(String spec, int n) throws Exception {
        assumeTrue(onPath("iverilog") && onPath("vvp"), "skipped: iverilog/vvp not installed (Debian package iverilog)");
        Path tc0c = dir.resolve("c.tc0c");
        Path v = dir.resolve("c.v");
        assertEquals(ExitCodes.OK, Cli.run("compile", spec, "--set", "n=" + n, "-o", tc0c.toString()).exitCode());
        assertEquals(ExitCodes.OK, Cli.run("export", tc0c.toString(), "-o", v.toString()).exitCode());
        Circuit c = CircuitFiles.read(tc0c);
        var rnd = new SplittableRandom(5);
        List<String> patterns = new ArrayList<>();
        for (int p = 0; p < 200; p++) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < c.inputCount(); i++) s.append(rnd.nextBoolean() ? '1' : '0');
            patterns.add(s.toString());
        }
        Path inputs = dir.resolve("patterns.txt");
        Files.write(inputs, patterns);
        Cli run = Cli.run("run", tc0c.toString(), "--inputs", inputs.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> expected = run.out().lines().toList();
        assertEquals(200, expected.size(), run.out());

        Files.writeString(dir.resolve("tb.v"), testbench(c, patterns));
        Process compile = new ProcessBuilder("iverilog", "-g2005", "-o", "sim", "tb.v", "c.v").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("iverilog.log").toFile()).start();
        assertEquals(0, compile.waitFor(), Files.readString(dir.resolve("iverilog.log")));
        Process sim = new ProcessBuilder("vvp", "-n", "sim").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sim.out").toFile()).start();
        assertEquals(0, sim.waitFor());
        List<String> printed = Files.readAllLines(dir.resolve("sim.out")).stream().filter(l -> l.startsWith("o ")).map(l -> l.substring(2)).toList();
        assertEquals(expected, printed);
    }

    /** Drives the top module by position (inputs, then outputs, as the export declares them); prints output 0 first. */
    private static String testbench(Circuit c, List<String> patterns) {
        StringBuilder s = new StringBuilder("module tb;\n");
        List<String> ports = new ArrayList<>();
        for (Bus b : c.inputBuses()) {
            if (b.width() == 0) continue;
            s.append("  reg [").append(b.width() - 1).append(":0] i").append(b.offset()).append(";\n");
            ports.add("i" + b.offset());
        }
        s.append("  wire [").append(c.outputCount() - 1).append(":0] y;\n");
        for (Bus b : c.outputBuses()) if (b.width() > 0) ports.add("y[" + (b.offset() + b.width() - 1) + ":" + b.offset() + "]");
        s.append("  tc0_circuit dut(").append(String.join(", ", ports)).append(");\n  integer k;\n  initial begin\n");
        for (String p : patterns) {
            s.append("   ");
            for (Bus b : c.inputBuses()) {
                if (b.width() == 0) continue;
                StringBuilder bits = new StringBuilder(); // most significant first: reverse the bus's slice
                for (int k = b.width() - 1; k >= 0; k--) bits.append(p.charAt(b.offset() + k));
                s.append(" i").append(b.offset()).append(" = ").append(b.width()).append("'b").append(bits).append(';');
            }
            s.append(" #1 $write(\"o \"); for (k = 0; k < ").append(c.outputCount()).append("; k = k + 1) $write(\"%b\", y[k]); $display(\"\");\n");
        }
        return s.append("    $finish;\n  end\nendmodule\n").toString();
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) return true;
        return false;
    }
}
