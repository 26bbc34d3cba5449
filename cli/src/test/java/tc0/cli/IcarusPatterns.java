package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;

/**
 * Random input patterns for a compiled circuit, what {@code tc0 run --inputs} prints for them, and what Icarus
 * prints for the same patterns driving a Verilog top module {@code tc0_circuit} (the export, or a netlist
 * Yosys wrote from it): one line of output bits per pattern, output 0 first, as {@code tc0 run} prints them.
 */
final class IcarusPatterns {
    private IcarusPatterns() {}

    static List<String> random(Circuit c, int count, long seed) {
        var rnd = new SplittableRandom(seed);
        List<String> patterns = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < c.inputCount(); i++) s.append(rnd.nextBoolean() ? '1' : '0');
            patterns.add(s.toString());
        }
        return patterns;
    }

    /** What {@code tc0 run CIRCUIT --inputs} prints for the patterns, a line each. */
    static List<String> tc0Run(Path dir, Path circuit, List<String> patterns) throws Exception {
        Path inputs = dir.resolve("patterns.txt");
        Files.write(inputs, patterns);
        Cli run = Cli.run("run", circuit.toString(), "--inputs", inputs.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(patterns.size(), lines.size(), run.out());
        return lines;
    }

    /** Compiles the testbench with {@code sources} in Icarus, runs it, and returns the lines it prints. */
    static List<String> icarus(Path dir, Circuit c, List<String> patterns, String... sources) throws Exception {
        Files.writeString(dir.resolve("tb.v"), testbench(c, patterns));
        List<String> compile = new ArrayList<>(List.of("iverilog", "-g2005", "-o", "sim", "tb.v"));
        compile.addAll(List.of(sources));
        Process p = new ProcessBuilder(compile).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("iverilog.log").toFile()).start();
        assertEquals(0, p.waitFor(), Files.readString(dir.resolve("iverilog.log")));
        Process sim = new ProcessBuilder("vvp", "-n", "sim").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sim.out").toFile()).start();
        assertEquals(0, sim.waitFor());
        return Files.readAllLines(dir.resolve("sim.out")).stream().filter(l -> l.startsWith("o ")).map(l -> l.substring(2)).toList();
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

    static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) return true;
        return false;
    }
}
