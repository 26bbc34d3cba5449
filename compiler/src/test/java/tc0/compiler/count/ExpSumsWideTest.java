package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A softmax line whose sum of exps passes a long (tensor attention's 2^40 kept pairs at n = 2^20): the sums held
 * exactly ({@link SoftmaxCount.ExpSums}), and stage 3's steps over exact products equal to a walk over every t that
 * tests the definition, {@code (a0 - (2t - 1)) e_i >= (2t - 1) others}, in BigIntegers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExpSumsWideTest {
    @Test
    void sumsPastALongAreHeldExactly() {
        ElemClass small = ElemClass.constant(3, 8), big = ElemClass.constant(100, 8);
        long[] fits = {1L << 20, 7};
        SoftmaxCount.ExpSums a = SoftmaxCount.ExpSums.of(new ElemClass[] {small, big}, fits);
        assertFalse(a.wide());
        assertEquals(3L * (1L << 20) + 700, a.lo());
        long[] past = {1L << 40, 1L << 57}; // 100 x 2^57 passes 2^63
        SoftmaxCount.ExpSums b = SoftmaxCount.ExpSums.of(new ElemClass[] {small, big}, past);
        assertTrue(b.wide());
        BigInteger want = BigInteger.valueOf(3).shiftLeft(40).add(BigInteger.valueOf(100).shiftLeft(57));
        assertEquals(want, b.wideLo());
        assertEquals(want, b.wideHi());
        assertThrows(ArithmeticException.class, b::lo);
    }

    @Test
    void exactStepsFindWhatTheDefinitionWalkFinds() {
        Random r = new Random(13);
        for (int trial = 0; trial < 3000; trial++) {
            long top = 1 + r.nextInt(300), a0 = 2 * top + r.nextInt(500);
            long lo = r.nextInt(200), hi = lo + r.nextInt(200);
            // Others from small to far past a long.
            BigInteger othersLo = BigInteger.valueOf(r.nextInt(2000)).shiftLeft(trial % 3 == 0 ? 0 : r.nextInt(80));
            BigInteger othersHi = othersLo.add(BigInteger.valueOf(r.nextInt(2000)).shiftLeft(r.nextInt(3) == 0 ? 0 : r.nextInt(80)));
            long[] got = SoftmaxCount.stage3StepsExact(a0, top, new long[] {lo, hi}, othersLo, othersHi, new Profile());
            assertArrayEquals(walk(a0, top, lo, hi, othersLo, othersHi), got, "trial " + trial);
            if (othersHi.bitLength() <= 62) { // within a long: as the long bisection finds
                long[] longs = SoftmaxCount.stage3Steps(a0, top, new long[] {lo, hi}, othersLo.longValueExact(), othersHi.longValueExact(), false, new Profile());
                assertArrayEquals(longs, got, "trial " + trial);
            }
        }
    }

    /** Ties (a test that holds with equality at some t), where {@code >=} and {@code >} part, far past a long too. */
    @Test
    void exactStepsHoldAtATie() {
        Random r = new Random(17);
        int pastLong = 0;
        for (int trial = 0; trial < 500; trial++) {
            long top = 2 + r.nextInt(300), a0 = 2 * top + r.nextInt(500), t = 1 + r.nextInt((int) top);
            long a = a0 - (2 * t - 1), b = 2 * t - 1;
            long scale = 1 + r.nextInt(5);
            // lo = b scale 2^s and others = a scale 2^s: the least f_t is 0 exactly; 2^s lifts the others past a long where lo stays a long.
            int s = 64 - Long.numberOfLeadingZeros(a * scale) >= 64 - Long.numberOfLeadingZeros(b * scale) + 1 && trial % 2 == 1
                    ? 64 - (64 - Long.numberOfLeadingZeros(a * scale)) : 0;
            if (64 - Long.numberOfLeadingZeros(b * scale) + s > 62) s = 0;
            long lo = (b * scale) << s;
            BigInteger oh = BigInteger.valueOf(a * scale).shiftLeft(s), ol = oh.shiftRight(1);
            long hi = lo + r.nextInt(50);
            long[] got = SoftmaxCount.stage3StepsExact(a0, top, new long[] {lo, hi}, ol, oh, new Profile());
            assertArrayEquals(walk(a0, top, lo, hi, ol, oh), got, "trial " + trial);
            assertTrue(got[0] >= t, "the tie at t = " + t + " holds: " + got[0]);
            if (oh.bitLength() > 63) pastLong++;
        }
        assertTrue(pastLong > 100, "ties past a long: " + pastLong);
    }

    /** {the last t whose gate is constant 1, the last t with a gate (not constant 0)}, t = 1 .. top, from the definition. */
    private static long[] walk(long a0, long top, long lo, long hi, BigInteger othersLo, BigInteger othersHi) {
        long ones = 0, gates = 0;
        for (long t = 1; t <= top; t++) {
            BigInteger a = BigInteger.valueOf(a0 - (2 * t - 1)), b = BigInteger.valueOf(2 * t - 1);
            boolean alwaysOne = a.multiply(BigInteger.valueOf(lo)).compareTo(b.multiply(othersHi)) >= 0; // the least f_t >= 0
            boolean sometimesOne = a.multiply(BigInteger.valueOf(hi)).compareTo(b.multiply(othersLo)) >= 0; // the greatest f_t >= 0
            if (alwaysOne) ones = t;
            if (alwaysOne || sometimesOne) gates = t;
        }
        return new long[] {ones, gates};
    }
}
