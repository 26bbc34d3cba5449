package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link RangeMemo}: a range of counts of one family summed, then the range of a second family that is the first with
 * its counts moved by k and every level moved up (and, half the time, its repeated columns' first part written out as
 * fixed runs: a causal row with its first pair apart), taken from the memo, against the second family's own direct
 * count ({@link RepeatedSum#atDirect}, count by count), as {@code RepeatedRangeTest} checks a range: every level's
 * gates, wires, the wide mark, the last count's gate and every row's output bits by stretches. The second range is
 * the first's less some counts at either end (those counted again by the first family and taken off).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RangeMemoTest {
    private static RepeatedSum family(RepeatedSumTest.Family f, long c0, long k, int dl, boolean apart) {
        RepeatedSum rs = RepeatedSum.of(f.shape(c0 + k, dl, apart), f.shape(c0 + k + 1, dl, apart), c0, f.shift(), f.width(), 2);
        assertNotNull(rs);
        return rs;
    }

    /** Sums the first family's range, then checks the second's; returns 2 where the second was taken from the memo, 1 where not but the first was kept, else 0. */
    private static int pair(Random r, RepeatedSumTest.Family f, long[] counts, int n, String what) {
        long c0 = 2 + r.nextInt(4), k = r.nextInt(3);
        int dl = 1 + r.nextInt(120);
        boolean apart = r.nextBoolean();
        RepeatedSum first = family(f, c0, 0, 0, false);
        RangeMemo memo = new RangeMemo();
        RepeatedRangeTest.check(new RepeatedRange(first, memo), family(f, c0, 0, 0, false), counts, 0, n, what + ", first");
        // The second family: its count c is the first's c + k, levels dl up; its range the first's less some at the ends.
        long g0 = Math.max(2, c0 - k);
        int head = r.nextInt(1 + n / 8), tail = r.nextInt(1 + n / 8);
        long[] moved = new long[n - head - tail];
        for (int i = 0; i < moved.length; i++) moved[i] = counts[head + i] - k;
        if (memo.kept() == 0 || moved.length == 0 || moved[0] < g0) return 0;
        long hits = memo.hits;
        RepeatedRangeTest.check(new RepeatedRange(family(f, g0, k, dl, apart), memo), family(f, g0, k, dl, apart), moved, 0, moved.length,
                what + ", moved by " + k + " counts and " + dl + " levels" + (apart ? ", first part apart" : "") + ", less " + head + " + " + tail);
        return memo.hits > hits ? 2 : 1;
    }

    @Test
    void aRangeOfAMovedFamilyTakenFromTheMemoCountsAsItsOwn() {
        Random r = new Random(113);
        int[] seen = new int[3];
        for (int trial = 0; trial < 40; trial++) {
            RepeatedSumTest.Family f = RepeatedSumTest.Family.random(r, trial);
            int n = 64 + r.nextInt(trial % 5 == 4 ? 3000 : 400);
            long start = 6 + (r.nextBoolean() ? 0 : r.nextInt(100_000));
            long[] counts = new long[n];
            for (int i = 0; i < n; i++) counts[i] = start + i;
            seen[pair(r, f, counts, n, "trial " + trial)]++;
        }
        System.out.println("RangeMemoTest: " + "ranges taken from the memo, not taken though kept, not kept: " + seen[2] + ", " + seen[1] + ", " + seen[0]);
        assertTrue(seen[2] >= 20, "ranges taken from the memo, not taken though kept, not kept: " + seen[2] + ", " + seen[1] + ", " + seen[0]);
    }

    /** Counts with gaps and repeats (tensor attention's rows grow by more than one), some past 2^31 (totals past a long). */
    @Test
    void countsWithGapsAndFarOut() {
        Random r = new Random(1 << 20);
        int[] seen = new int[3];
        for (int trial = 0; trial < 40; trial++) {
            RepeatedSumTest.Family f = RepeatedSumTest.Family.random(r, trial);
            int n = 64 + r.nextInt(300);
            long c = 6 + (trial % 3 == 2 ? (1L << (trial % 2 == 0 ? 25 : 31)) + r.nextInt(1000) : 0); // 2^31 and more: columns past an int, not kept
            long[] counts = new long[n];
            for (int i = 0; i < n; i++) counts[i] = c += r.nextInt(4);
            seen[pair(r, f, counts, n, "trial " + trial)]++;
        }
        System.out.println("RangeMemoTest: " + "ranges taken from the memo, not taken though kept, not kept: " + seen[2] + ", " + seen[1] + ", " + seen[0]);
        assertTrue(seen[2] >= 20, "ranges taken from the memo, not taken though kept, not kept: " + seen[2] + ", " + seen[1] + ", " + seen[0]);
    }

    /**
     * Families moved in count and level have one key, and so do most with a first part apart (not where that part's
     * first run merges into a fixed run at its level: then the runs differ as data); a family of another seed has
     * another key.
     */
    @Test
    void keysOfMovedFamiliesAreEqualAndOfOthersNot() {
        Random r = new Random(5);
        int equal = 0, apartEqual = 0, apart = 0;
        for (int trial = 0; trial < 60; trial++) {
            RepeatedSumTest.Family f = RepeatedSumTest.Family.random(r, trial);
            int dl = 1 + r.nextInt(50);
            long k = 1 + r.nextInt(5);
            // Both built from shape(2 + k) and shape(3 + k) (a family's marks say whether its sums passed a long where built).
            FamilyKey a = FamilyKey.of(family(f, 2 + k, 0, 0, false));
            if (a == null) continue;
            FamilyKey b = FamilyKey.of(family(f, 2, k, dl, false));
            assertEquals(a, b, "trial " + trial);
            assertEquals(a.hashCode(), b.hashCode());
            assertEquals(dl, b.base - a.base, "trial " + trial);
            assertEquals(a.cStar - k, b.cStar, "trial " + trial);
            equal++;
            FamilyKey c = FamilyKey.of(family(f, 2, k, dl, true));
            apart++;
            if (a.equals(c)) apartEqual++;
            RepeatedSumTest.Family other = new RepeatedSumTest.Family(f.seed() + 1, f.cols(), f.shift(), f.width(), f.wide());
            FamilyKey d = FamilyKey.of(family(other, 2 + k, 0, 0, false));
            if (d != null) assertNotEquals(a, d, "trial " + trial + ": another family");
        }
        assertTrue(equal >= 30, "families with a key: " + equal);
        assertTrue(2 * apartEqual > apart, "first part apart, keys equal: " + apartEqual + " of " + apart);
    }

    /** {@link RangeMemo#moved}: gates and gate bits up, constant bits (level -1) kept. */
    @Test
    void movedLevels() {
        var g = ClosedSum.Kind.GATE;
        ClosedSum cs = new ClosedSum(new long[] {0, 2, 3}, 5, new ClosedSum.Kind[] {g, ClosedSum.Kind.TRUE}, new int[] {2, -1}, new boolean[] {true, false},
                true, false, true);
        ClosedSum m = RangeMemo.moved(cs, 3);
        assertEquals(java.util.List.of(0L, 0L, 0L, 0L, 2L, 3L), java.util.Arrays.stream(m.gatesPerLevel()).boxed().toList());
        assertEquals(java.util.List.of(5, -1), java.util.Arrays.stream(m.bitLevel()).boxed().toList());
        assertTrue(RangeMemo.same(cs, RangeMemo.moved(m, -3)));
    }
}
