package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.ExactValues;
import tc0.compiler.numerics.FloatLogReference;

/**
 * {@code tc0 primitives}' log row takes {@link Primitive#logExponentBits} exponent bits: at that format no log of a
 * positive float flushes to zero (checked on the model, {@link FloatLogReference}, against BigDecimal: the floats
 * nearest 1 on either side, the range's ends and random floats, relative error at most {@code 2^-p}), and one bit fewer
 * (where the rule is above its floor of 8) flushes the logs next to 1, so the rule is the least that works.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LogExponentBitsTest {
    @Test
    void ruleAtTheWidthsThePrimitivesRowCounts() {
        // From the definition: the least q >= 8 with 2^(q-1) >= 2p - 1.
        for (int p = 1; p <= 4096; p++) {
            int q = 8;
            while ((1L << (q - 1)) < 2L * p - 1) q++;
            assertEquals(q, Primitive.logExponentBits(p), "p = " + p);
        }
        assertEquals(8, Primitive.logExponentBits(64));
        assertEquals(9, Primitive.logExponentBits(65));
        assertEquals(10, Primitive.logExponentBits(256));
        assertEquals(12, Primitive.logExponentBits(1024));
    }

    @Test
    void noLogFlushesAtTheRulesExponentBits() {
        Random r = new Random(61);
        for (int p : new int[] {8, 64, 65, 100, 128, 129, 256}) {
            ChiangFloat.Format f = new ChiangFloat.Format(p, Primitive.logExponentBits(p));
            BigDecimal bound = BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(p)));
            for (ChiangFloat x : probes(f, r, p <= 128 ? 12 : 4)) {
                ChiangFloat y = FloatLogReference.log(x);
                assertFalse(y.isZero(), "p = " + p + ": log " + x + " flushed");
                assertTrue(y.biasedExponent() < (1 << f.q()) - 1, "p = " + p + ": log " + x + " at the top exponent");
                BigDecimal err = ExactValues.relativeError(ExactValues.value(y), ExactValues.log(x, 2 * p / 3 + 30));
                assertTrue(err.compareTo(bound) <= 0, "p = " + p + ": log " + x + ", relative error " + err);
            }
        }
    }

    @Test
    void oneBitFewerFlushesTheLogsNextToOne() {
        for (int p : new int[] {65, 128, 129, 256}) {
            ChiangFloat.Format f = new ChiangFloat.Format(p, Primitive.logExponentBits(p) - 1);
            assertTrue(f.q() >= 8, "p = " + p);
            assertTrue(FloatLogReference.log(below1(f)).isZero(), "p = " + p + " at q = " + f.q() + ": log(1 - 2^-p) should flush");
        }
    }

    /** The series' length from its definition in BigInteger (least N with {@code 2^(F+1) < 2^N (N+1)}), to p = 1024, where doubles underflow. */
    @Test
    void seriesLengthAtEveryPToOneThousandTwentyFour() {
        for (int p : new int[] {4, 8, 64, 128, 256, 353, 354, 355, 512, 1024}) {
            FloatLog.Plan plan = new FloatLog.Plan(p, Primitive.logExponentBits(p));
            BigInteger lhs = BigInteger.ONE.shiftLeft(plan.f + 1);
            assertTrue(lhs.compareTo(BigInteger.ONE.shiftLeft(plan.n).multiply(BigInteger.valueOf(plan.n + 1))) < 0, "p = " + p + ": N = " + plan.n);
            assertTrue(lhs.compareTo(BigInteger.ONE.shiftLeft(plan.n - 1).multiply(BigInteger.valueOf(plan.n))) >= 0, "p = " + p + ": N - 1 = " + (plan.n - 1) + " suffices");
            assertEquals(plan.p * plan.n + plan.fc, plan.bits, "p = " + p);
        }
    }

    /** {@code 1 - 2^-p}, the float nearest 1 from below: its log, about {@code -2^-p}, is the least in magnitude. */
    static ChiangFloat below1(ChiangFloat.Format f) {
        return new ChiangFloat(f, false, BigInteger.ONE.shiftLeft(f.p()).subtract(BigInteger.ONE), f.bias() - f.p());
    }

    /** The floats nearest 1 on either side, the least and largest positive floats, and {@code n} random positive floats. */
    static List<ChiangFloat> probes(ChiangFloat.Format f, Random r, int n) {
        int p = f.p();
        BigInteger half = BigInteger.ONE.shiftLeft(p - 1), top = BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE);
        List<ChiangFloat> xs = new ArrayList<>();
        xs.add(below1(f));
        xs.add(new ChiangFloat(f, false, half.add(BigInteger.ONE), f.bias() - p + 1)); // 1 + 2^-(p-1)
        xs.add(new ChiangFloat(f, false, half, 0));
        xs.add(new ChiangFloat(f, false, top, (1 << f.q()) - 1));
        for (int i = 0; i < n; i++) xs.add(new ChiangFloat(f, false, new BigInteger(p - 1, r).setBit(p - 1), r.nextInt(1 << f.q())));
        return xs;
    }
}
