package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link HeadSegments} (the head's decisions held over stretches of counts) equals {@link RepeatedSum#head} (exact, per
 * count) at every count of long stretches and at counts far out, on random families whose constants and sums pass a
 * long on the way: the saturation kinds, wide, the constant's low bits (both limbs: a third of the families are sums
 * of 62 to 75 bits) and the gates added. The families are chosen so
 * that every decision changes somewhere (checked), so a comparison left out of the stretches shows.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HeadSegmentsTest {
    @Test
    void everyCountAsTheExactHead() {
        Random r = new Random(61);
        long compared = 0, hiChanges = 0, loChanges = 0, wideChanges = 0, stretches = 0, pastLimb = 0;
        for (int trial = 0; trial < 400; trial++) {
            // Every third family wide (Family.random's trial 3: sums of up to 75 bits, the constant's bits in two limbs).
            RepeatedSumTest.Family f = trial % 3 == 0 ? RepeatedSumTest.Family.random(r, 3) : trial % 3 == 1 ? RepeatedSumTest.Family.random(r, trial & ~3) : steep(r);
            long c0 = 2 + r.nextInt(5);
            RepeatedSum rs = RepeatedSum.of(f.shape(c0), f.shape(c0 + 1), c0, f.shift(), f.width(), 2);
            if (rs == null || !HeadSegments.fits(rs)) continue;
            HeadSegments hs = new HeadSegments(rs);
            long[] prev = null;
            for (int i = 0; i < 1500; i++) {
                long d = i < 1200 ? i : r.nextLong(1L << (10 + r.nextInt(30)));
                long distinct = 2 + r.nextInt(1000);
                StepCount want = new StepCount(8), got = new StepCount(8);
                long[] hw = new long[5], hg = new long[5];
                BigInteger low = rs.head(d, distinct, want, rs.maxLevel + 1, hw);
                hw[3] = low.longValue();
                hw[4] = low.shiftRight(64).longValueExact();
                if (hw[4] != 0) pastLimb++;
                hs.head(d, distinct, got, rs.maxLevel + 1, hg);
                String what = "trial " + trial + " d " + d;
                assertArrayEquals(hw, hg, what);
                assertArrayEquals(want.perLevel, got.perLevel, what);
                assertEquals(want.wires, got.wires, what);
                compared++;
                if (prev != null && i < 1200) {
                    if (prev[0] != hw[0]) hiChanges++;
                    if (prev[1] != hw[1]) loChanges++;
                    if (prev[2] != hw[2]) wideChanges++;
                }
                prev = hw;
            }
            stretches += hs.stretches;
        }
        assertTrue(compared > 200 * 1500, "counts compared: " + compared);
        assertTrue(hiChanges > 20 && loChanges > 20 && wideChanges > 20, "changes met: hi " + hiChanges + ", lo " + loChanges + ", wide " + wideChanges);
        assertTrue(stretches < compared / 20, "stretches " + stretches + " for " + compared + " counts");
        assertTrue(pastLimb > 10_000, "counts whose constant's low bits pass 64: " + pastLimb);
    }

    /** A family whose constant moves fast against narrow outputs: the saturation gates come and go as c grows. */
    private static RepeatedSumTest.Family steep(Random r) {
        return new RepeatedSumTest.Family(r.nextLong(), 1 + r.nextInt(8), r.nextInt(4), 2 + r.nextInt(6), r.nextInt(3) == 0);
    }

    @Test
    void lastCountOfAComparison() {
        BigInteger t = BigInteger.valueOf(100);
        // 3 + 7x >= 100 first at x = 14 (3 + 98 = 101): below until 13
        assertEquals(13, HeadSegments.keeps(BigInteger.valueOf(3), BigInteger.valueOf(7), t, BigInteger.ZERO));
        assertEquals(Long.MAX_VALUE, HeadSegments.keeps(BigInteger.valueOf(3), BigInteger.valueOf(7), t, BigInteger.valueOf(14)));
        // 200 - 5x >= 100 up to x = 20 exactly
        assertEquals(20, HeadSegments.keeps(BigInteger.valueOf(200), BigInteger.valueOf(-5), t, BigInteger.ONE));
        assertEquals(Long.MAX_VALUE, HeadSegments.keeps(BigInteger.valueOf(200), BigInteger.valueOf(-5), t, BigInteger.valueOf(21)));
        assertEquals(Long.MAX_VALUE, HeadSegments.keeps(BigInteger.valueOf(200), BigInteger.ZERO, t, BigInteger.ONE));
    }
}
