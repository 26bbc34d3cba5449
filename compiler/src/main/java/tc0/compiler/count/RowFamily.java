package tc0.compiler.count;

import tc0.compiler.gadgets.ClosedSum;
import tc0.compiler.gadgets.RangeMemo;
import tc0.compiler.gadgets.RepeatedRange;
import tc0.compiler.gadgets.RepeatedSum;

/**
 * The dots of a causal product's rows that differ only in their last run's count: row L of a causal {@code P @ V}
 * is L pairs of one class pair, or its first pair apart and L - 1 equal pairs. The part before the last run is
 * built once, two rows' shapes show what the last run adds ({@link RepeatedSum}), and every later row's sum is
 * counted from them without a form of its own: per row no {@link SumForm}, no {@link PairPattern} walk, no
 * {@code SumShape} (as a scan row's tail, {@code ScanTail}). Exact: {@link RepeatedSum#at} is {@code SumCount}'s
 * count of the same shape, and a row it cannot tell is counted by itself.
 */
final class RowFamily {
    private final int[] xIds, yIds;
    private final long[] fixedCounts;
    private final RepeatedSum sum;
    private final long from;
    private final Profile fixedAnds, pairAnds;
    /** Slots read per run: its x slots, then its y slots ({@link Instance.Result#usedSlots}). */
    private final long[] used;
    private final int width;
    /** The least count at which {@link RepeatedSum#at} passed an int's column (columns only grow with c). */
    private long pastInt = Long.MAX_VALUE;

    private RowFamily(int[] xIds, int[] yIds, long[] fixedCounts, RepeatedSum sum, long from, Profile fixedAnds, Profile pairAnds, long[] used,
            int width) {
        this.xIds = xIds;
        this.yIds = yIds;
        this.fixedCounts = fixedCounts;
        this.sum = sum;
        this.from = from;
        this.fixedAnds = fixedAnds;
        this.pairAnds = pairAnds;
        this.used = used;
        this.width = width;
    }

    /** Whether the runs (pair kinds {@code xs[pair[r]]}, {@code ys[pair[r]]}, counts) are of this family. */
    boolean holds(ElemClass[] xs, ElemClass[] ys, int[] pair, long[] counts) {
        int runs = pair.length;
        if (runs != xIds.length) return false;
        for (int r = 0; r < runs; r++) if (xs[pair[r]].id != xIds[r] || ys[pair[r]].id != yIds[r]) return false;
        for (int r = 0; r + 1 < runs; r++) if (counts[r] != fixedCounts[r]) return false;
        return true;
    }

    /**
     * The family of these runs, set up from their own last count c >= 2 (shapes at c and c + 1); null where it has
     * no closed form by count ({@link RepeatedSum#of}) or its pairs are not summed as one pattern.
     */
    static RowFamily of(ElemClass[] xs, ElemClass[] ys, int[] pair, long[] counts, long scale, int shift, int width, int rounds) {
        return of(xs, ys, pair, counts, scale, shift, width, rounds, null);
    }

    /** As above, its ranges taken from and kept in {@code memo} (null: none). */
    static RowFamily of(ElemClass[] xs, ElemClass[] ys, int[] pair, long[] counts, long scale, int shift, int width, int rounds, RangeMemo memo) {
        int runs = pair.length;
        long c = counts[runs - 1];
        if (c < 2) return null;
        ElemClass[] rx = new ElemClass[runs], ry = new ElemClass[runs];
        int[] xIds = new int[runs], yIds = new int[runs];
        for (int r = 0; r < runs; r++) {
            rx[r] = xs[pair[r]];
            ry[r] = ys[pair[r]];
            xIds[r] = rx[r].id;
            yIds[r] = ry[r].id;
        }
        long[] fixedCounts = java.util.Arrays.copyOf(counts, runs - 1);
        long[] used = new long[2 * runs];
        try {
            long[] ux = new long[runs], uy = new long[runs];
            SumForm fixed = new SumForm().addDotRuns(java.util.Arrays.copyOf(rx, runs - 1), java.util.Arrays.copyOf(ry, runs - 1), fixedCounts, scale, ux, uy);
            SumForm a = fixed.copy(), b = fixed.copy(); // refused with identified literals: their ids name one row
            long[] lx = new long[1], ly = new long[1];
            ElemClass[] lastX = {rx[runs - 1]}, lastY = {ry[runs - 1]};
            a.addDotRuns(lastX, lastY, new long[] {c}, scale, lx, ly);
            b.addDotRuns(lastX, lastY, new long[] {c + 1}, scale, new long[1], new long[1]);
            SumForm one = new SumForm().addDotRuns(lastX, lastY, new long[] {1}, scale, new long[1], new long[1]);
            RepeatedSum sum = RepeatedSum.of(a.shape, b.shape, c, shift, width, rounds);
            a.shape.release();
            b.shape.release();
            one.shape.release();
            fixed.shape.release();
            if (sum == null) return null;
            System.arraycopy(ux, 0, used, 0, runs - 1);
            System.arraycopy(uy, 0, used, runs, runs - 1);
            used[runs - 1] = lx[0];
            used[2 * runs - 1] = ly[0];
            RowFamily f = new RowFamily(xIds, yIds, fixedCounts, sum, c, fixed.extra, one.extra, used, width);
            f.memo = memo;
            return f;
        } catch (SumForm.Unmodelled | ArithmeticException u) {
            return null;
        }
    }

