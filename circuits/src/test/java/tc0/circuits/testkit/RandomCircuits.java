package tc0.circuits.testkit;

import java.util.SplittableRandom;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;

/** Random threshold circuits from a seed: raw (anything Circuit.of accepts) or through CircuitBuilder. */
public final class RandomCircuits {
    private RandomCircuits() {}

    private static final String[] REGIONS = {"", "layer[0]", "layer[0]/attention", "layer[0]/attention/softmax",
            "layer[0]/mlp", "layer[1]", "layer[1]/attention", "head"};

    /** A raw circuit: repeated fan-in, zero weights, the constant as fan-in, weights up to 2^45 in size. */
    public static Circuit raw(long seed, int inputs, int gates) {
        var rnd = new SplittableRandom(seed);
        var r = new RawCircuit();
        int split = inputs == 0 ? 0 : rnd.nextInt(inputs + 1);
        r.input("a", split);
        r.input("b", inputs - split);
        for (int g = 0; g < gates; g++) {
            int nodes = 1 + inputs + g;
            int fanin = rnd.nextInt(7);
            int[] src = new int[fanin];
            long[] w = new long[fanin];
            long sum = 0;
            for (int i = 0; i < fanin; i++) {
                src[i] = rnd.nextInt(nodes);
                w[i] = weight(rnd);
                sum += Math.abs(w[i]);
            }
            long t = sum == 0 ? rnd.nextInt(-1, 2) : rnd.nextLong(-sum, sum + 1);
            r.gate(REGIONS[rnd.nextInt(REGIONS.length)], src, w, t);
        }
        r.output("y", literals(rnd, 1 + inputs + gates, 1 + rnd.nextInt(8)));
        r.output("z", literals(rnd, 1 + inputs + gates, rnd.nextInt(3)));
        return r.build();
    }

    /** A circuit made through CircuitBuilder (normalised, hashed, dead gates dropped). */
    public static Circuit built(long seed, int inputs, int gates) {
        var rnd = new SplittableRandom(seed);
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", inputs);
        int[] lits = new int[inputs + gates];
        System.arraycopy(x, 0, lits, 0, inputs);
        int n = inputs;
        for (int g = 0; g < gates; g++) {
            int fanin = 2 + rnd.nextInt(5);
            int[] in = new int[fanin];
            long[] w = new long[fanin];
            long sum = 0;
            for (int i = 0; i < fanin; i++) {
                in[i] = lits[rnd.nextInt(n)] ^ rnd.nextInt(2);
                w[i] = weight(rnd);
                sum += Math.abs(w[i]);
            }
            try (var scope = b.region(REGIONS[1 + rnd.nextInt(REGIONS.length - 1)].split("/")[0])) {
                lits[n++] = b.gate(in, w, rnd.nextLong(-sum / 2, sum / 2 + 1));
            }
        }
        int outs = 1 + rnd.nextInt(6);
        int[] out = new int[outs];
        for (int i = 0; i < outs; i++) out[i] = lits[n - 1 - rnd.nextInt(Math.min(n, 8))] ^ rnd.nextInt(2);
        b.outputBus("y", out);
        return b.build();
    }

    private static long weight(SplittableRandom rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> 0;
            case 1 -> rnd.nextLong(-(1L << 45), 1L << 45);
            case 2 -> (rnd.nextBoolean() ? 1 : -1) * (1L << rnd.nextInt(40));
            default -> rnd.nextInt(-9, 10);
        };
    }

    private static int[] literals(SplittableRandom rnd, int nodes, int count) {
        int[] l = new int[count];
        for (int i = 0; i < count; i++) {
            int node = rnd.nextInt(4) == 0 ? rnd.nextInt(nodes) : nodes - 1 - rnd.nextInt(Math.min(nodes, 5));
            l[i] = Literal.of(node, rnd.nextBoolean());
        }
        return l;
    }
}
