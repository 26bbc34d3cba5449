package tc0.circuits.io.verilog;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.circuits.testkit.DirectEval;

/**
 * A Verilog testbench that drives several exported modules with given input vectors and prints one line per
 * vector and module: {@code <dut> <output bus bits, most significant first, space separated>}. The same
 * lines are computed in Java from the direct evaluation, so a simulator run is checked by comparing lines.
 */
final class Testbench {
    /** One module under test and the vectors to drive it with. */
    record Dut(String module, Circuit circuit, List<boolean[]> vectors) {}

    private Testbench() {}

    /** Every assignment when there are at most {@code exhaustiveUpTo} inputs, else {@code count} random ones plus all-0 and all-1. */
    static List<boolean[]> vectors(Circuit c, int exhaustiveUpTo, int count, long seed) {
        int n = c.inputCount();
        List<boolean[]> v = new ArrayList<>();
        if (n <= exhaustiveUpTo) {
            for (long a = 0; a < 1L << n; a++) v.add(DirectEval.assignment(a, n));
            return v;
        }
        v.add(new boolean[n]);
        boolean[] ones = new boolean[n];
        java.util.Arrays.fill(ones, true);
        v.add(ones);
        var rnd = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            boolean[] in = new boolean[n];
            for (int k = 0; k < n; k++) in[k] = rnd.nextBoolean();
            v.add(in);
        }
        return v;
    }

    /** The testbench module {@code tb}. */
    static String source(List<Dut> duts) {
        StringBuilder s = new StringBuilder("module tb;\n");
        for (int d = 0; d < duts.size(); d++) declare(s, d, duts.get(d));
        s.append("  initial begin\n");
        for (int d = 0; d < duts.size(); d++) {
            Dut dut = duts.get(d);
            for (boolean[] in : dut.vectors()) {
                s.append("    ");
                List<Bus> buses = dut.circuit().inputBuses();
                for (int i = 0; i < buses.size(); i++) {
                    Bus b = buses.get(i);
                    if (b.width() > 0) s.append("d").append(d).append("_i").append(i).append(" = ")
                            .append(b.width()).append("'b").append(bits(in, b)).append("; ");
                }
                s.append("#1 $display(\"d").append(d);
                List<String> args = outputArgs(d, dut.circuit());
                for (int i = 0; i < args.size(); i++) s.append(" %b");
                s.append('"');
                for (String a : args) s.append(", ").append(a);
                s.append(");\n");
            }
        }
        s.append("    $finish;\n  end\nendmodule\n");
        return s.toString();
    }

    /** The lines the testbench must print, from the evaluator {@code tc0 run} uses by default. */
    static List<String> expected(List<Dut> duts) {
        List<String> lines = new ArrayList<>();
        for (int d = 0; d < duts.size(); d++) {
            Circuit c = duts.get(d).circuit();
            List<boolean[]> vectors = duts.get(d).vectors();
            BitMatrix outs = new BitParallelEvaluator(1).evaluate(c,
                    BitMatrix.fromPatterns(c.inputCount(), vectors.toArray(new boolean[0][])));
            for (int p = 0; p < vectors.size(); p++) {
                StringBuilder line = new StringBuilder("d" + d);
                boolean[] out = outs.pattern(p);
                for (Bus b : c.outputBuses()) if (b.width() > 0) line.append(' ').append(bits(out, b));
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private static void declare(StringBuilder s, int d, Dut dut) {
        Circuit c = dut.circuit();
        VerilogNames names = VerilogNames.of(c, dut.module());
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < c.inputBuses().size(); i++) {
            int w = c.inputBuses().get(i).width();
            if (w == 0) continue;
            s.append("  reg [").append(w - 1).append(":0] d").append(d).append("_i").append(i).append(";\n");
            ports.add("." + names.inputs().get(i) + "(d" + d + "_i" + i + ")");
        }
        for (int i = 0; i < c.outputBuses().size(); i++) {
            int w = c.outputBuses().get(i).width();
            if (w == 0) continue;
            s.append("  wire [").append(w - 1).append(":0] d").append(d).append("_o").append(i).append(";\n");
            ports.add("." + names.outputs().get(i) + "(d" + d + "_o" + i + ")");
        }
        s.append("  ").append(names.module()).append(" dut").append(d).append(" (").append(String.join(", ", ports)).append(");\n");
    }

    private static List<String> outputArgs(int d, Circuit c) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < c.outputBuses().size(); i++) {
            if (c.outputBuses().get(i).width() > 0) args.add("d" + d + "_o" + i);
        }
        return args;
    }

    /** The bits of bus {@code b} in {@code v}, most significant first. */
    private static String bits(boolean[] v, Bus b) {
        StringBuilder s = new StringBuilder(b.width());
        for (int k = b.width() - 1; k >= 0; k--) s.append(v[b.offset() + k] ? '1' : '0');
        return s.toString();
    }
}
