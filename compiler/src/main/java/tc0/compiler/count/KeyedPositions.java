package tc0.compiler.count;

/**
 * Per column group, its positions ordered by their {@link Diagonal} key, with the first and last position of every
 * prefix and suffix of that order: a row's kept entries of a group are those with key at most its cut (a prefix),
 * the others a suffix, and a softmax line wants each kind's count, first and last position. On a plain axis the
 * order is the positions' own; on a pair axis it is by max(a, b), so row i's kept pairs are one prefix too.
 */
final class KeyedPositions {
    private final int[][] keys, preMin, preMax, sufMin, sufMax;

    KeyedPositions(int[] ids, int groups, Diagonal d) {
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

    /** Positions of group {@code g}. */
    int size(int g) { return keys[g].length; }

    /** Positions of group {@code g} whose key is at most {@code x}: the prefix's length. */
    int atMost(int g, long x) { return TriangleCounts.atMost(keys[g], x); }

    /** The first position among the group's {@code [lo, hi)} in key order, a prefix ({@code lo == 0}) or a suffix ({@code hi == size}). */
    int first(int g, int lo, int hi) { return lo == 0 ? preMin[g][hi - 1] : sufMin[g][lo]; }

    /** The last position among the group's {@code [lo, hi)} in key order, a prefix or a suffix. */
    int last(int g, int lo, int hi) { return lo == 0 ? preMax[g][hi - 1] : sufMax[g][lo]; }
}
