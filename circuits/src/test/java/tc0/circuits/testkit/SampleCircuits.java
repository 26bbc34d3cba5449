package tc0.circuits.testkit;

import static tc0.circuits.testkit.RawCircuit.lit;
import static tc0.circuits.testkit.RawCircuit.not;

import java.util.List;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;

/** Hand-made threshold circuits that stress exporters: large, negative and extreme weights, odd names. */
public final class SampleCircuits {
    private SampleCircuits() {}

    /** A circuit with a name to tell it by in messages. */
    public record Sample(String name, Circuit circuit) {}

    public static List<Sample> all() {
        return List.of(new Sample("bigWeights", bigWeights()), new Sample("extremes", extremes()),
                new Sample("majority9", majority9()), new Sample("adder4", adder4()),
                new Sample("constantsAndNames", constantsAndNames()));
    }

    /** Weights 2^35, -7, 3 against negative, zero and large thresholds, then a gate over those gates. */
    public static Circuit bigWeights() {
        var r = new RawCircuit();
        int[] x = r.input("x", 3);
        long big = 1L << 35;
        int[] nodes = {x[0], x[1], x[2]};
        long[] w = {big, -7, 3};
        int a = r.gate("big", nodes, w, -4);
        int b = r.gate("big", nodes, w, 0);
        int c = r.gate("big", nodes, w, big - 4);
        int d = r.gate("big", nodes, w, big + 3);
        int e = r.gate("big/negative", nodes, new long[] {-big, 7, -3}, -big + 1);
        int f = r.gate("", new int[] {a, b, c, d, e}, new long[] {-(1L << 40), 5, -3, 1L << 38, -1}, -(1L << 40) + 2);
        r.output("y", lit(a), lit(b), lit(c), not(d), lit(e), not(f));
        return r.build();
    }

    /** Long.MIN_VALUE and MAX_VALUE weights and thresholds, zero weights, the constant and repeated fan-in. */
    public static Circuit extremes() {
        var r = new RawCircuit();
        int[] x = r.input("x", 4);
        int a = r.gate(new int[] {x[0], x[1], x[2]}, new long[] {Long.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE}, Long.MAX_VALUE);
        int b = r.gate(new int[] {x[0], x[3]}, new long[] {Long.MIN_VALUE, Long.MIN_VALUE}, Long.MIN_VALUE);
        int c = r.gate(new int[] {x[1], x[2]}, new long[] {Long.MIN_VALUE, 1}, Long.MIN_VALUE + 1);
        int d = r.gate(new int[] {0, x[0], x[1]}, new long[] {5, 0, 1}, 1);      // the constant and a zero weight
        int e = r.gate(new int[] {x[2], x[2], x[3]}, new long[] {1, 1, -1}, 2);  // repeated fan-in
        int f = r.gate(new int[] {}, new long[] {}, 0);                          // no fan-in: true
        int g = r.gate(new int[] {}, new long[] {}, 1);                          // no fan-in: false
        int h = r.gate(new int[] {a, b, c, d, e, f, g}, new long[] {Long.MAX_VALUE, -1, Long.MAX_VALUE, Long.MIN_VALUE, 2, 3, 4}, Long.MIN_VALUE + 3);
        r.output("y", lit(a), lit(b), lit(c), lit(d), lit(e), lit(f), lit(g), not(h), lit(h));
        return r.build();
    }

    /** Majority of nine, at-least-three of nine, and a weighted vote. */
    public static Circuit majority9() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 9);
        int maj = b.majority(x);
        int three = b.atLeast(3, x);
        long[] w = {9, -8, 7, -6, 5, -4, 3, -2, 1};
        int vote = b.gate(x, w, 2);
        b.outputBus("maj", maj);
        b.outputBus("votes", three, Literal.not(vote));
        return b.build();
    }

    /** A 4-bit ripple adder: carry = majority, sum = [a + b + c - 2 carry >= 1]; one region per bit. */
    public static Circuit adder4() {
        var b = new CircuitBuilder();
        int[] a = b.inputBus("a", 4);
        int[] y = b.inputBus("b", 4);
        int[] s = new int[5];
        int carry = Literal.FALSE;
        try (var adder = b.region("adder")) {
            for (int i = 0; i < 4; i++) {
                try (var bit = b.region("bit[" + i + "]")) {
                    int next = b.majority(a[i], y[i], carry);
                    s[i] = b.gate(new int[] {a[i], y[i], carry, next}, new long[] {1, 1, 1, -2}, 1);
                    carry = next;
                }
            }
        }
        s[4] = carry;
        b.outputBus("s", s);
        return b.build();
    }

    /** Constant and negated outputs, and bus names that are not Verilog identifiers or that clash. */
    public static Circuit constantsAndNames() {
        var r = new RawCircuit();
        int[] p = r.input("in put", 2);
        int[] m = r.input("module", 1);
        int[] g = r.input("g5", 1);
        r.input("empty", 0);
        int[] d = r.input("1x", 2);
        int and = r.gate("odd \"region\"\\/x", new int[] {p[0], p[1], m[0]}, new long[] {1, 1, 1}, 3);
        int or = r.gate(new int[] {g[0], d[0], d[1]}, new long[] {2, 1, 1}, 2);
        r.output("in put", Literal.TRUE, Literal.FALSE, not(p[1]), lit(d[0]));
        r.output("y.out", not(and), lit(or), not(or));
        r.output("nothing");
        r.output("wire", not(0), lit(and));
        return r.build();
    }
}
