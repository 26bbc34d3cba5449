package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.compiler.gadgets.DivideByConstant.Route;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.testing.DirectEval;
import tc0.compiler.testing.GadgetAsserts;

/**
 * {@link Route#SPLIT}, the route for divisions whose MULTIPLY passes a long: built,
 * evaluated against the exact quotient {@code floor((2 V 2^a + D) / 2D)} (nearest, ties up: taken here from the
 * definition in BigInteger arithmetic, not from the gadget's numerics), saturated; every input at small widths,
 * edges and random inputs where {@code V 2^a} has 40 to 70 bits; the stated cost equal to the built circuit's.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DivideByConstantSplitTest {

    /** {@code V = c0 x0 + c1 x1} over two signed words; {@code y = saturate(round(V 2^a / d))} in {@code out}. */
    record Case(int[] widths, long[] coefs, int a, long d, FixedFormat out) {
        LinearForm form(int[][] words) {
            LinearForm f = new LinearForm();
            for (int k = 0; k < words.length; k++) f.addWord(words[k], coefs[k]);
            return f;
        }

        long[] weights() {
            CountingNet n = new CountingNet();
            int[][] words = new int[widths.length][];
            for (int k = 0; k < widths.length; k++) words[k] = n.input(widths[k]);
            LinearForm f = form(words);
            long[] w = new long[f.size()];
            for (int i = 0; i < w.length; i++) w[i] = f.weight(i);
            return w;
        }

        /** The definition: nearest (ties up) of the exact rational {@code V 2^a / d}, clamped to the format's codes. */
        long expected(long[] codes) {
            BigInteger v = BigInteger.ZERO;
            for (int k = 0; k < codes.length; k++) v = v.add(BigInteger.valueOf(coefs[k]).multiply(BigInteger.valueOf(codes[k])));
            BigInteger num = v.shiftLeft(a + 1).add(BigInteger.valueOf(d)), den = BigInteger.valueOf(d).shiftLeft(1);
            BigInteger[] qr = num.divideAndRemainder(den);
            BigInteger y = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
            BigInteger lo = BigInteger.ONE.shiftLeft(out.width() - 1).negate(), hi = BigInteger.ONE.shiftLeft(out.width() - 1).subtract(BigInteger.ONE);
            return y.max(lo).min(hi).longValueExact();
        }

        @Override
        public String toString() {
            return java.util.Arrays.toString(widths) + " x " + java.util.Arrays.toString(coefs) + ", 2^" + a + " / " + d + " -> " + out;
        }

        /** Bits of the largest {@code |V| 2^a}. */
        int numeratorBits() {
            BigInteger m = BigInteger.ZERO;
            for (int k = 0; k < widths.length; k++) m = m.add(BigInteger.valueOf(Math.abs(coefs[k])).shiftLeft(widths[k] - 1));
            return m.shiftLeft(a).bitLength();
        }
    }

    /** Builds {@code route}, checks its stated cost against the circuit, and evaluates it on {@code inputs}. */
    private static void check(Case c, Route route, List<long[]> inputs) {
        long[] w = c.weights();
        Cost closed = DivideByConstant.closedCost(w, 0, c.a(), c.d(), c.out(), 2, route);
        assertEquals(DivideByConstant.cost(w, 0, c.a(), c.d(), c.out(), 2, route), closed, c + " " + route);
        Circuit circ = GadgetAsserts.assertCost(closed, b -> {
            int[][] words = new int[c.widths().length][];
            for (int k = 0; k < words.length; k++) words[k] = b.inputBus("x" + k, c.widths()[k]);
            b.outputBus("y", DivideByConstant.build(Net.of(b), c.form(words), c.a(), c.d(), c.out(), 2, route));
        });
        DirectEval ev = new DirectEval(circ);
        for (long[] codes : inputs) {
            assertEquals(c.expected(codes), ev.run(codes).signed("y"), () -> c + " " + route + " at " + java.util.Arrays.toString(codes));
        }
    }

    @Test
    void everyInputOfTwoSmallWordsManyDivisorsAndShifts() {
        int cases = 0;
        for (long[] co : new long[][] {{1, 1}, {1, 5}, {3, -2}, {-7, 6}}) {
            for (int a = 0; a <= 4; a += 2) {
                for (long d = 1; d <= 40; d += 3) {
                    for (FixedFormat out : new FixedFormat[] {FixedFormat.of(3, 1), FixedFormat.of(6, 2)}) {
                        Case c = new Case(new int[] {5, 4}, co, a, d, out);
                        List<long[]> all = new ArrayList<>();
                        for (long x = -16; x < 16; x++) for (long y = -8; y < 8; y++) all.add(new long[] {x, y});
                        check(c, Route.SPLIT, all);
                        cases++;
                    }
                }
            }
        }
        assertEquals(4 * 3 * 14 * 2, cases);
    }

    @Test
    void wideNumeratorsFortyToSeventyBitsEdgesAndRandom() {
        // (widths, coefficients, a, d, out): V 2^a from about 2^40 to 2^70; odd, even and power-of-two-times-odd divisors
        Case[] cases = {
            new Case(new int[] {29, 29}, new long[] {1, 5}, 18, 9L << 20, FixedFormat.of(8, 18)), // var's 3 x 3 downsample at n = 4096
            new Case(new int[] {29, 29}, new long[] {3, 3}, 18, 9L << 20, FixedFormat.of(8, 18)),
            new Case(new int[] {34, 30}, new long[] {7, -3}, 6, 1_000_003, FixedFormat.of(12, 10)),
            new Case(new int[] {40, 20}, new long[] {1, 1 << 20}, 12, 3 * 5 * 7 * 11 * 13L, FixedFormat.of(20, 12)),
            new Case(new int[] {36, 36}, new long[] {255, -129}, 20, 9, FixedFormat.of(16, 20)),
            new Case(new int[] {44, 40}, new long[] {-1, 77}, 15, (1L << 40) + 1, FixedFormat.of(10, 15)),
        };
        int wideMultiply = 0;
        for (Case c : cases) {
            int bits = c.numeratorBits();
            assertTrue(bits >= 40 && bits <= 70, c + ": " + bits + " bits");
            if (multiplyRefused(c)) wideMultiply++;
            check(c, Route.SPLIT, patterns(c.widths(), 400, bits));
        }
        assertTrue(wideMultiply >= 4, "cases past MULTIPLY: " + wideMultiply);
    }

    @Test
    void chooseFallsBackToASplitWhereMultiplyPassesALong() {
        // var's downsample at n = 4096 (before: the ArithmeticException of MULTIPLY's cost escaped choose)
        Case c = new Case(new int[] {29, 29}, new long[] {1, 5}, 18, 9L << 20, FixedFormat.of(8, 18));
        long[] w = c.weights();
        assertThrows(ArithmeticException.class, () -> DivideByConstant.closedCost(w, 0, c.a(), c.d(), c.out(), 2, Route.MULTIPLY));
        assertTrue(multiplyRefused(c));
        Route r = DivideByConstant.choose(w, 0, c.a(), c.d(), c.out(), 2);
        assertEquals(Route.SPLIT, r);
        check(c, r, patterns(c.widths(), 200, 7));
    }

    @Test
    void theFallbacksDoNotChangeARouteTheFirstFourBuild() {
        // a 16-bit bilinear stencil: MULTIPLY is cheaper by SPLIT's own count, yet choose keeps to the first four
        Case c = new Case(new int[] {16, 16}, new long[] {1, 5}, 8, 36L << 8, FixedFormat.of(8, 8));
        long[] w = c.weights();
        Route r = DivideByConstant.choose(w, 0, c.a(), c.d(), c.out(), 2);
        assertTrue(r != Route.SPLIT, r.toString());
        assertEquals(Route.SPLIT, DivideByConstant.chooseSplit(w, 0, c.a(), c.d(), c.out(), 2));
    }

    @Test
    void splitDepthIsOneComparatorLevelAboveOneSum() {
        Case c = new Case(new int[] {29, 29}, new long[] {1, 5}, 18, 9L << 20, FixedFormat.of(8, 18));
        long[] w = c.weights();
        assertEquals(7, DivideByConstant.closedCost(w, 0, c.a(), c.d(), c.out(), 2, Route.SPLIT).depth()); // k = 2: 1 + (2k + 2)
    }

    /** Random small forms with repeated, negated and constant literals, signed weights and constants: every input. */
    @Test
    void randomFormsOverRepeatedNegatedAndConstantLiteralsEveryInput() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int t = 0; t < 3000; t++) {
            int k = rnd.nextInt(1, 7), terms = rnd.nextInt(0, 9);
            int[] which = new int[terms];
            boolean[] neg = new boolean[terms];
            long[] w = new long[terms];
            for (int i = 0; i < terms; i++) { which[i] = rnd.nextInt(-1, k); neg[i] = rnd.nextBoolean(); w[i] = rnd.nextLong(-300, 300); }
            long c = rnd.nextLong(-500, 500);
            int a = rnd.nextInt(0, 5);
            long d = rnd.nextLong(1, 100);
            FixedFormat out = FixedFormat.of(rnd.nextInt(1, 8), rnd.nextInt(0, 3));
            final int[][] in = new int[1][];
            Circuit circ = GadgetAsserts.build(b -> {
                in[0] = b.inputBus("x", k);
                LinearForm f = new LinearForm().addConstant(c);
                for (int i = 0; i < terms; i++) {
                    int lit = which[i] < 0 ? (neg[i] ? tc0.circuits.Literal.TRUE : tc0.circuits.Literal.FALSE) : in[0][which[i]];
                    if (neg[i] && which[i] >= 0) lit = tc0.circuits.Literal.not(lit);
                    f.add(lit, w[i]);
                }
                b.outputBus("y", DivideByConstant.build(Net.of(b), f, a, d, out, 2, DivideByConstant.Route.SPLIT));
            });
            DirectEval ev = new DirectEval(circ);
            for (long x = 0; x < (1L << k); x++) {
                long v = c;
                for (int i = 0; i < terms; i++) {
                    boolean bit = which[i] < 0 ? neg[i] : ((x >>> which[i] & 1) != 0) ^ neg[i];
                    if (bit) v += w[i];
                }
                long want = out.saturate(tc0.compiler.numerics.Rounding.divRound(BigInteger.valueOf(v).shiftLeft(a), BigInteger.valueOf(d)));
                final long xx = x; final int tt = t;
                assertEquals(want, ev.run(x).signed("y"), () -> "case " + tt + " x=" + xx + " w=" + java.util.Arrays.toString(w) + " which=" + java.util.Arrays.toString(which) + " neg=" + java.util.Arrays.toString(neg) + " c=" + c + " a=" + a + " d=" + d + " out=" + out);
            }
        }
    }

    private static boolean multiplyRefused(Case c) {
        long[] w = c.weights();
        try {
            return DivideByConstant.closedCost(w, 0, c.a(), c.d(), c.out(), 2, Route.MULTIPLY) == null;
        } catch (ArithmeticException tooWide) {
            return true;
        }
    }

    /** Both ends, zero, -1, alternating extremes, one bit set, then random codes (half biased to the ends); DivideWordsTest's too. */
    static List<long[]> patterns(int[] widths, int random, long seed) {
        List<long[]> ps = new ArrayList<>();
        int m = widths.length;
        long[] lo = new long[m], hi = new long[m], alt = new long[m], alt2 = new long[m], minus1 = new long[m], one = new long[m];
        for (int k = 0; k < m; k++) {
            lo[k] = -(1L << (widths[k] - 1));
            hi[k] = (1L << (widths[k] - 1)) - 1;
            alt[k] = k % 2 == 0 ? lo[k] : hi[k];
            alt2[k] = k % 2 == 0 ? hi[k] : lo[k];
            minus1[k] = -1;
            one[k] = 1;
        }
        ps.addAll(List.of(lo, hi, new long[m], alt, alt2, minus1, one));
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int p = 0; p < random; p++) {
            long[] x = new long[m];
            for (int k = 0; k < m; k++) {
                long l = -(1L << (widths[k] - 1)), h = (1L << (widths[k] - 1)) - 1;
                x[k] = switch (p % 4) {
                    case 0 -> rnd.nextLong(l, h + 1);
                    case 1 -> h - rnd.nextLong(0, 1 << 10);
                    case 2 -> l + rnd.nextLong(0, 1 << 10);
                    default -> rnd.nextLong(l, h + 1) >> rnd.nextInt(0, widths[k]);
                };
            }
            ps.add(x);
        }
        return ps;
    }
}
