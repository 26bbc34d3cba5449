package tc0.compiler.count;

/**
 * {@link KeyedPositions} of an axis whose positions are listed: per column group, its positions ordered by their
 * {@link Diagonal} key, with the first and last position of every prefix and suffix of that order. On a plain axis
 * the order is the positions' own; on a pair axis it is by max(a, b), so row i's kept pairs are one prefix too.
 */
final class ListedKeys implements KeyedPositions {
    private final int[][] keys, preMin, preMax, sufMin, sufMax;

    ListedKeys(int[] ids, int groups, Diagonal d) {
        int[][] pos = TriangleCounts.positions(ids, groups);
        keys = new int[groups][];
        preMin = new int[groups][];
        preMax = new int[groups][];
        sufMin = new int[groups][];
        sufMax = new int[groups][];
        for (int g = 0; g < groups; g++) {
            int[] p = pos[g];
            int m = p.length;
            int[] k = new int[m], order = p;
            if (d.paired()) { // sort (key, position) pairs by key
                long[] kp = new long[m];
                for (int t = 0; t < m; t++) kp[t] = d.key(p[t]) << 32 | p[t];
                java.util.Arrays.sort(kp);
                order = new int[m];
                for (int t = 0; t < m; t++) { k[t] = (int) (kp[t] >>> 32); order[t] = (int) kp[t]; }
            } else {
                System.arraycopy(p, 0, k, 0, m);
            }
            keys[g] = k;
            int[] a = new int[m], b = new int[m], c = new int[m], e = new int[m];
            for (int t = 0; t < m; t++) {
                a[t] = t == 0 ? order[t] : Math.min(a[t - 1], order[t]);
                b[t] = t == 0 ? order[t] : Math.max(b[t - 1], order[t]);
            }
            for (int t = m - 1; t >= 0; t--) {
                c[t] = t == m - 1 ? order[t] : Math.min(c[t + 1], order[t]);
                e[t] = t == m - 1 ? order[t] : Math.max(e[t + 1], order[t]);
            }
            preMin[g] = a;
            preMax[g] = b;
            sufMin[g] = c;
            sufMax[g] = e;
        }
    }

    @Override public long size(int g) { return keys[g].length; }

    @Override public long atMost(int g, long x) { return TriangleCounts.atMost(keys[g], x); }

    @Override public long first(int g, int side, long x) {
        int below = (int) atMost(g, x);
        return side == 0 ? preMin[g][below - 1] : sufMin[g][below];
    }

    @Override public long last(int g, int side, long x) {
        int below = (int) atMost(g, x);
        return side == 0 ? preMax[g][below - 1] : sufMax[g][below];
    }
}
