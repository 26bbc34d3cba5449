package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.DivideByConstant.Route;
import tc0.compiler.numerics.FixedFormat;

/**
 * {@link SplitRoute#certain} says SPLIT only where {@link DivideByConstant#chooseSplit} (the full route choice, closed
 * costs and all) gives SPLIT: over random forms shaped as resampling stencils (words times coefficients over many
 * divisors and formats) and forms near its bound (quotients up to 2^61, where SPLIT's sum turns wide and chooseSplit
 * falls back to the other routes).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SplitRouteTest {

    @Test
    void certainOnlyWhereChooseSplitGivesSplit() {
        SplittableRandom rnd = new SplittableRandom(2026_12_07);
        int certain = 0, split = 0, wideSplit = 0;
        for (int c = 0; c < 6000; c++) {
            boolean edge = c % 3 == 0;
            int rounds = rnd.nextInt(5);
            Form f = edge ? edgeForm(rnd) : stencilForm(rnd);
            DivideWords.SplitNumbers sp = DivideWords.split(f.exact(), BigInteger.valueOf(f.constant), f.a, BigInteger.valueOf(f.d), f.out);
            Route route;
            try {
                route = DivideByConstant.chooseSplit(f.weights, f.constant, f.a, f.d, f.out, rounds);
            } catch (IllegalArgumentException none) { // no route at all
                route = null;
            }
            if (route == Route.SPLIT) split++;
            boolean wide = false;
            try {
                wide = sp != null && DivideByConstant.closedCost(f.weights, f.constant, f.a, f.d, f.out, rounds, Route.SPLIT) == null;
            } catch (ArithmeticException past) {
                wide = true;
            } catch (IllegalArgumentException beyond) { // past the builder's 61 bits: SPLIT not available
                wide = false;
            }
            if (wide) wideSplit++;
            if (!SplitRoute.certain(sp, f.out, rounds)) continue;
            certain++;
            assertSame(Route.SPLIT, route, "case " + c + ": " + f);
            assertNotNull(DivideByConstant.closedCost(f.weights, f.constant, f.a, f.d, f.out, rounds, Route.SPLIT), "case " + c);
        }
        assertTrue(certain >= 3000, certain + " certain");
        assertTrue(split >= certain, split + " SPLIT routes");
        // Forms whose SPLIT numbers fit but whose sum is wide: where a looser bound would answer wrongly.
        assertTrue(wideSplit >= 200, wideSplit + " SPLIT sums wide");
    }

    @Test
    void refusesMissingNumbersAndWideOutputs() {
        assertFalse(SplitRoute.certain(null, new FixedFormat(8, 8), 2));
        DivideWords.SplitNumbers sp = new DivideWords.SplitNumbers(new long[] {3, 5}, new long[] {0, 0}, 1, new long[0]);
        assertTrue(SplitRoute.certain(sp, new FixedFormat(8, 8), 2));
        assertFalse(SplitRoute.certain(sp, new FixedFormat(10, 52), 2)); // 62 bits: past the builder's 61
        DivideWords.SplitNumbers big = new DivideWords.SplitNumbers(new long[] {1L << 57, 1}, new long[] {0, 0}, 0, new long[0]);
        assertTrue(SplitRoute.certain(big, new FixedFormat(8, 8), 2));
        assertFalse(SplitRoute.certain(big, new FixedFormat(8, 8), 3)); // 2^57 + 1 >= 2^(60 - 3)
    }

    private record Form(long[] weights, long constant, int a, long d, FixedFormat out) {
        BigInteger[] exact() {
            BigInteger[] w = new BigInteger[weights.length];
            for (int i = 0; i < w.length; i++) w[i] = BigInteger.valueOf(weights[i]);
            return w;
        }

        @Override
        public String toString() {
            return java.util.Arrays.toString(weights) + " + " + constant + ", a " + a + ", d " + d + ", " + out;
        }
    }

    /** Two or four two's-complement words of 2..30 bits times bilinear weights, divided by {@code den 2^fx}, some bits constant. */
    private static Form stencilForm(SplittableRandom rnd) {
        int taps = rnd.nextBoolean() ? 2 : 4;
        long den = 2L << rnd.nextInt(20);
        long f = 1 + rnd.nextLong(den - 1), g = 1 + rnd.nextLong(den - 1);
        long[] coeff = taps == 2 ? new long[] {den - f, f} : new long[] {(den - f) * (den - g), (den - f) * g, f * (den - g), f * g};
        long d = taps == 2 ? den : den * den;
        int fx = rnd.nextInt(24);
        if (Long.numberOfLeadingZeros(d) - 2 < fx) fx = Math.max(0, Long.numberOfLeadingZeros(d) - 2);
        d <<= fx;
        long[] w = new long[taps * 31];
        int size = 0;
        long constant = 0;
        for (int t = 0; t < taps; t++) {
            int width = 2 + rnd.nextInt(29);
            for (int k = 0; k < width; k++) {
                long wt = coeff[t] << k;
                if (k == width - 1) wt = -wt;
                if (Math.abs(wt) >= 1L << 58 || rnd.nextInt(8) == 0) continue; // a FALSE bit
                if (rnd.nextInt(12) == 0) { constant += wt; continue; } // a TRUE bit
                w[size++] = wt;
            }
        }
        int frac = rnd.nextInt(Math.min(fx + 6, 40) + 1), width = frac + 1 + rnd.nextInt(Math.min(20, 62 - frac));
        return new Form(java.util.Arrays.copyOf(w, size), constant, frac, d, new FixedFormat(width - frac, frac));
    }

    /** Few literals of weights up to 2^61 divided by small d into wide outputs: quotients near the bound, sums often wide. */
    private static Form edgeForm(SplittableRandom rnd) {
        int n = 1 + rnd.nextInt(6);
        long[] w = new long[n];
        int bits = 54 + rnd.nextInt(5); // six weights below 2^61 in all: the form fits a long
        for (int i = 0; i < n; i++) {
            long x = rnd.nextLong(1L << bits) | 1L << (bits - 1 - rnd.nextInt(3));
            w[i] = rnd.nextBoolean() ? -x : x;
        }
        long constant = rnd.nextInt(4) == 0 ? rnd.nextLong(1L << bits) - (1L << (bits - 1)) : 0;
        long d = 1 + rnd.nextInt(4);
        int frac = rnd.nextInt(3), width = 56 + rnd.nextInt(7);
        return new Form(w, constant, frac, d, new FixedFormat(width - frac, frac));
    }
}
