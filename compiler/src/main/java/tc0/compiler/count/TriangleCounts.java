package tc0.compiler.count;

import java.util.HashMap;
import java.util.Map;

/**
 * How many entries (i, j) of a matrix lie on each side of a diagonal, per row group and column group: the
 * lower side is {@code key(j) - i <= offset} ({@code tril(n)}: key j, offset 0; {@link Diagonal}), the upper side
 * the rest. A row group's count is a sum over its rows of a prefix count in the column group (a binary search in
 * its sorted keys), so a triangular map over n x n entries costs its groups' positions, not its entries.
 */
final class TriangleCounts {
    private final int[][] positions0; // per row group its positions, in order
    private final int[][] keys1;      // per column group its keys, in order (null where the columns are keyed otherwise)
    private final KeyedPositions cols; // the columns' keys where they are not listed (a pair axis held factored)
    private final long offset;
    private final Map<Long, Long> lower = new HashMap<>();

    TriangleCounts(int[] rows, int rowGroups, int[] cols, int colGroups, long offset) {
        this(rows, rowGroups, cols, colGroups, Diagonal.plain(offset));
    }

    TriangleCounts(int[] rows, int rowGroups, int[] cols, int colGroups, Diagonal d) {
        this.positions0 = positions(rows, rowGroups);
        this.keys1 = keys(cols, colGroups, d);
        this.cols = null;
        this.offset = d.offset();
    }

    /** The counts with the columns' keys given ({@link KeyedPositions}: a pair axis's from its factors). */
    TriangleCounts(int[] rows, int rowGroups, KeyedPositions cols, long offset) {
        this.positions0 = positions(rows, rowGroups);
        this.keys1 = null;
        this.cols = cols;
        this.offset = offset;
    }

    /** Keys ({@link Diagonal#key}) of each group's positions, ascending: the positions themselves on a plain axis. */
    static int[][] keys(int[] ids, int groups, Diagonal d) {
        int[][] p = positions(ids, groups);
        if (!d.paired()) return p;
        for (int[] g : p) {
            for (int k = 0; k < g.length; k++) g[k] = (int) d.key(g[k]);
            java.util.Arrays.sort(g);
        }
        return p;
    }

    /** Positions of each group, ascending. */
    static int[][] positions(int[] ids, int groups) {
        int[] size = new int[groups];
        for (int g : ids) size[g]++;
        int[][] p = new int[groups][];
        for (int g = 0; g < groups; g++) p[g] = new int[size[g]];
        int[] at = new int[groups];
        for (int i = 0; i < ids.length; i++) p[ids[i]][at[ids[i]]++] = i;
        return p;
    }

    /** Entries of row group {@code g0} and column group {@code g1} on side {@code side} (0: lower, 1: upper). */
    long count(int g0, int g1, int side) {
        if (cols != null) {
            long low = lower.computeIfAbsent((long) g0 << 32 | g1, k -> {
                long sum = 0;
                KeyedPositions up = cols.cursor(); // the rows ascending: each factor's count moved on, not searched again
                for (int i : positions0[g0]) sum += up.atMost(g1, i + offset);
                return sum;
            });
            return side == 0 ? low : Math.multiplyExact((long) positions0[g0].length, cols.size(g1)) - low;
        }
        long low = lower.computeIfAbsent((long) g0 << 32 | g1, k -> lowerCount(positions0[g0], keys1[g1]));
        return side == 0 ? low : (long) positions0[g0].length * keys1[g1].length - low;
    }

    /** Columns of {@code cols} (keys) with {@code key <= i + offset}, summed over the rows {@code i}. */
    private long lowerCount(int[] rows, int[] cols) {
        long sum = 0;
        for (int i : rows) sum += atMost(cols, i + offset);
        return sum;
    }

    /** Entries of the ascending {@code sorted} that are at most {@code x}. */
    static int atMost(int[] sorted, long x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** The side of entry (i, j): 0 on or below the diagonal {@code j - i <= offset}, else 1. */
    static int side(long i, long j, long offset) {
        return Diagonal.plain(offset).side(i, j);
    }
}
