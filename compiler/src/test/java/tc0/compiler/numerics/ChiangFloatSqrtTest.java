package tc0.compiler.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The square root reference: the nearest float by brute force at p = 3, and its relative error against
 * BigDecimal at most {@code 2^-p} on random floats at p = 8, 16, 32, 64 (what Lemma 3.15 asks).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChiangFloatSqrtTest {
    static final MathContext MC = new MathContext(80);

    @Test
    void aRootIsTheNearestFloat() {
        ChiangFloat.Format f = new ChiangFloat.Format(3, 4);
        var positive = ChiangFloat.all(f).stream().filter(x -> !x.negative() && !x.isZero()).toList();
        for (ChiangFloat x : positive) {
            BigDecimal root = value(x).sqrt(MC);
            ChiangFloat best = null;
            for (ChiangFloat y : positive) {
                if (best == null || value(y).subtract(root).abs().compareTo(value(best).subtract(root).abs()) < 0) best = y;
            }
            assertEquals(best, ChiangFloat.sqrt(x), "sqrt " + x);
        }
        assertEquals(f.zero(), ChiangFloat.sqrt(f.of(true, 4, 3)));
        assertEquals(f.of(false, 4, 7), ChiangFloat.sqrt(f.of(false, 4, 8))); // sqrt 4 = 2 = 4 2^-1
    }

    @Test
    void relativeErrorIsAtMostTwoToTheMinusP() {
        Random r = new Random(5);
        for (int p : new int[] {8, 16, 32, 64}) {
            ChiangFloat.Format f = new ChiangFloat.Format(p, 8);
            BigDecimal bound = BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(p)), MC), worst = BigDecimal.ZERO;
            for (int i = 0; i < 2000; i++) {
                ChiangFloat x = new ChiangFloat(f, false, new BigInteger(p - 1, r).setBit(p - 1), r.nextInt(1 << 8));
                BigDecimal exact = value(x).sqrt(MC), error = value(ChiangFloat.sqrt(x)).subtract(exact).abs().divide(exact, MC);
                worst = worst.max(error);
            }
            assertTrue(worst.compareTo(bound) <= 0, "p = " + p + ": worst relative error " + worst + " > 2^-p");
            // Rounding to nearest reaches close to its bound (half an ulp): not a looser approximation.
            assertTrue(worst.compareTo(bound.divide(BigDecimal.TWO, MC)) > 0, "p = " + p + ": worst " + worst);
        }
    }

    static BigDecimal value(ChiangFloat x) {
        BigDecimal m = new BigDecimal(x.significand());
        int e = x.exponent();
        BigDecimal v = e >= 0 ? m.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(e))) : m.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
        return x.negative() ? v.negate() : v;
    }
}
