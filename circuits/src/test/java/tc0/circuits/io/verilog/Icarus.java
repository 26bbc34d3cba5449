package tc0.circuits.io.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import tc0.circuits.testkit.ExternalTool;

/** Exports modules, simulates them under a {@link Testbench} with Icarus Verilog, and checks the lines. */
final class Icarus {
    private Icarus() {}

    static void assumeInstalled() {
        Assumptions.assumeTrue(ExternalTool.onPath("iverilog") && ExternalTool.onPath("vvp"),
                "skipped: iverilog/vvp not installed (Debian package iverilog)");
    }

    /** Writes each DUT's module to {@code dir/<module>.v}; returns the files. */
    static List<Path> export(Path dir, List<Testbench.Dut> duts) throws IOException {
        return export(dir, duts, VerilogWriter::new);
    }

    /** As {@link #export(Path, List)}, with the writer for a module name. */
    static List<Path> export(Path dir, List<Testbench.Dut> duts, java.util.function.Function<String, tc0.circuits.io.CircuitWriter> writer)
            throws IOException {
        List<Path> files = new ArrayList<>();
        for (Testbench.Dut d : duts) {
            Path f = dir.resolve(d.module() + ".v");
            try (OutputStream out = Files.newOutputStream(f)) {
                writer.apply(d.module()).write(d.circuit(), out);
            }
            files.add(f);
        }
        return files;
    }

    /** Simulates the testbench over {@code moduleFiles} and asserts it prints exactly the expected lines. */
    static void assertSimulationMatches(Path dir, List<Testbench.Dut> duts, List<Path> moduleFiles, String what)
            throws IOException, InterruptedException {
        Path tb = dir.resolve("tb_" + what + ".v");
        Files.writeString(tb, Testbench.source(duts));
        List<String> compile = new ArrayList<>(List.of("iverilog", "-g2005", "-o", "sim_" + what, tb.toString()));
        for (Path f : moduleFiles) compile.add(f.toString());
        var c = ExternalTool.run(dir, compile.toArray(String[]::new));
        assertEquals(0, c.exitCode(), "iverilog rejected the " + what + " Verilog:\n" + c.output());
        var run = ExternalTool.run(dir, "vvp", "-n", "sim_" + what);
        assertEquals(0, run.exitCode(), run.output());
        List<String> printed = run.lines().stream().filter(l -> l.startsWith("d")).toList();
        List<String> expected = Testbench.expected(duts);
        assertEquals(expected.size(), printed.size(), "lines printed by the " + what + " simulation:\n" + run.output());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), printed.get(i), what + " simulation, line " + i + " (dut and vector: see tb_" + what + ".v)");
        }
    }
}
