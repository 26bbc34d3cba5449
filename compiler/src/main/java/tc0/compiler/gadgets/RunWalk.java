package tc0.compiler.gadgets;

/**
 * Round one of a column given as runs of entries (count, level), walked by its group runs, not entry by entry:
 * SumCount.compress's groups, {@code extra} groups of {@code base + 1} entries and then groups of {@code base},
 * taken in order from the runs. One walk for {@link StepCount#roundOne} (heights) and {@link RepeatedSweep}
 * (signatures); what a group run becomes is the {@link Sink}'s.
 */
final class RunWalk {
    private RunWalk() {}

    /** What the walk meets: {@code q} lone entries at a level, or {@code q} groups of {@code s >= 2} entries whose highest is at a level. */
    interface Sink {
        void single(long q, int level);

        void groups(long q, long s, int level);
    }

    /**
     * The column of {@code h >= 2} entries in {@code runs} runs, grouped by size {@code g} ({@code SumCount.groupSize(h, 2)}),
     * into the sink; long arithmetic for the group counts, as SumCount.compress's (columns past an int's bits: tensor
     * attention's dots of n^2 terms).
     */
    static void roundOne(long[] count, int[] level, int runs, long h, long g, Sink sink) {
        long groups = (h + g - 1) / g;
        long base = h / groups, extra = h % groups;
        long[] at = {0, 0, runs}; // run, entries of it taken, runs
        segment(count, level, at, base + 1, extra, sink);
        segment(count, level, at, base, groups - extra, sink);
    }

    /** {@code n} groups of {@code s} entries from position {@code at}, merged into group runs where a run holds several. */
    private static void segment(long[] count, int[] level, long[] at, long s, long n, Sink sink) {
        while (n > 0) {
            int ri = (int) at[0];
            long left = count[ri] - at[1];
            if (s == 1) {
                long q = Math.min(n, left);
                sink.single(q, level[ri]);
                advance(count, at, q);
                n -= q;
            } else if (left >= s) {
                long q = Math.min(n, left / s);
                sink.groups(q, s, level[ri]);
                advance(count, at, q * s);
                n -= q;
            } else { // one group across runs: at the highest of their levels
                int lv = 0;
                long need = s;
                while (need > 0) {
                    int r = (int) at[0];
                    long take = Math.min(need, count[r] - at[1]);
                    lv = Math.max(lv, level[r]);
                    advance(count, at, take);
                    need -= take;
                }
                sink.groups(1, s, lv);
                n -= 1;
            }
        }
    }

    private static void advance(long[] count, long[] at, long n) {
        at[1] += n;
        while (at[0] < at[2] && at[1] == count[(int) at[0]]) { at[0]++; at[1] = 0; }
    }
}
