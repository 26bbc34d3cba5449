package tc0.compiler.count;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct pairs {@code (x[i], y[i])} of two group arrays numbered in order of first appearance: the
 * positions of an axis grouped by two class maps at once. A dense table of {@code xRange * yRange} cells
 * where that is at most 2^24, else a hash map.
 *
 * @param id    per position its pair's number
 * @param count how many distinct pairs
 */
record PairIds(int[] id, int count) {
    private static final long DENSE_LIMIT = 1L << 24;

    static PairIds of(int[] x, int xRange, int[] y, int yRange) {
        long cells = (long) xRange * yRange;
        int[] dense = cells <= DENSE_LIMIT ? new int[(int) cells] : null;
        if (dense != null) Arrays.fill(dense, -1);
        Map<Long, Integer> index = dense == null ? new HashMap<>() : null;
        int[] id = new int[x.length];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            long key = (long) x[i] * yRange + y[i];
            int g;
            if (dense != null) {
                g = dense[(int) key];
                if (g < 0) g = dense[(int) key] = k++;
            } else {
                Integer had = index.putIfAbsent(key, k);
                g = had == null ? k++ : had;
            }
            id[i] = g;
        }
        return new PairIds(id, k);
    }
}
