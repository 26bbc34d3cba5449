package tc0.compiler.count;

import tc0.compiler.interp.Layout;

/**
 * An upsample's axis with its two-tap groups joined where their weightings {@code (D - f, f)} count alike wherever
 * {@link ResampleCount} counts them: each such count is named by {@link PairWeighting}'s key, which reads f only
 * through z (f's lowest set bit), both weights' bit lengths and a few of their bits ({@link PairWeighting#splitMask}),
 * so groups of one kind (taps' class groups, copies, liveness, denominator) that agree there have equal keys at every
 * place. A joined group is counted once for all its positions, by its first group's weighting, and only where that one
 * is keyed at every place (then so is every weighting joined to it, and by main's own memo each gets the first's
 * count). var's write-backs at n = 2^20: 524,288 and 699,050 weightings per axis, a few dozen after joining.
 */
final class ResampleMerge {
    private ResampleMerge() {}

    /** Tests only: no group joined, every weighting counted by itself (the path joining replaces). */
    static volatile boolean off;

    /** Groups joined into another, over every count (for tests). */
    static final java.util.concurrent.atomic.LongAdder joined = new java.util.concurrent.atomic.LongAdder();

    /** Where one group of the axis is counted. */
    interface Places {
        /** The union of the bits of the weights read by the key at every place group g is counted; -1: not keyed somewhere. */
        long mask(int g);

        /** Whether group g's count is keyed, and made, at every place (its first weighting then stands for its joined ones). */
        boolean keyed(int g);
    }

    /** The axis with groups joined as above (itself where none joins). */
    static ResampleAxis merge(ResampleAxis ax, ClassMap m, int axis, Places places) {
        int n = ax.size();
        if (off) return ax;
        // A group's kind: what makes its places the same (its weights aside): taps' class groups, copies, liveness, denominator.
        TupleIds kinds = new TupleIds(), signatures = new TupleIds();
        long[] t = new long[8];
        int[] sig = new int[n];
        java.util.Map<Long, Long> masks = new java.util.HashMap<>(); // per (kind, z)
        for (int g = 0; g < n; g++) {
            Layout.Taps taps = ax.taps.get(g);
            long[] w = taps.weight();
            sig[g] = -1;
            if (!ax.live.get(g) || w.length != 2 || w[0] <= 0 || w[1] <= 0) continue;
            t[0] = taps.denominator();
            t[1] = w[0] + w[1];
            for (int a = 0; a < 2; a++) {
                t[2 + 2 * a] = m.group(axis, taps.index()[a]);
                t[3 + 2 * a] = ax.canon.get(g)[a];
            }
            int kind = kinds.id(t, 6), z = Long.numberOfTrailingZeros(w[1]);
            long at = (long) kind << 8 | z;
            Long mask = masks.get(at);
            if (mask == null) { mask = places.mask(g); masks.put(at, mask); }
            if (mask == -1) continue;
            t[0] = kind;
            t[1] = z;
            t[2] = 64 - Long.numberOfLeadingZeros(w[0]);
            t[3] = 64 - Long.numberOfLeadingZeros(w[1]);
            t[4] = w[0] & mask;
            t[5] = w[1] & mask;
            sig[g] = signatures.id(t, 6);
        }
        // A signature joins its groups where its first one is keyed at every place.
        int s = signatures.size();
        if (s == 0) return ax;
        int[] first = new int[s];
        java.util.Arrays.fill(first, -2); // -2 not yet seen, -1 not joined, else the new group
        int[] into = new int[n];
        int groups = 0;
        for (int g = 0; g < n; g++) {
            int k = sig[g];
            if (k >= 0 && first[k] == -2) first[k] = places.keyed(g) ? groups : -1;
            into[g] = k >= 0 && first[k] >= 0 && first[k] < groups ? first[k] : groups++;
        }
        joined.add(n - groups);
        return groups == n ? ax : ax.merged(into, groups);
    }
}
