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
            best = Math.min(best, first(s, t, TriangleCounts.atMost(s, x), TriangleCounts.atMost(t, x), side, x));
        }
        return best;
    }

    @Override public long last(int g, int side, long x) {
        long best = -1;
        for (int c = 0; c < cells[g].length; c += 2) {
            int[] s = left[cells[g][c]], t = right[cells[g][c + 1]];
            best = Math.max(best, side == 0 ? last(s, t, TriangleCounts.atMost(s, x), TriangleCounts.atMost(t, x), x) : last(s, t, x));
        }
        return best;
    }

    /** The first pair of cell S x T on that side of x, S's and T's indices up to x numbering sBelow, tBelow. */
    private long first(int[] s, int[] t, int sBelow, int tBelow, int side, long x) {
        if (side == 0) return sBelow == 0 || tBelow == 0 ? Long.MAX_VALUE : s[0] * q + t[0];
        if (s[0] > x) return s[0] * q + t[0];                          // the first a is above x: any b
        if (tBelow < t.length) return s[0] * q + t[tBelow];            // the first a with the first b above x
        return sBelow < s.length ? s[sBelow] * q + t[0] : Long.MAX_VALUE; // no b above x: the first a above x
    }

    /** The last pair of cell S x T with both at most x (side 0). */
    private long last(int[] s, int[] t, int sBelow, int tBelow, long x) {
        return sBelow == 0 || tBelow == 0 ? -1 : s[sBelow - 1] * q + t[tBelow - 1];
    }

    /** The last pair of cell S x T above x (side 1): the last pair, when it is above x. */
    private long last(int[] s, int[] t, long x) {
        return s[s.length - 1] > x || t[t.length - 1] > x ? s[s.length - 1] * q + t[t.length - 1] : -1;
    }

    /**
     * These keys for one thread asking at keys that mostly grow (a causal softmax's rows: the cut one higher a row):
     * each factor group's count of indices up to the key is kept and moved on as the key grows (searched again
     * only where it falls), so a question costs its cells, not two binary searches each.
     */
    @Override public KeyedPositions cursor() { return new Cursor(); }

    private final class Cursor implements KeyedPositions {
        private final int[] sBelow = new int[left.length], tBelow = new int[right.length];
        private long at = Long.MIN_VALUE; // the key the counts are at; MIN_VALUE: none yet

        private void moveTo(long x) {
            if (x == at) return;
            boolean on = at != Long.MIN_VALUE && x > at;
            for (int l = 0; l < left.length; l++) sBelow[l] = on ? onTo(left[l], sBelow[l], x) : TriangleCounts.atMost(left[l], x);
            for (int r = 0; r < right.length; r++) tBelow[r] = on ? onTo(right[r], tBelow[r], x) : TriangleCounts.atMost(right[r], x);
            at = x;
        }

        /** The count of {@code sorted}'s entries up to x, from {@code from} of them up to a lower key. */
        private static int onTo(int[] sorted, int from, long x) {
            int c = from;
            while (c < sorted.length && sorted[c] <= x) c++;
            return c;
        }

        @Override public long size(int g) { return PairKeys.this.size(g); }

        @Override public long atMost(int g, long x) {
            moveTo(x);
            long s = 0;
            int[] cl = cells[g];
            for (int c = 0; c < cl.length; c += 2) s += (long) sBelow[cl[c]] * tBelow[cl[c + 1]];
            return s;
        }

        @Override public long first(int g, int side, long x) {
            moveTo(x);
            long best = Long.MAX_VALUE;
            int[] cl = cells[g];
            for (int c = 0; c < cl.length; c += 2) {
                int l = cl[c], r = cl[c + 1];
                best = Math.min(best, PairKeys.this.first(left[l], right[r], sBelow[l], tBelow[r], side, x));
            }
            return best;
        }

        @Override public long last(int g, int side, long x) {
            moveTo(x);
            long best = -1;
            int[] cl = cells[g];
            for (int c = 0; c < cl.length; c += 2) {
                int l = cl[c], r = cl[c + 1];
                best = Math.max(best, side == 0 ? PairKeys.this.last(left[l], right[r], sBelow[l], tBelow[r], x) : PairKeys.this.last(left[l], right[r], x));
            }
            return best;
        }
    }
}
