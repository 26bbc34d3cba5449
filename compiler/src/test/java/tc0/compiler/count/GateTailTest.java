package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.FloatDivide;
import tc0.compiler.gadgets.FloatLog;
import tc0.compiler.gadgets.FloatSqrt;
import tc0.compiler.gadgets.FloatWord;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.WeightedSum;

/**
 * {@link GateTail}: a {@link LiveNet} that settles its last gates in one backward pass counts what the builder keeps
 * (the circuit built without hashing: gates, wires, gates per level, output levels, inputs read) whatever the tail's
 * size (none, a few gates, all of them), on random threshold circuits with dead cones of every depth and on float
 * blocks (twins, blocks inside); and it needs fewer runs.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class GateTailTest {
    private static final int[] TAILS = {0, 8, 64, 1024, 1 << 20};

    @Test
    void aDeadChainSettlesInOneRun() {
        int length = 40;
        BiFunction<Net, int[], int[]> chain = (net, in) -> {
            int g = in[0];
            for (int i = 0; i < length; i++) g = net.and(g, in[1 + i % 3]); // read by the next, the last by none
            return new int[] {net.or(in[1], in[2])};
        };
        int[] levels = {0, 1, 2, 3};
        Counted with = count(levels, chain, 1 << 20), without = count(levels, chain, 0);
        assertEquals(1, with.runs);
        assertEquals(length + 1, without.runs); // one run per dead layer (the last one finds none new)
        assertBuilt(levels, chain, with, "chain");
        assertBuilt(levels, chain, without, "chain, no tail");
        assertTrue(with.inputsRead[1] && with.inputsRead[2] && !with.inputsRead[0] && !with.inputsRead[3]);
    }

    @Test
    void randomCircuitsCountWhatTheBuilderKeeps() {
        Random r = new Random(5);
        int fewer = 0;
        for (int t = 0; t < 200; t++) {
            int inputs = 2 + r.nextInt(6), gates = 5 + r.nextInt(t < 150 ? 60 : 400);
            long seed = r.nextLong();
            BiFunction<Net, int[], int[]> circuit = (net, in) -> random(net, in, gates, new Random(seed));
            int[] levels = new int[inputs];
            for (int i = 0; i < inputs; i++) levels[i] = r.nextInt(4);
            int runsWithout = -1;
            boolean[] readWithout = null;
            for (int tail : TAILS) {
                Counted c = count(levels, circuit, tail);
                assertBuilt(levels, circuit, c, "trial " + t + ", tail " + tail);
                if (tail == 0) { runsWithout = c.runs; readWithout = c.inputsRead; }
                assertArrayEquals(readWithout, c.inputsRead, "trial " + t + ", tail " + tail + ": inputs read");
                assertTrue(c.runs <= runsWithout, "trial " + t + ": " + c.runs + " runs with a tail of " + tail + ", " + runsWithout + " without");
                if (tail == 1 << 20) {
                    assertEquals(1, c.runs, "trial " + t + ": a tail holding every gate settles them in one run");
                    if (runsWithout > 1) fewer++;
                }
            }
        }
        assertTrue(fewer > 50, fewer + " trials of 200 had dead gates");
    }

    @Test
    void floatBlocksCountWhatTheBuilderKeeps() {
        int rounds = WeightedSum.DEFAULT_ROUNDS;
        Random r = new Random(9);
        int fewer = 0;
        for (int p = 5; p <= 8; p++) {
            int q = 4, w = p + q + 1, fp = p;
            BiFunction<Net, int[], int[]> gadget = (net, in) -> {
                FloatWord x = FloatWord.of(Arrays.copyOfRange(in, 0, w), fp, q), y = FloatWord.of(Arrays.copyOfRange(in, w, 2 * w), fp, q);
                FloatWord d = FloatDivide.divide(net, x, y, rounds), s = FloatSqrt.sqrt(net, y, rounds), l = FloatLog.log(net, x, rounds);
                int[] out = new int[2 * w]; // part of each read: the division's significand, the root's exponent, the log's sign
                System.arraycopy(d.significand(), 0, out, 0, fp);
                System.arraycopy(s.exponent(), 0, out, fp, q);
                out[fp + q] = l.sign();
                System.arraycopy(FloatDivide.reciprocal(net, x, rounds).word(), 0, out, w, w);
                return out;
            };
            int[] levels = new int[2 * w];
            for (int i = 0; i < levels.length; i++) levels[i] = r.nextInt(3);
            for (int tail : TAILS) assertBuilt(levels, gadget, count(levels, gadget, tail), "p " + p + ", tail " + tail);
            for (BiFunction<Net, int[], int[]> one : List.<BiFunction<Net, int[], int[]>>of(
                    (net, in) -> FloatDivide.divide(net, FloatWord.of(Arrays.copyOfRange(in, 0, w), fp, q), FloatWord.of(Arrays.copyOfRange(in, w, 2 * w), fp, q), rounds).word(),
                    (net, in) -> FloatLog.log(net, FloatWord.of(Arrays.copyOfRange(in, 0, w), fp, q), rounds).word())) {
                // a block's own count (blocks gate by gate, every output read): the ladders' dead gates settle in the tail
                Counted without = count(levels, one, 0, null), with = count(levels, one, 1 << 20, null);
                assertBuilt(levels, one, without, "p " + p + ", one block, no tail");
                assertBuilt(levels, one, with, "p " + p + ", one block");
                assertTrue(with.runs <= without.runs, "p " + p + ": " + with.runs + " runs with the tail, " + without.runs + " without");
                fewer += with.runs < without.runs ? 1 : 0;
            }
        }
        assertTrue(fewer >= 4, fewer + " of 8 blocks counted in fewer runs"); // the divisions' ladders at least
    }

    /** Gates over random earlier literals (some negated), random weights and thresholds; a random few of them read. */
    private static int[] random(Net net, int[] in, int gates, Random k) {
        int[] lits = Arrays.copyOf(in, in.length + gates);
        int made = in.length;
        for (int g = 0; g < gates; g++) {
            int fanIn = 1 + k.nextInt(4);
            int[] terms = new int[fanIn];
            long[] weights = new long[fanIn];
            for (int i = 0; i < fanIn; i++) {
                int from = made - 1 - Math.min(made - 1, k.nextInt(k.nextBoolean() ? 4 : made)); // mostly recent gates: long chains
                terms[i] = k.nextInt(5) == 0 ? Literal.not(lits[from]) : lits[from];
                weights[i] = 1 + k.nextInt(3);
            }
            lits[made++] = net.gate(terms, weights, fanIn, 1 + k.nextInt(fanIn + 1));
        }
        int[] out = new int[1 + k.nextInt(3)];
        for (int i = 0; i < out.length; i++) out[i] = lits[in.length + k.nextInt(gates)];
        return out;
    }

    private record Counted(LiveNet net, int[] out, int runs, boolean[] inputsRead) {}

    private static Counted count(int[] levels, BiFunction<Net, int[], int[]> gadget, int tail) {
        return count(levels, gadget, tail, new PartCounts());
    }

    /** Counted on a LiveNet with a tail of {@code tail} ints, blocks in {@code parts} (null: gate by gate). */
    private static Counted count(int[] levels, BiFunction<Net, int[], int[]> gadget, int tail, PartCounts parts) {
        LiveNet net = new LiveNet(levels, parts, tail);
        int[] out;
        do {
            net.reset();
            out = gadget.apply(net, net.inputs());
        } while (net.settle(out));
        if (!net.twinsLive()) {
            net.withoutTwins();
            do {
                net.reset();
                out = gadget.apply(net, net.inputs());
            } while (net.settle(out));
        }
        boolean[] read = new boolean[levels.length];
        for (int i = 0; i < read.length; i++) read[i] = net.isRead(1 + i);
        return new Counted(net, out, net.runs(), read);
    }

    private static void assertBuilt(int[] levels, BiFunction<Net, int[], int[]> gadget, Counted c, String what) {
        CircuitBuilder b = new CircuitBuilder(false);
        int[] in = b.inputBus("in", levels.length);
        b.outputBus("out", gadget.apply(Net.of(b), in));
        Circuit built = b.build();
        BuiltLevels bl = BuiltLevels.of(built, in, levels);
        LiveNet live = c.net;
        long[] perLevel = Arrays.copyOf(bl.perLevel(), Math.max(bl.perLevel().length, live.perLevel().length));
        assertEquals(built.gateCount(), live.gates(), what);
        assertEquals(bl.wires(), live.wires(), what);
        assertArrayEquals(perLevel, Arrays.copyOf(live.perLevel(), perLevel.length), what);
        for (int i = 0; i < c.out.length; i++) {
            assertEquals(bl.levelOf(built.output(i)), Literal.isConstant(c.out[i]) ? -1 : live.level(c.out[i]), what + ", output " + i);
        }
    }
}
