package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link RangeSplit}: a range swept in two halves at once is the counts one by one ({@code RepeatedRangeTest.check}:
 * every level's gates, wires, wide, the last row's gate, where it stops, the rows' bits by stretches told in order and
 * broken only where the bits change, so the halves' stretches are joined across the middle), on neighbouring counts,
 * jumps far out (stops by exception: columns past an int) and families that stop in either half; and the same ranges
 * summed by one sweep (split off) give the same totals.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RangeSplitTest {
    private int saved;

    @BeforeEach
    void splitSmallRanges() { saved = RepeatedRange.SPLIT_MIN; RepeatedRange.SPLIT_MIN = 8; }

    @AfterEach
    void restore() { RepeatedRange.SPLIT_MIN = saved; }

    @Test
    void halvesAsTheCountsOneByOne() {
        Random r = new Random(20);
        long before = RangeSplit.SPLITS.sum(), summed = 0, stopped = 0;
        for (int trial = 0; trial < 60; trial++) {
            RepeatedSumTest.Family f = RepeatedSumTest.Family.random(r, trial);
            long c0 = 2 + r.nextInt(5);
            RepeatedSum rs = RepeatedRangeTest.family(f, c0), direct = RepeatedRangeTest.family(f, c0);
            long[] counts = new long[trial % 4 == 3 ? 300 : 8 + r.nextInt(2000)];
            long c = c0 + (r.nextBoolean() ? 0 : r.nextInt(100_000));
            for (int i = 0; i < counts.length; i++) {
                c = trial % 3 == 2 && i % 50 == 49 ? c + (1L << (20 + r.nextInt(14))) : c + r.nextInt(3); // jumps far out in a third
                counts[i] = c;
            }
            int done = RepeatedRangeTest.check(new RepeatedRange(rs), direct, counts, 0, counts.length, "trial " + trial);
            summed += done;
            if (done < counts.length) stopped++;
            // The same counts by one sweep: equal totals.
            RepeatedRange.SPLIT_MIN = 0;
            RepeatedRange one = new RepeatedRange(RepeatedRangeTest.family(f, c0)), two = new RepeatedRange(rs);
            int a = sumOrStop(one, counts), b;
            RepeatedRange.SPLIT_MIN = 8;
            b = sumOrStop(two, counts);
            assertEquals(a, b, "trial " + trial + ": where it stops");
            assertEquals(one.wires(), two.wires(), "trial " + trial + ": wires");
            for (int l = 0; l < Math.max(one.levels(), two.levels()); l++) assertEquals(one.gatesAt(l), two.gatesAt(l), "trial " + trial + " level " + l);
        }
        assertTrue(RangeSplit.SPLITS.sum() - before >= 100, "ranges split: " + (RangeSplit.SPLITS.sum() - before));
        assertTrue(summed > 20_000 && stopped >= 5, "counts summed " + summed + ", ranges stopped " + stopped);
    }

    private static int sumOrStop(RepeatedRange range, long[] counts) {
        try {
            return range.sum(counts, 0, counts.length, (x, y, s) -> { });
        } catch (ArithmeticException past) {
            return range.stopped();
        }
    }
}
