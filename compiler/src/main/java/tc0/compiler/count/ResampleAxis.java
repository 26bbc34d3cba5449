package tc0.compiler.count;

import java.util.ArrayList;
import java.util.List;
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
    final List<Layout.Taps> taps;                     // per group: the taps (of its first position)
    final List<int[]> canon;                          // per group and tap: the first tap copying the same source position, or -1
    final List<Long> count;
    final List<Boolean> live;
    final List<java.util.BitSet> reads;               // per group: the source positions its positions read
    final boolean[] tapped;                           // source positions a live position reads
    boolean multiTap;                                 // some live position has two taps
    boolean disjoint = true;                          // no two live positions read a common source position (or copy one)

    private ResampleAxis(int positions, int sources) {
        this(positions, sources, Math.min(positions, 1 << 20));
    }

    /** {@code groups}: room for that many (an upsample's axis has about one group per two positions: no regrowing). */
    private ResampleAxis(int positions, int sources, int groups) {
        of = new int[positions];
        tapped = new boolean[sources];
        taps = new ArrayList<>(groups);
        canon = new ArrayList<>(groups);
        count = new ArrayList<>(groups);
        live = new ArrayList<>(groups);
        reads = new ArrayList<>(groups);
    }

    int size() { return taps.size(); }

    static ResampleAxis of(Node n, Node src, Op.Interpolation mode, int axis, ClassMap m, boolean[] live, ResampleLive.Copies copies) {
        int positions = Math.toIntExact(n.dim(axis)), sources = Math.toIntExact(src.dim(axis));
        ResampleAxis r = new ResampleAxis(positions, sources);
        // A group's kind: tap count, denominator, liveness, then per tap its source class group and canon; then its
        // weights. Two taps (D - f, f) of a small D go by f in an array per kind (an upsample to n has ~n such groups,
        // a hash entry each before), any other weights by the whole key.
        TupleIds kinds = new TupleIds(), seen = new TupleIds();
        int[][] byF = new int[MOST_BY_F][];
        int[] seenGroup = new int[16];
        long[] key = new long[3], counts = new long[0];
        boolean[] readOwn = new boolean[sources], readCopy = new boolean[copies == null ? 0 : copies.sources(axis)];
        int lastK = -1, lastFirst = -1, lastLast = -1, lastKind = -1;
        long lastDen = -1;
        boolean lastLive = false;
        for (int i = 0; i < positions; i++) {
            Layout.Taps t = Layout.taps(sources, positions, mode, i);
            boolean isLive = live == null || live[i];
            int k = t.index().length;
            if (key.length < 4 + 3 * k) key = new long[4 + 3 * k];
            key[0] = k;
            key[1] = t.denominator();
            key[2] = isLive ? 1 : 0;
            int[] canon = copies == null ? NO_COPIES[Math.min(k, 2)] : new int[k];
            if (canon.length != k) canon = new int[k];
            for (int a = 0; a < k; a++) {
                int j = t.index()[a];
                key[3 + 2 * a] = m.group(axis, j);
                if (copies != null) {
                    canon[a] = -1;
                    if (copies.single(axis, j)) {
                        for (int b = 0; b <= a && canon[a] < 0; b++) {
                            int jb = t.index()[b];
                            if (copies.single(axis, jb) && copies.source(axis, jb) == copies.source(axis, j)) canon[a] = b;
                        }
                    }
                } else if (canon[a] != -1) canon[a] = -1;
                key[4 + 2 * a] = canon[a];
                if (isLive) r.tapped[j] = true;
            }
            if (isLive && k > 1) r.multiTap = true;
            if (isLive) r.disjoint &= readOnce(t.index(), copies, axis, readOwn, readCopy);
            // Neighbouring positions mostly read the same sources (an upsample: n / sources in a row): their kind is the last one's.
            boolean again = copies == null && k <= 2 && k == lastK && isLive == lastLive && t.denominator() == lastDen && t.index()[0] == lastFirst
                    && t.index()[k - 1] == lastLast;
            int kind = again ? lastKind : kinds.id(key, 3 + 2 * k), g;
            lastK = k;
            lastLive = isLive;
            lastDen = t.denominator();
            lastFirst = t.index()[0];
            lastLast = t.index()[k - 1];
            lastKind = kind;
            long[] w = t.weight();
            int[] slots = null;
            int at;
            if (k == 2 && kind < MOST_BY_F && w[0] > 0 && w[1] > 0 && w[0] + w[1] == t.denominator() && t.denominator() <= BY_F_PAST) {
                if (byF[kind] == null) { byF[kind] = new int[(int) t.denominator()]; java.util.Arrays.fill(byF[kind], -1); }
                slots = byF[kind];
                at = (int) w[1];
            } else {
                for (int a = 0; a < k; a++) key[3 + 2 * k + a] = w[a];
                key[3 + 3 * k] = kind;
                int known = seen.size();
                at = seen.id(key, 4 + 3 * k);
                if (at == seenGroup.length) seenGroup = java.util.Arrays.copyOf(seenGroup, 2 * at);
                if (at == known) seenGroup[at] = -1; // new
                slots = seenGroup;
            }
            g = slots[at];
            if (g < 0) {
                g = r.taps.size();
                slots[at] = g;
                r.taps.add(t);
                r.canon.add(canon);
                r.live.add(isLive);
                r.reads.add(new java.util.BitSet());
            }
            for (int j : t.index()) r.reads.get(g).set(j);
            r.of[i] = g;
            if (g == counts.length) counts = java.util.Arrays.copyOf(counts, 2 * g + 1);
            counts[g]++;
        }
        for (int g = 0; g < r.taps.size(); g++) r.count.add(counts[g]);
        return r;
    }

    /** Kinds whose two-tap groups go by f in an array, and the largest D for it (an int per f). */
    private static final int MOST_BY_F = 4, BY_F_PAST = 1 << 22;

    /** Canons without copies: every tap its own (shared, never written). */
    private static final int[][] NO_COPIES = {{}, {-1}, {-1, -1}};

    /**
     * This axis with its groups joined as {@code into} says (old group -> new group, numbered by first position): a
     * new group keeps its first old group's taps, copies and liveness, counts its old groups' positions and reads
     * what they read ({@link ResampleMerge}).
     */
    ResampleAxis merged(int[] into, int groups) {
        ResampleAxis r = new ResampleAxis(of.length, tapped.length, groups);
        System.arraycopy(tapped, 0, r.tapped, 0, tapped.length);
        r.multiTap = multiTap;
        r.disjoint = disjoint;
        long[] counts = new long[groups];
        for (int g = 0; g < size(); g++) {
            int h = into[g];
            if (h == r.size()) {
                r.taps.add(taps.get(g));
                r.canon.add(canon.get(g));
                r.live.add(live.get(g));
                r.reads.add(new java.util.BitSet());
            } else if (h > r.size()) throw new IllegalArgumentException("groups not numbered by first position");
            r.reads.get(h).or(reads.get(g));
            counts[h] += count.get(g);
        }
        for (int i = 0; i < of.length; i++) r.of[i] = into[of[i]];
        for (long c : counts) r.count.add(c);
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
