package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.gadgets.WideWeightedSum;

/**
 * {@link WideWeightedSum} (a weighted sum made gate by gate over exact integers, for sums past 61 bits) against
 * {@link WeightedSum#build} on a Tape at the builder's widths: random forms whose literals repeat with either sign
 * (a bit and its negation in one sum), with constant literals, any shift, width, rounding and saturation, give the
 * same live gates per level, wires and output literals' levels; and a form moved up past 61 bits (every weight
 * and the constant times 2^s, the shift s more) counts as the form itself, which the builder builds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WideWeightedSumTest {
    /** A random form over {@code inputs} nodes: each term a node's literal of either polarity (a constant now and then), a signed weight. */
    private record Form(int[] lits, long[] weights, long constant) {
        static Form random(Random r, int inputs, int terms, int weightBits) {
            int[] lits = new int[terms];
            long[] w = new long[terms];
            for (int i = 0; i < terms; i++) {
                int pick = r.nextInt(20);
                lits[i] = pick == 0 ? Literal.TRUE : pick == 1 ? Literal.FALSE : Literal.of(1 + r.nextInt(inputs), r.nextBoolean());
                long mag = r.nextInt(4) == 0 ? r.nextLong(1L << weightBits) : 1L << r.nextInt(weightBits);
                w[i] = r.nextBoolean() ? mag : -mag;
            }
            return new Form(lits, w, r.nextLong(1L << weightBits) - (1L << (weightBits - 1)));
        }

        BigInteger[] wide(int up) {
            BigInteger[] b = new BigInteger[weights.length];
            for (int i = 0; i < b.length; i++) b[i] = BigInteger.valueOf(weights[i]).shiftLeft(up);
            return b;
        }
    }

    private record Run(Profile profile, int[] outLevels) {}

    /** The sum on a Tape over {@code inputs} input nodes at random levels, by the builder's gadget or the wide one moved up by {@code up}. */
    private static Run run(Form f, int inputs, int[] levels, int shift, int width, boolean saturate, int rounds, int up, boolean wide) {
        Tape t = new Tape();
        for (int i = 0; i < inputs; i++) t.input(levels[i]);
        int[] out;
        if (wide) {
            out = WideWeightedSum.build(t, f.lits(), f.wide(up), f.lits().length, BigInteger.valueOf(f.constant()).shiftLeft(up), shift + up, width,
                    saturate, rounds);
        } else {
            LinearForm lf = new LinearForm();
            for (int i = 0; i < f.lits().length; i++) lf.add(f.lits()[i], f.weights()[i]);
            lf.addConstant(f.constant());
            out = WeightedSum.build(t, lf, shift, width, saturate, rounds);
        }
        Profile p = new Profile();
        t.countLive(out, p, new boolean[t.nodeCount()]);
        int[] lv = new int[out.length];
        for (int k = 0; k < out.length; k++) lv[k] = Literal.isConstant(out[k]) ? (out[k] == Literal.TRUE ? -2 : -1) : t.level(Literal.node(out[k]));
        return new Run(p, lv);
    }

    @Test
    void formsWithALiteralAndItsNegationCountAsBuilt() {
        Random r = new Random(1818);
        int mixed = 0;
        for (int trial = 0; trial < 400; trial++) {
            int inputs = 1 + r.nextInt(12), terms = 1 + r.nextInt(40), weightBits = 2 + r.nextInt(20);
            Form f = Form.random(r, inputs, terms, weightBits);
            int[] levels = new int[inputs];
            for (int i = 0; i < inputs; i++) levels[i] = r.nextInt(4);
            int shift = r.nextInt(8), width = 1 + r.nextInt(Math.min(30, 61 - shift - 1) + 1);
            boolean saturate = r.nextBoolean();
            int rounds = 1 + r.nextInt(3);
            String what = "trial " + trial + ": shift " + shift + ", width " + width + ", saturate " + saturate + ", rounds " + rounds;
            Run built = run(f, inputs, levels, shift, width, saturate, rounds, 0, false);
            Run wide = run(f, inputs, levels, shift, width, saturate, rounds, 0, true);
            ClassSamples.assertSameProfile(built.profile(), wide.profile(), what);
            assertArrayEquals(built.outLevels(), wide.outLevels(), what);
            if (bothSigns(f)) mixed++;
        }
        assertTrue(mixed > 200, mixed + " of 400 forms hold a node with weights of both signs");
    }

    @Test
    void aFormMovedUpPast61BitsCountsAsTheFormItself() {
        Random r = new Random(61);
        for (int trial = 0; trial < 200; trial++) {
            int inputs = 1 + r.nextInt(12), terms = 1 + r.nextInt(40), weightBits = 2 + r.nextInt(20);
            Form f = Form.random(r, inputs, terms, weightBits);
            int[] levels = new int[inputs];
            for (int i = 0; i < inputs; i++) levels[i] = r.nextInt(4);
            int shift = r.nextInt(8), width = 1 + r.nextInt(30);
            boolean saturate = r.nextBoolean();
            int rounds = 1 + r.nextInt(3);
            int up = 62 - shift - width + 1 + r.nextInt(40); // shift + up + width past 61
            String what = "trial " + trial + ": moved up by " + up + " to " + (shift + up + width) + " bits";
            Run built = run(f, inputs, levels, shift, width, saturate, rounds, 0, false);
            Run wide = run(f, inputs, levels, shift, width, saturate, rounds, up, true);
            ClassSamples.assertSameProfile(built.profile(), wide.profile(), what);
            assertArrayEquals(built.outLevels(), wide.outLevels(), what);
        }
    }

    @Test
    void aBitAndItsNegationInOneGateMerge() {
        // 3 x + 1 (not x) + y: the builder's gate reads x once (weight 2) and y; the wide gate the same.
        Tape t = new Tape();
        int x = t.input(0), y = t.input(0);
        int g = t.wideGate(new int[] {Literal.of(x, false), Literal.of(x, true), Literal.of(y, false)},
                new BigInteger[] {BigInteger.valueOf(3), BigInteger.ONE, BigInteger.ONE}, 3, BigInteger.valueOf(3));
        Profile p = new Profile();
        t.countLive(new int[] {g}, p, new boolean[t.nodeCount()]);
        assertEquals(BigInteger.TWO, p.cost().wires(), "fan-in of 3x + not x + y >= 3");
        // x + (not x) >= 1 is constant true: no gate.
        assertEquals(Literal.TRUE, t.wideGate(new int[] {Literal.of(x, false), Literal.of(x, true)}, new BigInteger[] {BigInteger.ONE, BigInteger.ONE}, 2,
                BigInteger.ONE));
    }

    private static boolean bothSigns(Form f) {
        java.util.Map<Integer, Integer> sign = new java.util.HashMap<>();
        for (int i = 0; i < f.lits().length; i++) {
            if (Literal.isConstant(f.lits()[i])) continue;
            int s = Long.signum(f.weights()[i]) * (Literal.isNegated(f.lits()[i]) ? -1 : 1);
            Integer prev = sign.put(Literal.node(f.lits()[i]), s);
            if (prev != null && prev != s) return true;
        }
        return false;
    }
}
