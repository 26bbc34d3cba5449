package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.compiler.numerics.Rounding;
import tc0.compiler.testing.DirectEval;
import tc0.compiler.testing.GadgetAsserts;

class WeightedSumTest {

    /** The specification: floor(S / 2^shift + 1/2), saturated to width bits or wrapped. */
    static long spec(long s, int shift, int width, boolean saturate) {
        long r = Rounding.shiftRound(s, shift);
        if (saturate) return Math.max(-(1L << (width - 1)), Math.min((1L << (width - 1)) - 1, r));
        return DirectEval.signExtend(r, width);
    }

    static void sumOfWords(CircuitBuilder b, long[] coeffs, long constant, int w, int shift, int width, boolean sat, int rounds) {
        Net net = Net.of(b);
        int[][] x = new int[coeffs.length][];
        for (int i = 0; i < coeffs.length; i++) x[i] = b.inputBus("x" + i, w);
        LinearForm f = new LinearForm();
        for (int i = 0; i < coeffs.length; i++) f.addWord(x[i], coeffs[i]);
        f.addConstant(constant);
        b.outputBus("s", WeightedSum.build(net, f, shift, width, sat, rounds));
    }

    @Test
    void sumsOfSmallWordsWithAnyCoefficientsAreExactOnEveryInput() {
        var rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 24; trial++) {
            int m = 2 + trial % 3, w = m == 4 ? 3 : 4;
            long[] coeffs = new long[m];
            for (int i = 0; i < m; i++) coeffs[i] = rnd.nextInt(-7, 8);
            long constant = rnd.nextInt(-20, 21);
            int shift = rnd.nextInt(0, 4), width = rnd.nextInt(2, 9), rounds = trial % 4;
            boolean sat = rnd.nextBoolean();
            Circuit c = GadgetAsserts.build(b -> sumOfWords(b, coeffs, constant, w, shift, width, sat, rounds));
            DirectEval ev = new DirectEval(c);
            GadgetAsserts.forAllWords(m, w, xs -> {
                long s = constant;
                for (int i = 0; i < m; i++) s += coeffs[i] * xs[i];
                assertEquals(spec(s, shift, width, sat), ev.run(xs).signed("s"),
                        () -> "coeffs " + java.util.Arrays.toString(coeffs) + " c " + constant + " shift " + shift + " width " + width + " sat " + sat + " k " + rounds + " xs " + java.util.Arrays.toString(xs));
            });
        }
    }

    @Test
    void weightedBitsWithLargeWeightsSumExactlyOnEveryInput() {
        var rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 10; trial++) {
            int n = 12;
            long[] weights = new long[n];
            for (int i = 0; i < n; i++) weights[i] = rnd.nextLong(-5000, 5000);
            long constant = rnd.nextLong(-3000, 3000);
            int shift = rnd.nextInt(0, 6), rounds = trial % 3;
            int width = 10;
            boolean sat = trial % 2 == 0;
            Cost stated = WeightedSum.cost(weights, constant, shift, width, sat, rounds);
            Circuit c = GadgetAsserts.assertCost(stated, b -> {
                int[] x = b.inputBus("x", n);
                LinearForm f = new LinearForm();
                for (int i = 0; i < n; i++) f.add(x[i], weights[i]);
                f.addConstant(constant);
                b.outputBus("s", WeightedSum.build(Net.of(b), f, shift, width, sat, rounds));
            });
            DirectEval ev = new DirectEval(c);
            for (long a = 0; a < 1 << n; a++) {
                long s = constant;
                for (int i = 0; i < n; i++) if ((a >>> i & 1) != 0) s += weights[i];
                assertEquals(spec(s, shift, width, sat), ev.run(a).signed("s"));
            }
        }
    }

    @Test
    void statedCostEqualsWhatIsBuiltForWordSums() {
        for (int rounds = 0; rounds <= 3; rounds++) {
            for (int m : new int[] {2, 3, 7, 16}) {
                int k = rounds, mm = m;
                GadgetAsserts.assertCost(WeightedSum.costOfWordSum(m, 6, k), b -> {
                    LinearForm f = new LinearForm();
                    for (int i = 0; i < mm; i++) f.addWord(b.inputBus("x" + i, 6), 1);
                    b.outputBus("s", WeightedSum.exact(Net.of(b), f, k));
                });
            }
        }
    }

    @Test
    void depthIsTheSameForTwoOrTwoHundredFiftySixWords() {
        for (int k = 1; k <= 3; k++) {
            int d2 = WeightedSum.costOfWordSum(2, 8, k).depth();
            assertEquals(2 * k + 2, d2);
            for (int m : new int[] {8, 64, 256}) assertEquals(d2, WeightedSum.costOfWordSum(m, 8, k).depth(), "m = " + m + ", k = " + k);
        }
        assertEquals(2, WeightedSum.costOfWordSum(256, 8, 0).depth());
    }

    @Test
    void randomWideSumsOfManyWordsAreExact() {
        var rnd = new SplittableRandom(3);
        int m = 40, w = 12;
        Circuit c = GadgetAsserts.build(b -> sumOfWords(b, ones(m), 0, w, 0, 18, false, 2));
        DirectEval ev = new DirectEval(c);
        for (int trial = 0; trial < 300; trial++) {
            long[] xs = new long[m];
            long s = 0;
            for (int i = 0; i < m; i++) {
                xs[i] = switch (trial % 3) {
                    case 0 -> rnd.nextLong(-2048, 2048);
                    case 1 -> -2048;
                    default -> rnd.nextBoolean() ? 2047 : -2048;
                };
                s += xs[i];
            }
            assertEquals(s, ev.run(xs).signed("s"));
        }
    }

    static long[] ones(int m) {
        long[] c = new long[m];
        java.util.Arrays.fill(c, 1);
        return c;
    }
}
