package tc0.compiler.count;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link KeyedPositions} of a pair axis held factored ({@link PairAxis}), keyed by max(a, b): a group is a union of
 * cells (left group l, right group r), each the product set S_l x T_r of its factors' indices, so its keys at most x
 * are (S_l up to x) x (T_r up to x) and their count the product of two prefix counts. The first and last positions
 * (j = a q + b, ordered by a, then b) follow from each factor's smallest and largest index on either side of x. In
 * time of the cells and two binary searches each: tensor attention's 2^40 key pairs at n = 2^20 are never listed.
 */
final class PairKeys implements KeyedPositions {
    private final long q;
    private final int[][] left, right; // per factor group its indices, ascending
    private final int[][] cells;       // per group its cells {l, r}, flattened l0, r0, l1, r1, ...

    PairKeys(PairAxis p, int groups) {
        q = p.q();
        left = TriangleCounts.positions(p.left(), p.leftGroups());
        right = TriangleCounts.positions(p.right(), p.rightGroups());
        List<List<Integer>> byGroup = new ArrayList<>();
        for (int g = 0; g < groups; g++) byGroup.add(new ArrayList<>());
        for (int l = 0; l < p.leftGroups(); l++) {
            for (int r = 0; r < p.rightGroups(); r++) {
                if (left[l].length == 0 || right[r].length == 0) continue;
                List<Integer> c = byGroup.get(p.table()[l * p.rightGroups() + r]);
                c.add(l);
                c.add(r);
            }
        }
        cells = new int[groups][];
        for (int g = 0; g < groups; g++) cells[g] = byGroup.get(g).stream().mapToInt(Integer::intValue).toArray();
    }

    @Override public long size(int g) {
        long s = 0;
        for (int c = 0; c < cells[g].length; c += 2) s += (long) left[cells[g][c]].length * right[cells[g][c + 1]].length;
        return s;
    }

    @Override public long atMost(int g, long x) {
        long s = 0;
        for (int c = 0; c < cells[g].length; c += 2) {
            int[] sl = left[cells[g][c]], tr = right[cells[g][c + 1]];
            s += (long) TriangleCounts.atMost(sl, x) * TriangleCounts.atMost(tr, x);
        }
        return s;
    }

    @Override public long first(int g, int side, long x) {
        long best = Long.MAX_VALUE;
        for (int c = 0; c < cells[g].length; c += 2) {
            int[] s = left[cells[g][c]], t = right[cells[g][c + 1]];
            int sBelow = TriangleCounts.atMost(s, x), tBelow = TriangleCounts.atMost(t, x);
            long f;
            if (side == 0) f = sBelow == 0 || tBelow == 0 ? Long.MAX_VALUE : s[0] * q + t[0];
            else if (s[0] > x) f = s[0] * q + t[0];                    // the first a is above x: any b
            else if (tBelow < t.length) f = s[0] * q + t[tBelow];      // the first a with the first b above x
            else f = sBelow < s.length ? s[sBelow] * q + t[0] : Long.MAX_VALUE; // no b above x: the first a above x
            best = Math.min(best, f);
        }
        return best;
    }

    @Override public long last(int g, int side, long x) {
        long best = -1;
        for (int c = 0; c < cells[g].length; c += 2) {
            int[] s = left[cells[g][c]], t = right[cells[g][c + 1]];
            long l;
            if (side == 0) {
                int sBelow = TriangleCounts.atMost(s, x), tBelow = TriangleCounts.atMost(t, x);
                l = sBelow == 0 || tBelow == 0 ? -1 : s[sBelow - 1] * q + t[tBelow - 1];
            } else {
                l = s[s.length - 1] > x || t[t.length - 1] > x ? s[s.length - 1] * q + t[t.length - 1] : -1; // the last pair, when it is above x
            }
            best = Math.max(best, l);
        }
        return best;
    }
}
