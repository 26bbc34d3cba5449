package tc0.compiler.count;

import java.util.HashMap;
import java.util.Map;

/**
 * How many entries (i, j) of a matrix lie on the diagonal {@code j - i == offset} (side 1) and off it (side 0),
 * per row group and column group: one pass over the diagonal's positions (at most min(rows, cols) of them), so
 * a diagonal map over n x n entries costs n, not n^2.
 */
final class DiagonalCounts implements SideCounts {
    private final long[] rowSize, colSize;
    private final Map<Long, Long> on = new HashMap<>(); // (row group, column group) -> entries on the diagonal

    DiagonalCounts(int[] rows, int rowGroups, int[] cols, int colGroups, long offset) {
        rowSize = new long[rowGroups];
        colSize = new long[colGroups];
        for (int g : rows) rowSize[g]++;
        for (int g : cols) colSize[g]++;
        long from = Math.max(0, -offset), to = Math.min(rows.length, cols.length - offset); // rows i with 0 <= i + offset < cols
        for (long i = from; i < to; i++) on.merge((long) rows[(int) i] << 32 | cols[(int) (i + offset)], 1L, Long::sum);
    }

    @Override
    public long count(int g0, int g1, int side) {
        long diag = on.getOrDefault((long) g0 << 32 | g1, 0L);
        return side == 1 ? diag : rowSize[g0] * colSize[g1] - diag;
    }

    /** The side of entry (i, j): 1 on the diagonal {@code j - i == offset}, else 0. */
    static int side(long i, long j, long offset) {
        return j - i == offset ? 1 : 0;
    }
}
