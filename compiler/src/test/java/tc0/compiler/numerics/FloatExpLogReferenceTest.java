package tc0.compiler.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The float exp and log references against BigDecimal's exact values: relative error at most {@code 2^-p (1 + 2^-3)}
 * at p = 4 .. 64 (rounding alone costs up to {@code 2^-p}), the range's ends saturating or flushing, and the
 * exact points exp(0) = 1, log(1) = 0.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FloatExpLogReferenceTest {
    @Test
    void expIsWithinTheBoundOfTheExactValueAtEveryP() {
        Random r = new Random(5);
        for (int p : new int[] {4, 8, 16, 32, 64}) {
            ChiangFloat.Format f = new ChiangFloat.Format(p, 34 - Integer.numberOfLeadingZeros(p));
            BigDecimal half = BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(p))), bound = half.multiply(new BigDecimal("1.125"));
            int inRange = 0;
            for (int i = 0; i < 300; i++) {
                int e = -2 * p - 5 + r.nextInt(p + 13);
                ChiangFloat x = new ChiangFloat(f, r.nextBoolean(), new BigInteger(p - 1, r).setBit(p - 1), Math.max(0, Math.min((1 << f.q()) - 1, e + f.bias())));
                ChiangFloat y = FloatExpReference.exp(x);
                BigDecimal exact = ExactValues.exp(ExactValues.value(x), p / 3 + 30);
                if (exact.compareTo(ExactValues.value(f.largest(false))) > 0) { assertEquals(f.largest(false), y, "exp " + x); continue; }
                if (exact.compareTo(ExactValues.value(new ChiangFloat(f, false, BigInteger.ONE.shiftLeft(p - 1), 0))) < 0) { assertEquals(f.zero(), y, "exp " + x); continue; }
                BigDecimal err = ExactValues.relativeError(ExactValues.value(y), exact);
                assertTrue(err.compareTo(bound) <= 0, "p = " + p + ": exp " + x + " = " + y + ", relative error " + err);
                inRange++;
            }
            assertTrue(inRange > 200, "most inputs in range at p = " + p + ": " + inRange);
            assertEquals(FloatFunctions.one(f), FloatExpReference.exp(f.zero()), "exp(0) = 1");
        }
    }

    @Test
    void logIsWithinTheBoundOfTheExactValueAtEveryP() {
        Random r = new Random(6);
        for (int p : new int[] {4, 8, 16, 32, 64}) {
            ChiangFloat.Format f = new ChiangFloat.Format(p, 34 - Integer.numberOfLeadingZeros(p));
            BigDecimal half = BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(p))), bound = half.multiply(new BigDecimal("1.125"));
            for (int i = 0; i < 300; i++) {
                ChiangFloat x = new ChiangFloat(f, false, new BigInteger(p - 1, r).setBit(p - 1), r.nextInt(1 << f.q()));
                if (x.equals(FloatFunctions.one(f))) continue;
                BigDecimal err = ExactValues.relativeError(ExactValues.value(FloatLogReference.log(x)), ExactValues.log(x, p / 3 + 30));
                assertTrue(err.compareTo(bound) <= 0, "p = " + p + ": log " + x + ", relative error " + err);
            }
            assertEquals(f.zero(), FloatLogReference.log(FloatFunctions.one(f)), "log(1) = 0");
            assertEquals(f.largest(true), FloatLogReference.log(f.zero()), "log(0) saturates to the largest negative float");
        }
    }
}
