package tc0.circuits.eval;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;
import tc0.circuits.Regions;

/** Circuits for evaluator tests and benchmarks, and the plain definition to check them against. */
final class TestCircuits {
    private TestCircuits() {}

    /** How weights are drawn for {@link #raw}. */
    enum Weights {
        /** In [-9, 9], zero included. */
        SMALL,
        /** Plus or minus 2^40 and a little: wide bit-sliced counters. */
        HUGE,
        /** Near plus or minus 2^62: sums overflow a long, so no counter fits. */
        OVERFLOWING
    }

    /**
     * A circuit straight from arrays, with nothing the builder would normalise away: fan-ins from the
     * constant node and repeated fan-ins, gates without fan-in, negative and out-of-range thresholds,
     * gates that are ANDs and ORs of complemented fan-ins, outputs that are constants, inputs or negated.
     */
    static Circuit raw(SplittableRandom rnd, int inputs, int gates, int maxFanin, Weights weights) {
        int[] start = new int[gates + 1];
        int[] node = new int[gates * maxFanin];
        long[] weight = new long[gates * maxFanin];
        long[] threshold = new long[gates];
        int wires = 0;
        for (int g = 0; g < gates; g++) {
            int fanin = rnd.nextInt(maxFanin + 1);
            int available = inputs + 1 + g;
            boolean andLike = rnd.nextInt(3) == 0; // all weights +-k: the AND/OR shapes
            long k = weight(rnd, weights);
            BigInteger min = BigInteger.ZERO, max = BigInteger.ZERO;
            int positive = 0, negative = 0;
            for (int i = 0; i < fanin; i++) {
                node[wires] = rnd.nextInt(8) == 0 ? 0 : rnd.nextInt(available);
                long w = andLike ? (rnd.nextBoolean() ? k : -k) : weight(rnd, weights);
                weight[wires++] = w;
                if (w > 0) { max = max.add(BigInteger.valueOf(w)); positive++; }
                else { min = min.add(BigInteger.valueOf(w)); negative++; }
            }
            start[g + 1] = wires;
            BigInteger edge = BigInteger.valueOf(Math.abs(k)).multiply(BigInteger.valueOf(rnd.nextBoolean() ? positive : 1 - negative))
                    .subtract(BigInteger.valueOf(rnd.nextInt(2)));
            threshold[g] = andLike && fanin > 0
                    ? between(rnd, edge, edge)
                    : between(rnd, min.subtract(BigInteger.TWO), max.add(BigInteger.TWO));
        }
        int nodes = inputs + 1 + gates;
        int outputs = 1 + rnd.nextInt(6);
        int[] out = new int[outputs];
        for (int o = 0; o < outputs; o++) {
            int n = o == 0 ? nodes - 1 : rnd.nextInt(nodes);
            out[o] = Literal.of(n, rnd.nextBoolean());
        }
        return Circuit.of(inputs, start, java.util.Arrays.copyOf(node, wires), java.util.Arrays.copyOf(weight, wires),
                threshold, new int[gates], out, List.of(new Bus("x", 0, inputs)), List.of(new Bus("y", 0, outputs)),
                Regions.rootOnly());
    }

    private static long weight(SplittableRandom rnd, Weights weights) {
        return switch (weights) {
            case SMALL -> rnd.nextInt(-9, 10);
            case HUGE -> (rnd.nextBoolean() ? 1 : -1) * ((1L << 40) + rnd.nextInt(-1000, 1000));
            case OVERFLOWING -> (rnd.nextBoolean() ? 1 : -1) * ((1L << 62) + rnd.nextLong(1L << 60));
        };
    }

    /** A uniform long in [lo, hi], both clamped to the long range. */
    private static long between(SplittableRandom rnd, BigInteger lo, BigInteger hi) {
        BigInteger min = BigInteger.valueOf(Long.MIN_VALUE), max = BigInteger.valueOf(Long.MAX_VALUE);
        lo = lo.max(min).min(max);
        hi = hi.max(lo).min(max);
        BigInteger span = hi.subtract(lo).add(BigInteger.ONE);
        BigInteger r = new BigInteger(span.bitLength() + 8, new java.util.Random(rnd.nextLong())).mod(span);
        return lo.add(r).longValue();
    }

    /**
     * A deep chain, like EPFL's hyp: gate i is the AND (or, one time in four, a random threshold gate) of
     * the previous gate and random earlier signals, complemented at random; outputs tap the chain.
     */
    static Circuit chain(SplittableRandom rnd, int inputs, int gates, int outputs) {
        CircuitBuilder b = new CircuitBuilder(false);
        int[] x = b.inputBus("x", inputs);
        int[] all = new int[inputs + gates];
        System.arraycopy(x, 0, all, 0, inputs);
        int prev = x[0];
        for (int i = 0; i < gates; i++) {
            int other = all[rnd.nextInt(inputs + i)] ^ (rnd.nextBoolean() ? 1 : 0);
            if (rnd.nextInt(4) == 0) {
                int third = all[rnd.nextInt(inputs + i)];
                prev = b.gate(new int[] {prev, other, third}, new long[] {2, rnd.nextInt(-3, 4), 1}, rnd.nextInt(1, 3));
            } else {
                prev = b.and(prev ^ (rnd.nextBoolean() ? 1 : 0), other);
            }
            all[inputs + i] = prev;
        }
        int[] taps = new int[outputs];
        for (int o = 0; o < outputs; o++) taps[o] = all[inputs + gates - 1 - rnd.nextInt(Math.min(gates, 1000))];
        b.outputBus("y", taps);
        return b.build();
    }

