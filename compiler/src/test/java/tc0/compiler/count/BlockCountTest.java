package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.Block;
import tc0.compiler.gadgets.FloatActivations;
import tc0.compiler.gadgets.FloatDivide;
import tc0.compiler.gadgets.FloatExp;
import tc0.compiler.gadgets.FloatLayerNorm;
import tc0.compiler.gadgets.FloatLog;
import tc0.compiler.gadgets.FloatSoftmax;
import tc0.compiler.gadgets.FloatSqrt;
import tc0.compiler.gadgets.FloatWord;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.WeightedSum;

/**
 * Blocks (the float functions) counted once per key and read mask ({@link PartCounts}) and replayed on a
 * {@link LiveNet} count what the builder keeps: the same gates, wires, gates per level and output levels as the
 * circuit built without hashing, and as the same gadget counted gate by gate, for inputs at random levels (some
 * constant or repeated) and random sets of outputs read (a block whose outputs go partly or wholly unread loses
 * its dead cone; an element's gates die when a block reads nothing of them).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BlockCountTest {
    private static final int ROUNDS = WeightedSum.DEFAULT_ROUNDS;

    @Test
    void rowsOfFloatFunctionsCountWhatTheBuilderKeeps() {
        Random r = new Random(23);
        for (int t = 0; t < 8; t++) {
            int p = 4 + r.nextInt(2), q = t % 4 == 3 ? 4 : 3, m = 1 + r.nextInt(3), w = p + q + 1; // sigmoid needs 1 in the format: q = 4
            BiFunction<Net, int[], int[]> gadget = switch (t % 4) {
                case 0 -> (net, in) -> words(FloatSoftmax.build(net, floats(in, m, p, q), ROUNDS));
                case 1 -> (net, in) -> words(FloatLayerNorm.build(net, floats(in, m + 1, p, q), ROUNDS));
                case 2 -> (net, in) -> { // every function once, and twice on alike inputs
                    FloatWord[] xs = floats(in, m, p, q);
                    FloatWord a = FloatExp.exp(net, xs[0], ROUNDS), b = FloatLog.log(net, xs[0], ROUNDS);
                    FloatWord c = FloatSqrt.sqrt(net, xs[m - 1], ROUNDS), d = FloatDivide.divide(net, a, c, ROUNDS);
                    return words(a, b, c, d, FloatDivide.reciprocal(net, b, ROUNDS), FloatExp.exp(net, xs[m - 1], ROUNDS));
                };
                default -> (net, in) -> words(FloatActivations.silu(net, floats(in, m, p, q)[0], ROUNDS));
            };
            int inputs = (t % 4 == 1 ? m + 1 : m) * w;
            int[] levels = new int[inputs];
            for (int i = 0; i < inputs; i++) levels[i] = t % 3 == 0 ? 2 : r.nextInt(6);
            long seed = r.nextLong();
            BiFunction<Net, int[], int[]> mixed = t % 3 != 2 ? gadget : (net, in) -> { // some literals constant or repeated
                Random k = new Random(seed);
                int[] lits = in.clone();
                for (int i = 0; i < lits.length; i++) if (k.nextInt(7) == 0) lits[i] = k.nextBoolean() ? Literal.FALSE : lits[k.nextInt(lits.length)];
                return gadget.apply(net, lits);
            };
            boolean[] mask = mask(r, t);
            assertSame(levels, mixed, mask, "trial " + t + ": p " + p + " m " + m);
        }
    }

    /** At p = 12 and 16 (a divide is 358 K gates at 16): a softmax of two and a layer norm of two, half their outputs read. */
    @Test
    void widerFormatsCountWhatTheBuilderKeeps() {
        Random r = new Random(41);
        for (int p : new int[] {12, 16}) {
            int q = 5, w = p + q + 1;
            int[] levels = new int[2 * w];
            for (int i = 0; i < levels.length; i++) levels[i] = r.nextInt(4);
            boolean[] half = new boolean[4096];
            for (int i = 0; i < half.length; i++) half[i] = r.nextBoolean();
            BiFunction<Net, int[], int[]> gadget = p == 16 ? (net, in) -> words(FloatSoftmax.build(net, floats(in, 2, p, q), ROUNDS))
                    : (net, in) -> words(FloatLayerNorm.build(net, floats(in, 2, p, q), ROUNDS));
            assertSame(levels, gadget, half, "p " + p);
        }
    }

    /** A block whose outputs pass its inputs through: whoever reads them reads the input, not the block. */
    @Test
    void aBlockPassingInputsThroughLeavesTheirReadsToItsReaders() {
        Block body = (net, in) -> new int[] {net.and(in[0][0], in[0][1]), in[0][2], Literal.not(in[0][1]), net.or(in[0][0], in[0][2])};
        BiFunction<Net, int[], int[]> gadget = (net, in) -> { // the blocks read gates, which die where nothing reads them
            int[] g = {net.and(in[0], in[1]), net.or(in[1], in[2]), net.and(in[2], in[3]), net.or(in[3], in[0])};
            int[] a = Block.call(net, "test pass", new int[][] {Arrays.copyOf(g, 3)}, body);
            int[] b = Block.call(net, "test pass", new int[][] {Arrays.copyOfRange(g, 1, 4)}, body);
            return new int[] {net.and(a[0], b[1]), a[1], net.or(b[2], in[0]), a[3]};
        };
        Random r = new Random(3);
        for (int t = 0; t < 40; t++) {
            int[] levels = {r.nextInt(3), r.nextInt(3), r.nextInt(3), r.nextInt(3)};
            boolean[] mask = new boolean[64];
            for (int i = 0; i < mask.length; i++) mask[i] = r.nextBoolean();
            assertSame(levels, gadget, mask, "trial " + t);
        }
    }

    /** Every output read, none, or a random set ({@code null}: all). */
    private static boolean[] mask(Random r, int t) {
        if (t % 5 == 0) return null;
        boolean[] m = new boolean[4096];
        double keep = t % 5 == 1 ? 0 : t % 5 == 2 ? 0.05 : 0.5;
        for (int i = 0; i < m.length; i++) m[i] = r.nextDouble() < keep;
        return m;
    }

    private static FloatWord[] floats(int[] in, int m, int p, int q) {
        FloatWord[] xs = new FloatWord[m];
        for (int i = 0; i < m; i++) xs[i] = FloatWord.of(Arrays.copyOfRange(in, i * (p + q + 1), (i + 1) * (p + q + 1)), p, q);
        return xs;
    }

    private static int[] words(FloatWord... xs) {
        int[] out = new int[0];
        for (FloatWord x : xs) {
            int[] w = x.word();
            int at = out.length;
            out = Arrays.copyOf(out, at + w.length);
            System.arraycopy(w, 0, out, at, w.length);
        }
        return out;
    }

    /**
     * Reading the outputs {@code mask} marks: counted with blocks equals counted gate by gate equals built without
     * hashing (gates, wires, gates per level, the levels of the outputs read).
     */
    private static void assertSame(int[] levels, BiFunction<Net, int[], int[]> gadget, boolean[] mask, String what) {
        PartCounts parts = new PartCounts();
        LiveNet blocks = new LiveNet(levels, parts), plain = new LiveNet(levels);
        int[] outBlocks = live(blocks, levels, gadget, mask), outPlain = live(plain, levels, gadget, mask);
        assertTrue(parts.size() > 0, what + ": no block met");

        CircuitBuilder b = new CircuitBuilder(false);
        int[] in = b.inputBus("in", levels.length);
        int[] out = gadget.apply(Net.of(b), in);
        b.outputBus("out", read(out, mask));
        Circuit c = b.build();
        BuiltLevels built = BuiltLevels.of(c, in, levels);
        long[] perLevel = built.perLevel();
        long wires = built.wires();
        for (LiveNet live : new LiveNet[] {plain, blocks}) {
            String how = what + (live == blocks ? " (blocks)" : " (gate by gate)");
            assertEquals(c.gateCount(), live.gates(), how);
            assertEquals(wires, live.wires(), how);
            long[] counted = Arrays.copyOf(live.perLevel(), Math.max(perLevel.length, live.perLevel().length));
            assertArrayEquals(Arrays.copyOf(perLevel, counted.length), counted, how);
        }
        int[] readOut = read(out, mask);
        for (int i = 0; i < readOut.length; i++) {
            int o = c.output(i);
            if (Literal.isConstant(readOut[i])) continue;
            int want = built.levelOf(o);
            assertEquals(want, Literal.isConstant(outBlocks[i]) ? -1 : blocks.level(outBlocks[i]), what + ", output " + i);
            assertEquals(want, Literal.isConstant(outPlain[i]) ? -1 : plain.level(outPlain[i]), what + ", output " + i);
        }
    }

    /** Runs the gadget on the net until no gate dies, reading the outputs the mask marks. */
    private static int[] live(LiveNet net, int[] levels, BiFunction<Net, int[], int[]> gadget, boolean[] mask) {
        int[] out;
        do {
            net.reset();
            out = gadget.apply(net, net.inputs());
        } while (net.settle(read(out, mask)));
        if (!net.twinsLive()) {
            net.withoutTwins();
            do {
                net.reset();
                out = gadget.apply(net, net.inputs());
            } while (net.settle(read(out, mask)));
        }
        return out;
    }

    private static int[] read(int[] out, boolean[] mask) {
        if (mask == null) return out;
        int[] r = new int[out.length];
        for (int i = 0; i < out.length; i++) r[i] = mask[i % mask.length] ? out[i] : Literal.FALSE;
        return r;
    }
}