    /** The family's rows summed ({@link #at(long, long)}), to be added to the count by {@link #flushInto}. */
    private RowSums sums;

    /** The row whose last run has {@code c} pairs, as {@link SumForm#close} counts it; null where this cannot tell. */
    Instance.Result at(long c) {
        ClosedSum cs = closed(c);
        if (cs == null) return null;
        Profile p = SumForm.profile(cs);
        p.add(fixedAnds, 1);
        p.add(pairAnds, c);
        return new Instance.Result(p, new ElemClass[] {SumForm.outputClass(cs, width, -1, 0)}, used, false, true);
    }

    /**
     * As {@link #at(long)}, the row added {@code weight} times to the family's sums instead of a profile of its own:
     * the result's profile is null (its figures reach the count by {@link #flushInto}).
     */
    Instance.Result at(long c, long weight) {
        ClosedSum cs = closed(c);
        if (cs == null) return null;
        if (sums == null) sums = new RowSums(fixedAnds, pairAnds);
        sums.add(cs, c, weight);
        return new Instance.Result(null, new ElemClass[] {sums.out(cs, width)}, used, false, true);
    }

    /** The family's range sum (made on the first {@link #range}), and the ranges of equal families it takes from and adds to. */
    private RepeatedRange range;
    private RangeMemo memo;
    /** A count {@link #range} stopped at without an answer: {@link #closed} gives null for it once (as at(c) did once per row). */
    private long skip = -1;

    /**
     * Rows {@code from .. to - 1} with {@code counts[i]} pairs in their last runs, each added {@code weight} times
     * to the family's sums as {@link #at(long, long)} row by row adds them, in one {@link RepeatedRange#sum}; their
     * output classes into {@code out[i]}. Returns the first row not counted (to where all were): the caller counts
     * it by itself, and {@link #at} answers null for it.
     */
    int range(long[] counts, int from, int to, long weight, ElemClass[] out) {
        if (sums == null) sums = new RowSums(fixedAnds, pairAnds);
        if (range == null) range = new RepeatedRange(sum, memo);
        int end = from;
        while (end < to && counts[end] >= this.from && counts[end] < pastInt) end++;
        range.clear();
        skip = -1;
        int stop;
        RepeatedRange.Outputs told = (a, b, sample) -> java.util.Arrays.fill(out, a, b, sums.out(sample, width));
        try {
            stop = range.sum(counts, from, end, told);
            if (stop < end) skip = counts[stop]; // at(c) said null there, or a sum not modelled: the row by itself
        } catch (ArithmeticException past) { // as closed(c): a column past an int's bits, and every longer row by itself
            stop = range.stopped();
            pastInt = counts[stop];
        }
        sums.addRange(range, counts, from, stop, weight);
        return stop;
    }

    /** The family's sweep figures (the trace). */
    String trace() { return sum.sweepTrace(); }

    /** Adds the rows summed by {@link #at(long, long)} to {@code total}. */
    void flushInto(Profile total) {
        if (sums != null) sums.flushInto(total);
    }

    ClosedSum closed(long c) {
        if (c < from || c >= pastInt) return null;
        if (skip >= 0) { // only the call right after the range's stop
            boolean stopped = c == skip;
            skip = -1;
            if (stopped) return null;
        }
        ClosedSum cs;
        try {
            cs = sum.at(c);
        } catch (ArithmeticException past) { // a column past an int's bits (a dot of 2^31 terms): SumCount counts it, over longs
            pastInt = c; // and every longer row of the family
            return null;
        }
        if (cs == null || !cs.modelled()) return null; // the row by itself says why, or builds
        return cs;
    }
}
