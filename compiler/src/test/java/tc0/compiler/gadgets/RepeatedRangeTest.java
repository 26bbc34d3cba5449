package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link RepeatedRange#sum} (one call for a run of counts) against {@link RepeatedSum#atDirect} (every round at every
 * count, the reference {@code RepeatedSweepTest} checks the sweep and the built shapes against) summed count by count
 * as a caller's {@code SumForm.profile} adds them: every level's gates, the wires of the counts with a gate, the wide
 * mark and the last count's gate; each count's output bits told by stretches (a stretch only where the bits change,
 * every count in it with the stretch's bits); and where the direct count has no answer (null, or a sum not modelled)
 * the range stops right there. Ranges start anywhere, run up to a few thousand neighbouring counts, and include jumps
 * far out (columns past an int) and counts whose figures pass a long.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RepeatedRangeTest {
    /** Per-count sums of the direct count over counts[from, stop), and the index where it has no answer. */
    private static final class Want {
        BigInteger[] levels = new BigInteger[0];
        BigInteger wires = BigInteger.ZERO;
        boolean wide, lastGates;
        int stop;
        ClosedSum[] rows;

        Want(RepeatedSum direct, long[] counts, int from, int to) {
            rows = new ClosedSum[to];
            stop = to;
            for (int i = from; i < to; i++) {
                ClosedSum cs = direct.atDirect(counts[i]);
                if (cs == null || !cs.modelled()) { stop = i; return; }
                rows[i] = cs;
                long[] g = cs.gatesPerLevel();
                if (g.length > levels.length) {
                    BigInteger[] l = java.util.Arrays.copyOf(levels, g.length);
                    for (int k = levels.length; k < g.length; k++) l[k] = BigInteger.ZERO;
                    levels = l;
                }
                boolean any = false;
                for (int l = 1; l < g.length; l++) {
                    if (g[l] == 0) continue;
                    levels[l] = levels[l].add(BigInteger.valueOf(g[l]));
                    any = true;
                }
                if (any) wires = wires.add(RepeatedSumTest.totalWires(cs));
                wide |= cs.wide();
                lastGates = any;
            }
        }
    }

    /** Sums counts[from, to) by a range (a fresh one, or one the sweep has run before: its caches) and compares. */
    private static int check(RepeatedSum rs, RepeatedSum direct, long[] counts, int from, int to, String what) {
        return check(new RepeatedRange(rs), direct, counts, from, to, what);
    }

    /** As above, by {@code range} (from nothing summed). */
    static int check(RepeatedRange range, RepeatedSum direct, long[] counts, int from, int to, String what) {
        Want want = new Want(direct, counts, from, to);
        int[] told = {from};
        ClosedSum[] stretchOf = new ClosedSum[to];
        int stop;
        try {
            stop = range.sum(counts, from, to, (a, b, sample) -> {
                assertEquals(told[0], a, what + ": stretches in order, none left out");
                assertTrue(b > a, what + ": a stretch of rows");
                for (int i = a; i < b; i++) stretchOf[i] = sample;
                told[0] = b;
            });
        } catch (ArithmeticException past) { // the sweep and the direct count pass a long at the same count
            stop = range.stopped();
            int at = stop;
            org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class, () -> direct.atDirect(counts[at]), what + " at " + at);
            want = new Want(direct, counts, from, stop);
        }
        assertEquals(want.stop, stop, what + ": where the range stops");
        assertEquals(stop, told[0], what + ": every row summed told");
        for (int l = 1; l < Math.max(want.levels.length, range.levels()); l++) {
            BigInteger w = l < want.levels.length ? want.levels[l] : BigInteger.ZERO;
            assertEquals(w, range.gatesAt(l), what + " level " + l);
        }
        assertEquals(want.wires, range.wires(), what + " wires");
        assertEquals(want.wide, range.wide(), what + " wide");
        if (stop > from) assertEquals(want.lastGates, range.lastGates(), what + " last row's gate");
        for (int i = from; i < stop; i++) {
            ClosedSum w = want.rows[i], s = stretchOf[i];
            assertArrayEquals(w.bitKind(), s.bitKind(), what + " row " + i);
            assertArrayEquals(w.bitLevel(), s.bitLevel(), what + " row " + i);
            assertArrayEquals(w.bitNegated(), s.bitNegated(), what + " row " + i);
            if (i > from && stretchOf[i - 1] != s) { // a new stretch only where the bits change
                ClosedSum p = want.rows[i - 1];
                assertTrue(!java.util.Arrays.equals(p.bitKind(), w.bitKind()) || !java.util.Arrays.equals(p.bitLevel(), w.bitLevel())
                        || !java.util.Arrays.equals(p.bitNegated(), w.bitNegated()), what + ": a stretch broken at row " + i + " with the same bits");
            }
        }
        return stop - from;
    }

    static RepeatedSum family(RepeatedSumTest.Family f, long c0) {
        RepeatedSum rs = RepeatedSum.of(f.shape(c0), f.shape(c0 + 1), c0, f.shift(), f.width(), 2);
        assertNotNull(rs);
        return rs;
    }

    @Test
    void rangesOfNeighbouringCountsSumAsTheCountsOneByOne() {
        Random r = new Random(4096);
        long summed = 0, stopped = 0;
        for (int trial = 0; trial < 40; trial++) {
            RepeatedSumTest.Family f = RepeatedSumTest.Family.random(r, trial);
            long c0 = 2 + r.nextInt(5);
            RepeatedSum rs = family(f, c0), direct = family(f, c0);
            long start = c0 + (r.nextBoolean() ? 0 : r.nextInt(100_000)); // ranges starting anywhere
            int n = trial % 4 == 3 ? 400 : 1 + r.nextInt(3000);
            long[] counts = new long[n + 5];
            for (int i = 0; i < counts.length; i++) counts[i] = start + i;
            int from = r.nextInt(5), to = from + n;
            int done = check(rs, direct, counts, from, to, "trial " + trial);
            summed += done;
            if (from + done < to) stopped++;
            // The same sweep again over the next counts (its pieces and last round carried over), in two ranges.
            int mid = to + (counts.length - to) / 2;
            check(rs, direct, counts, from + done, mid, "trial " + trial + ", then");
            check(rs, direct, counts, mid, counts.length, "trial " + trial + ", then again");
        }
        assertTrue(summed > 20_000, "counts summed in ranges: " + summed);
    }

    /** Counts with gaps and jumps (a tensor row's counts grow by more than one; far out, columns pass an int). */
    @Test
    void countsWithJumpsAndFarOut() {
        Random r = new Random(1 << 20);
        long summed = 0;
        for (int trial = 0; trial < 40; trial++) {
            RepeatedSumTest.Family f = RepeatedSumTest.Family.random(r, trial);
            long c0 = 2 + r.nextInt(5);
            RepeatedSum rs = family(f, c0), direct = family(f, c0);
            long[] counts = new long[120];
            long c = c0;
            for (int i = 0; i < counts.length; i++) {
                c = i % 40 == 39 ? c + (1L << (20 + r.nextInt(14))) : c + r.nextInt(3); // the same count twice too
                counts[i] = c;
            }
            summed += check(rs, direct, counts, 0, counts.length, "trial " + trial);
        }
        assertTrue(summed > 2_000, "counts summed: " + summed);
    }

    /** A stretch holds rows of the same kinds, levels and polarities only (the families above rarely differ in one alone). */
    @Test
    void aStretchOnlyForTheSameKindsLevelsAndPolarities() {
        var g = ClosedSum.Kind.GATE;
        ClosedSum.Kind[] kinds = {g, g, ClosedSum.Kind.FALSE};
        ClosedSum sample = new ClosedSum(new long[] {0, 1}, 1, kinds, new int[] {3, 4, -1}, new boolean[] {false, true, false}, true, false, true);
        assertTrue(RepeatedRange.sameBits(kinds.clone(), new int[] {3, 4, -1}, new boolean[] {false, true, false}, sample));
        assertTrue(!RepeatedRange.sameBits(kinds.clone(), new int[] {3, 5, -1}, new boolean[] {false, true, false}, sample), "a level apart");
        assertTrue(!RepeatedRange.sameBits(kinds.clone(), new int[] {3, 4, -1}, new boolean[] {true, true, false}, sample), "a polarity apart");
        assertTrue(!RepeatedRange.sameBits(new ClosedSum.Kind[] {g, ClosedSum.Kind.HI, ClosedSum.Kind.FALSE}, new int[] {3, 4, -1},
                new boolean[] {false, true, false}, sample), "a kind apart");
    }

    /** Below the family's first count the range stops at once; an empty range tells nothing. */
    @Test
    void belowTheFirstCountAndEmpty() {
        RepeatedSumTest.Family f = RepeatedSumTest.Family.random(new Random(7), 0);
        RepeatedSum rs = family(f, 5);
        RepeatedRange range = new RepeatedRange(rs);
        assertEquals(0, range.sum(new long[] {4, 5, 6}, 0, 3, (a, b, s) -> { throw new AssertionError("told"); }));
        assertEquals(1, range.sum(new long[] {4, 5, 6}, 1, 1, (a, b, s) -> { throw new AssertionError("told"); }));
        assertEquals(BigInteger.ZERO, range.wires());
    }
}
