package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link RepeatedSum#at} (by {@link RepeatedSweep}: the last round kept while round one's groups keep their kinds)
 * equals {@link RepeatedSum#atDirect} (every round at every c) at every count of long stretches, in order and out of
 * order, and the shape built for that c counted by {@link WeightedSum#closedSum} on a sample: so the sweep's summaries
 * of round one (the bit-length formulas for the gates' fan-in, the signatures) are checked against both.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RepeatedSweepTest {
    @Test
    void everyCountOfLongStretchesAsDirectAndAsBuilt() {
        Random r = new Random(16);
        long compared = 0, built = 0, reused = 0, recomputed = 0, walked = 0, fromPiece = 0;
        for (int trial = 0; trial < 40; trial++) {
            RepeatedSumTest.Family f = RepeatedSumTest.Family.random(r, trial);
            long c0 = 2 + r.nextInt(5);
            RepeatedSum rs = RepeatedSum.of(f.shape(c0), f.shape(c0 + 1), c0, f.shift(), f.width(), 2);
            assertNotNull(rs, "trial " + trial);
            RepeatedSum direct = RepeatedSum.of(f.shape(c0), f.shape(c0 + 1), c0, f.shift(), f.width(), 2);
            int stretch = trial % 4 == 3 ? 600 : 3000; // wide families build slowly: shorter
            for (long c = c0; c < c0 + stretch; c++) {
                String what = "trial " + trial + " c " + c;
                ClosedSum got = rs.at(c), want = direct.atDirect(c);
                assertEquals(want == null, got == null, what);
                if (got == null) continue;
                RepeatedSumTest.same(want, got, what);
                compared++;
                if (c % 97 == 0) {
                    RepeatedSumTest.same(WeightedSum.closedSum(f.shape(c), f.shift(), f.width(), true, 2), got, what + " (built)");
                    built++;
                }
            }
            long[] s = rs.sweepStats();
            if (s != null) { reused += s[0]; recomputed += s[1]; walked += s[2]; fromPiece += s[3]; }
        }
        assertTrue(compared > 40 * 500, "sums compared: " + compared);
        assertTrue(built > 300, "sums built: " + built);
        assertTrue(reused > compared / 4 && recomputed > 1000, "last rounds reused " + reused + ", recomputed " + recomputed + " of " + compared);
        assertTrue(fromPiece > walked, "column rounds from pieces " + fromPiece + ", walked " + walked);
    }

    /**
     * Counts whose columns pass an int's bits (tensor attention's rows: dots of up to n^2 terms), their wires past a
     * long: the sweep, the direct count and the shape built agree, over runs of neighbouring counts (the sweep's caches)
     * and jumps, up to 2^38 repetitions (columns of 2^43 entries).
     */
    @Test
    void columnsPastAnIntAsBuilt() {
        Random r = new Random(31);
        int compared = 0, pastInt = 0, wiresPast = 0;
        for (int trial = 0; trial < 40; trial++) {
            RepeatedSumTest.Family f = RepeatedSumTest.Family.random(r, trial);
            long c0 = 2 + r.nextInt(5);
            RepeatedSum rs = RepeatedSum.of(f.shape(c0), f.shape(c0 + 1), c0, f.shift(), f.width(), 2);
            RepeatedSum direct = RepeatedSum.of(f.shape(c0), f.shape(c0 + 1), c0, f.shift(), f.width(), 2);
            assertNotNull(rs, "trial " + trial);
            long c = c0;
            for (int i = 0; i < 60; i++) {
                c = i % 12 == 0 ? c0 + (1L << (28 + r.nextInt(11))) + r.nextInt(1 << 20) : c + 1;
                String what = "trial " + trial + " c " + c;
                ClosedSum got = rs.at(c), want = direct.atDirect(c);
                assertEquals(want == null, got == null, what);
                if (got == null) continue;
                RepeatedSumTest.same(want, got, what);
                SumShape built = f.shape(c);
                for (int j = 0; j < built.ncols; j++) if (built.cols[j].height() > Integer.MAX_VALUE) { pastInt++; break; }
                RepeatedSumTest.same(WeightedSum.closedSum(built, f.shift(), f.width(), true, 2), got, what + " (built)");
                if (got.wiresPast() != null) wiresPast++;
                compared++;
            }
        }
        assertTrue(compared > 40 * 30, "sums compared: " + compared);
        assertTrue(pastInt > compared / 2, "sums with a column past an int: " + pastInt + " of " + compared);
        assertTrue(wiresPast > 100, "sums with wires past a long: " + wiresPast);
    }

    @Test
    void countsOutOfOrderAndFarOut() {
        Random r = new Random(18);
        int compared = 0;
        for (int trial = 0; trial < 60; trial++) {
            RepeatedSumTest.Family f = RepeatedSumTest.Family.random(r, trial);
            long c0 = 2 + r.nextInt(5);
            RepeatedSum rs = RepeatedSum.of(f.shape(c0), f.shape(c0 + 1), c0, f.shift(), f.width(), 2);
            assertNotNull(rs, "trial " + trial);
            long c = c0;
            for (int i = 0; i < 400; i++) {
                // runs of neighbours, jumps back and far out (up to 2^24: columns of millions of entries)
                c = i % 50 == 0 ? c0 + r.nextInt(1 << (4 + r.nextInt(21))) : i % 7 == 0 ? Math.max(c0, c - r.nextInt(30)) : c + 1;
                String what = "trial " + trial + " c " + c;
                ClosedSum got, want;
                try {
                    want = rs.atDirect(c);
                } catch (ArithmeticException past) {
                    long cc = c;
                    org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class, () -> rs.at(cc), what);
                    continue;
                }
                got = rs.at(c);
                assertEquals(want == null, got == null, what);
                if (got == null) continue;
                RepeatedSumTest.same(want, got, what);
                compared++;
            }
        }
        assertTrue(compared > 60 * 300, "sums compared: " + compared);
    }
}
