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
import tc0.compiler.gadgets.FloatProduct;
import tc0.compiler.gadgets.FloatSum;
import tc0.compiler.gadgets.FloatWord;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.WeightedSum;

/**
 * {@link LiveNet} counts a gadget as the builder keeps it: the live gates (those an output reaches), their wires
 * and levels, with the float sum's alignment counted by its twin, equal to the circuit built without hashing at
 * many widths and operand counts, for inputs at random levels and with repeated or constant literals (where the
 * twin steps aside).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveNetTest {
    @Test
    void aFloatSumCountsWhatTheBuilderKeeps() {
        Random r = new Random(17);
        int twinned = 0;
        for (int t = 0; t < 60; t++) {
            int p = 4 + r.nextInt(37), q = 1 + r.nextInt(t < 30 ? 4 : 6), n = 1 + r.nextInt(t < 50 ? 5 : 12);
            int[] levels = new int[n * (p + q + 1)];
            for (int i = 0; i < levels.length; i++) levels[i] = r.nextInt(4) == 0 ? r.nextInt(9) : 3;
            boolean plain = t % 4 != 3; // else some literals constant or repeated: no twin
            boolean constantSigns = t % 4 == 2; // known signs (a ReLU's output): the twin with the sign folded
            long seed = r.nextLong();
            BiFunction<Net, int[], int[]> sum = (net, in) -> {
                FloatWord[] xs = new FloatWord[n];
                Random k = new Random(seed);
                int[] lits = in.clone();
                if (!plain) for (int i = 0; i < lits.length; i++) if (k.nextInt(6) == 0) lits[i] = k.nextBoolean() ? Literal.TRUE : lits[k.nextInt(lits.length)];
                if (constantSigns) for (int i = 0; i < n; i++) lits[(i + 1) * (p + q + 1) - 1] = k.nextBoolean() ? Literal.TRUE : Literal.FALSE;
                for (int i = 0; i < n; i++) xs[i] = FloatWord.of(Arrays.copyOfRange(lits, i * (p + q + 1), (i + 1) * (p + q + 1)), p, q);
                return FloatSum.build(net, xs, WeightedSum.DEFAULT_ROUNDS).word();
            };
            String what = "trial " + t + ": p " + p + " q " + q + " n " + n + (plain ? "" : " (constants and repeats)") + (constantSigns ? " (constant signs)" : "");
            assertSame(levels, sum, what);
            if (plain) twinned++;
        }
        assertTrue(twinned > 40);
    }

    @Test
    void aFloatProductWithDeadGatesCountsWhatTheBuilderKeeps() {
        Random r = new Random(5);
        for (int t = 0; t < 20; t++) {
            int p = 3 + r.nextInt(14), q = 2 + r.nextInt(3);
            int[] levels = new int[2 * (p + q + 1)];
            for (int i = 0; i < levels.length; i++) levels[i] = r.nextInt(5);
            assertSame(levels, (net, in) -> FloatProduct.multiply(net, FloatWord.of(Arrays.copyOf(in, p + q + 1), p, q),
                    FloatWord.of(Arrays.copyOfRange(in, p + q + 1, in.length), p, q), WeightedSum.DEFAULT_ROUNDS).word(), "trial " + t + ": p " + p + " q " + q);
        }
    }

    /** Every float gadget, gate by gate on the LiveNet (dead gates dropped over repeated runs) where it has no twin. */
    @Test
    void everyFloatGadgetCountsWhatTheBuilderKeeps() {
        Random r = new Random(11);
        int rounds = WeightedSum.DEFAULT_ROUNDS;
        for (int p = 4; p <= 7; p++) { // q = 3 or 4 (sigmoid at q = 4: 1 is a float there)
            final int fp = p, q = 3 + p % 2;
            BiFunction<int[], Integer, FloatWord> word = (in, i) -> FloatWord.of(Arrays.copyOfRange(in, i * (fp + q + 1), (i + 1) * (fp + q + 1)), fp, q);
            java.util.Map<String, BiFunction<Net, int[], int[]>> gadgets = new java.util.LinkedHashMap<>();
            gadgets.put("compare", (net, in) -> tc0.compiler.gadgets.FloatCompare.build(net, word.apply(in, 0), word.apply(in, 1)));
            gadgets.put("divide", (net, in) -> tc0.compiler.gadgets.FloatDivide.divide(net, word.apply(in, 0), word.apply(in, 1), rounds).word());
            gadgets.put("sqrt", (net, in) -> tc0.compiler.gadgets.FloatSqrt.sqrt(net, word.apply(in, 0), rounds).word());
            gadgets.put("exp", (net, in) -> tc0.compiler.gadgets.FloatExp.exp(net, word.apply(in, 0), rounds).word());
            gadgets.put("log", (net, in) -> tc0.compiler.gadgets.FloatLog.log(net, word.apply(in, 0), rounds).word());
            gadgets.put("product of 3", (net, in) -> FloatProduct.build(net, new FloatWord[] {word.apply(in, 0), word.apply(in, 1), word.apply(in, 2)}, rounds).word());
            if (q >= 4) gadgets.put("sigmoid", (net, in) -> tc0.compiler.gadgets.FloatActivations.sigmoid(net, word.apply(in, 0), rounds).word());
            for (var g : gadgets.entrySet()) {
                int[] levels = new int[3 * (p + q + 1)];
                for (int i = 0; i < levels.length; i++) levels[i] = r.nextInt(4);
                assertSame(levels, g.getValue(), g.getKey() + " p " + p + " q " + q);
            }
        }
    }

    /** The gadget counted on a LiveNet equals it built (no hashing): gates, wires and gates per level over inputs at those levels. */
    private static void assertSame(int[] levels, BiFunction<Net, int[], int[]> gadget, String what) {
        LiveNet live = new LiveNet(levels);
        int[] out;
        do {
            live.reset();
            out = gadget.apply(live, live.inputs());
        } while (live.settle(out));
        assertTrue(live.twinsLive(), what);

        CircuitBuilder b = new CircuitBuilder(false);
        int[] in = b.inputBus("in", levels.length);
        b.outputBus("out", gadget.apply(Net.of(b), in));
        Circuit c = b.build();
        BuiltLevels built = BuiltLevels.of(c, in, levels);
        long[] perLevel = Arrays.copyOf(built.perLevel(), Math.max(built.perLevel().length, live.perLevel().length));
        long wires = built.wires();
        assertEquals(c.gateCount(), live.gates(), what);
        assertEquals(wires, live.wires(), what);
        assertArrayEquals(perLevel, Arrays.copyOf(live.perLevel(), perLevel.length), what);
        for (int l = perLevel.length; l < live.perLevel().length; l++) assertEquals(0, live.perLevel()[l], what);
        for (int i = 0; i < out.length; i++) {
            int o = c.output(i);
            assertEquals(built.levelOf(o), Literal.isConstant(out[i]) ? -1 : live.level(out[i]), what + ", output " + i);
        }
    }
}