    /**
     * An AND circuit of {@code depth} levels of equal width, shaped like EPFL's hyp (214k gates, depth
     * 24801): each gate reads its twin on the level below (so every gate is live) and a random signal
     * from the last few levels.
     */
    static Circuit levelled(SplittableRandom rnd, int inputs, int gates, int depth, int outputs) {
        CircuitBuilder b = new CircuitBuilder(false);
        int[] x = b.inputBus("x", inputs);
        int width = Math.max(1, gates / depth);
        int[] all = new int[inputs + gates];
        System.arraycopy(x, 0, all, 0, inputs);
        for (int i = 0; i < gates; i++) {
            int level = i / width;
            int below = level == 0 ? x[rnd.nextInt(inputs)] : all[i - width];
            int recent = Math.min(inputs + level * width, 8 * width);
            int other = rnd.nextInt(16) == 0 ? x[rnd.nextInt(inputs)] : all[inputs + level * width - 1 - rnd.nextInt(Math.max(1, recent))];
            all[inputs + i] = b.and(below ^ (rnd.nextBoolean() ? 1 : 0), other ^ (rnd.nextBoolean() ? 1 : 0));
        }
        int[] taps = new int[outputs];
        for (int o = 0; o < outputs; o++) taps[o] = all[inputs + gates - 1 - (o % width)] ^ (o / width & 1);
        b.outputBus("y", taps);
        return b.build();
    }

    /** Random two-input ANDs over a growing pool of signals: an AIG of the given size, moderate depth. */
    static Circuit randomAig(SplittableRandom rnd, int inputs, int gates, int outputs) {
        CircuitBuilder b = new CircuitBuilder(false);
        int[] x = b.inputBus("x", inputs);
        int[] all = new int[inputs + gates];
        System.arraycopy(x, 0, all, 0, inputs);
        for (int i = 0; i < gates; i++) {
            int window = Math.min(inputs + i, 4 * inputs);   // recent signals: depth grows with size
            int a = all[inputs + i - 1 - rnd.nextInt(window)];
            int c = all[rnd.nextInt(inputs + i)];
            all[inputs + i] = b.and(a ^ (rnd.nextBoolean() ? 1 : 0), c ^ (rnd.nextBoolean() ? 1 : 0));
        }
        int[] taps = new int[outputs];
        for (int o = 0; o < outputs; o++) taps[o] = all[inputs + gates - 1 - o];
        b.outputBus("y", taps);
        return b.build();
    }

    /** Majority and weighted threshold gates of fan-in {@code fanin} over the inputs, two layers. */
    static Circuit wideThreshold(SplittableRandom rnd, int inputs, int fanin, int gates) {
        CircuitBuilder b = new CircuitBuilder(false);
        int[] x = b.inputBus("x", inputs);
        int[] first = new int[gates];
        for (int g = 0; g < gates; g++) {
            int[] lits = new int[fanin];
            long[] w = new long[fanin];
            long sum = 0;
            for (int i = 0; i < fanin; i++) {
                lits[i] = x[rnd.nextInt(inputs)] ^ (rnd.nextBoolean() ? 1 : 0);
                w[i] = g % 2 == 0 ? 1 : rnd.nextInt(-20, 21);
                sum += w[i];
            }
            first[g] = g % 2 == 0 ? b.majority(lits) : b.gate(lits, w, sum / 2 + rnd.nextInt(-5, 6));
        }
        b.outputBus("y", b.majority(first), first[0], first[gates - 1]);
        return b.build();
    }

    /** The plain definition, one pattern at a time, exact sums: independent of every evaluator. */
    static BitMatrix definition(Circuit c, BitMatrix in) {
        BitMatrix out = new BitMatrix(c.outputCount(), in.patterns());
        boolean[] v = new boolean[c.nodeCount()];
        for (int p = 0; p < in.patterns(); p++) {
            for (int i = 0; i < c.inputCount(); i++) v[1 + i] = in.get(i, p);
            for (int g = 0; g < c.gateCount(); g++) v[c.firstGate() + g] = gate(c, g, v);
            for (int o = 0; o < c.outputCount(); o++) {
                out.set(o, p, v[Literal.node(c.output(o))] ^ Literal.isNegated(c.output(o)));
            }
        }
        return out;
    }

    private static boolean gate(Circuit c, int g, boolean[] v) {
        long sum = 0;
        boolean exact = true;
        for (int e = c.faninStart(g); e < c.faninEnd(g) && exact; e++) {
            if (!v[c.faninNode(e)]) continue;
            long next = sum + c.weight(e);
            exact = ((sum ^ next) & (c.weight(e) ^ next)) >= 0; // no signed overflow
            sum = next;
        }
        if (exact) return sum >= c.threshold(g);
        BigInteger big = BigInteger.ZERO;
        for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
            if (v[c.faninNode(e)]) big = big.add(BigInteger.valueOf(c.weight(e)));
        }
        return big.compareTo(BigInteger.valueOf(c.threshold(g))) >= 0;
    }

    /** All 2^k assignments of k inputs, assignment a as pattern a. */
    static BitMatrix exhaustive(int k) {
        BitMatrix m = new BitMatrix(k, 1 << k);
        for (int a = 0; a < 1 << k; a++) for (int i = 0; i < k; i++) if ((a >> i & 1) != 0) m.set(i, a, true);
        return m;
    }
}
