package tc0.compiler.count;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc0.compiler.interp.Layout;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;

/**
 * The output positions of one axis of a resample ({@link ResampleCount}), grouped: positions whose taps have
 * the same weights, read the same source class groups, copy the same way and are equally live cost the same.
 * Groups are numbered by first position.
 */
final class ResampleAxis {
    final int[] of;                                   // group of each output position
    final List<Layout.Taps> taps = new ArrayList<>(); // per group: the taps (of its first position)
    final List<int[]> canon = new ArrayList<>();      // per group and tap: the first tap copying the same source position, or -1
    final List<Long> count = new ArrayList<>();
    final List<Boolean> live = new ArrayList<>();
    final List<java.util.BitSet> reads = new ArrayList<>(); // per group: the source positions its positions read
    final boolean[] tapped;                           // source positions a live position reads
    boolean multiTap;                                 // some live position has two taps
    boolean disjoint = true;                          // no two live positions read a common source position (or copy one)

    private ResampleAxis(int positions, int sources) {
        of = new int[positions];
        tapped = new boolean[sources];
    }

    int size() { return taps.size(); }

    private record Key(List<Long> weights, long den, List<Integer> srcGroups, List<Integer> canon, boolean live) {}

    static ResampleAxis of(Node n, Node src, Op.Interpolation mode, int axis, ClassMap m, boolean[] live, ResampleLive.Copies copies) {
        int positions = Math.toIntExact(n.dim(axis)), sources = Math.toIntExact(src.dim(axis));
        ResampleAxis r = new ResampleAxis(positions, sources);
        Map<Key, Integer> seen = new HashMap<>();
        boolean[] readOwn = new boolean[sources], readCopy = new boolean[copies == null ? 0 : copies.sources(axis)];
        for (int i = 0; i < positions; i++) {
            Layout.Taps t = Layout.taps(sources, positions, mode, i);
            boolean isLive = live == null || live[i];
            int k = t.index().length;
            List<Long> w = new ArrayList<>(k);
            List<Integer> sg = new ArrayList<>(k), cl = new ArrayList<>(k);
            int[] canon = new int[k];
            for (int a = 0; a < k; a++) {
                int j = t.index()[a];
                w.add(t.weight()[a]);
                sg.add(m.group(axis, j));
                canon[a] = -1;
                if (copies != null && copies.single(axis, j)) {
                    for (int b = 0; b <= a && canon[a] < 0; b++) {
                        int jb = t.index()[b];
                        if (copies.single(axis, jb) && copies.source(axis, jb) == copies.source(axis, j)) canon[a] = b;
                    }
                }
                cl.add(canon[a]);
                if (isLive) r.tapped[j] = true;
            }
            if (isLive && k > 1) r.multiTap = true;
            if (isLive) r.disjoint &= readOnce(t.index(), copies, axis, readOwn, readCopy);
            Integer g = seen.get(new Key(w, t.denominator(), sg, cl, isLive));
            if (g == null) {
                g = seen.size();
                seen.put(new Key(w, t.denominator(), sg, cl, isLive), g);
                r.taps.add(t);
                r.canon.add(canon);
                r.count.add(0L);
                r.live.add(isLive);
                r.reads.add(new java.util.BitSet());
            }
            for (int j : t.index()) r.reads.get(g).set(j);
            r.of[i] = g;
            r.count.set(g, r.count.get(g) + 1);
        }
        return r;
    }

    /**
     * Marks the operand positions one output position reads, as themselves and, where the operand copies its
     * source there, as that source position; false if another position read one of them before.
     */
    private static boolean readOnce(int[] index, ResampleLive.Copies copies, int axis, boolean[] readOwn, boolean[] readCopy) {
        boolean fresh = true;
        for (int a = 0; a < index.length; a++) {
            int j = index[a];
            boolean again = false;
            for (int b = 0; b < a; b++) again |= index[b] == j;
            if (!again) { fresh &= !readOwn[j]; readOwn[j] = true; }
            if (copies == null || !copies.single(axis, j)) continue;
            int c = copies.source(axis, j);
            boolean copiedHere = false;
            for (int b = 0; b < a; b++) copiedHere |= copies.single(axis, index[b]) && copies.source(axis, index[b]) == c;
            if (!copiedHere) { fresh &= !readCopy[c]; readCopy[c] = true; }
        }
        return fresh;
    }
}
