package tc0.compiler.count;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The positions of one axis grouped by several class maps at once (each map's axis given): a position's joint group
 * is the tuple of its groups in every map. Listed ({@code ids}) as {@link PairIds} would; or, where some map holds
 * the axis as a {@link PairAxis} and every other map holds it with the same factors or as one group, factored
 * ({@code pairs}): the joint of the left factors' groups, of the right ones', and a table of the tuples, so a pair
 * axis of n^2 positions stays unlisted through {@link Zip}, the softmax and the products.
 *
 * @param ids   per position its joint group, or null when factored
 * @param pairs the joint groups factored, or null when listed
 * @param count how many joint groups
 * @param parts per joint group, its group in each map
 */
record AxisJoint(int[] ids, PairAxis pairs, int count, int[][] parts) {
    static AxisJoint of(ClassMap[] maps, int[] axes) {
        return of(maps, axes, Diagonal.plain(0));
    }

    /**
     * As {@link #of(ClassMap[], int[])}, an axis keyed by the pair diagonal {@code keyedBy} factored even where every
     * map holds it as one group (a pair mask's columns: one group of n^2 positions, its keys still wanted).
     */
    static AxisJoint of(ClassMap[] maps, int[] axes, Diagonal keyedBy) {
        AxisJoint f = factored(maps, axes);
        if (f == null && keyedBy.paired()) f = oneGroup(maps, axes, keyedBy.pairs());
        return f != null ? f : listed(maps, axes);
    }

    /** Where every map holds the axis as one group: that group as a pair axis of {@code q}-long right factor, or null. */
    private static AxisJoint oneGroup(ClassMap[] maps, int[] axes, long q) {
        long length = maps[0].shape[axes[0]];
        if (q <= 0 || length % q != 0 || length / q > Integer.MAX_VALUE || q > Integer.MAX_VALUE) return null;
        for (int k = 0; k < maps.length; k++) if (maps[k].groups(axes[k]) != 1) return null;
        PairAxis p = new PairAxis(new int[(int) (length / q)], 1, new int[(int) q], 1, new int[] {0});
        return new AxisJoint(null, p, 1, new int[][] {new int[maps.length]});
    }

    /** One map's axis: its own groups. */
    static AxisJoint of(ClassMap m, int axis) { return of(new ClassMap[] {m}, new int[] {axis}); }

    int group(long i) { return pairs != null ? pairs.group(i) : ids[(int) i]; }

    long[] counts() {
        if (pairs != null) return pairs.counts(count);
        long[] c = new long[count];
        for (int g : ids) c[g]++;
        return c;
    }

    /** The groups' keyed positions on diagonal {@code d} ({@link KeyedPositions}). */
    KeyedPositions keyed(Diagonal d) { return pairs != null ? KeyedPositions.of(pairs, count, d) : KeyedPositions.of(ids, count, d); }

    private static AxisJoint factored(ClassMap[] maps, int[] axes) {
        PairAxis like = null;
        for (int k = 0; k < maps.length; k++) {
            PairAxis p = maps[k].pairAxis(axes[k]);
            if (p == null) continue;
            if (like != null && !like.sameFactors(p)) return null;
            like = p;
        }
        if (like == null) return null;
        for (int k = 0; k < maps.length; k++) if (maps[k].pairAxis(axes[k]) == null && maps[k].groups(axes[k]) != 1) return null;
        int m = maps.length;
        // Joint groups of the left factors, then of the right ones: per joint group, each paired map's factor group.
        int[] jl = new int[like.left().length], jr = new int[like.right().length];
        int[][] lParts = jointFactor(maps, axes, true, jl), rParts = jointFactor(maps, axes, false, jr);
        int nl = lParts.length, nr = rParts.length;
        Map<Tuple, Integer> seen = new HashMap<>();
        java.util.List<int[]> parts = new java.util.ArrayList<>();
        int[] table = new int[nl * nr];
        for (int x = 0; x < nl; x++) {
            for (int y = 0; y < nr; y++) {
                int[] t = new int[m];
                for (int k = 0; k < m; k++) {
                    PairAxis p = maps[k].pairAxis(axes[k]);
                    t[k] = p == null ? 0 : p.table()[lParts[x][k] * p.rightGroups() + rParts[y][k]];
                }
                table[x * nr + y] = seen.computeIfAbsent(new Tuple(t), q -> { parts.add(t); return parts.size() - 1; });
            }
        }
        return new AxisJoint(null, new PairAxis(jl, nl, jr, nr, table), parts.size(), parts.toArray(int[][]::new));
    }

    /** The joint groups of every paired map's left (or right) factor into {@code ids}; per joint group the factor group in each map (0 for a map of one group). */
    private static int[][] jointFactor(ClassMap[] maps, int[] axes, boolean leftSide, int[] ids) {
        TupleIds seen = new TupleIds();
        int m = maps.length;
        long[] t = new long[m];
        for (int i = 0; i < ids.length; i++) {
            for (int k = 0; k < m; k++) {
                PairAxis p = maps[k].pairAxis(axes[k]);
                t[k] = p == null ? 0 : (leftSide ? p.left() : p.right())[i];
            }
            ids[i] = seen.id(t, m);
        }
        return parts(seen, m);
    }

    /** Per joint group its tuple of groups, in the order first seen. */
    private static int[][] parts(TupleIds seen, int m) {
        int[][] parts = new int[seen.size()][m];
        for (int g = 0; g < parts.length; g++) for (int k = 0; k < m; k++) parts[g][k] = (int) seen.get(g, k);
        return parts;
    }

    private static AxisJoint listed(ClassMap[] maps, int[] axes) {
        int m = maps.length;
        int d = ClassMap.listed(maps[0].shape[axes[0]]);
        int[][] groups = new int[m][];
        for (int k = 0; k < m; k++) groups[k] = maps[k].groups(axes[k]) == 1 ? null : maps[k].axisGroups(axes[k]);
        int[] ids = new int[d];
        if (m <= 2) { // two group ids (non-negative ints) in one long: no tuple store
            LongIds seen = new LongIds();
            int[] g0 = groups[0], g1 = m == 2 ? groups[1] : null;
            for (int i = 0; i < d; i++) ids[i] = seen.id((long) (g0 == null ? 0 : g0[i]) << 32 | (g1 == null ? 0 : g1[i]));
            int[][] parts = new int[seen.size()][m];
            for (int g = 0; g < parts.length; g++) {
                parts[g][0] = (int) (seen.key(g) >>> 32);
                if (m == 2) parts[g][1] = (int) seen.key(g);
            }
            return new AxisJoint(ids, null, seen.size(), parts);
        }
        TupleIds seen = new TupleIds();
        long[] t = new long[m];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < m; k++) t[k] = groups[k] == null ? 0 : groups[k][i];
            ids[i] = seen.id(t, m);
        }
        return new AxisJoint(ids, null, seen.size(), parts(seen, m));
    }

    private record Tuple(int[] t) {
        @Override public boolean equals(Object o) { return o instanceof Tuple k && Arrays.equals(t, k.t); }

        @Override public int hashCode() { return Arrays.hashCode(t); }
    }
}
