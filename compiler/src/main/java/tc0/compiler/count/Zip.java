package tc0.compiler.count;

import java.util.Arrays;

/**
 * Several class maps of one shape side by side: along each axis the joint group of a position is the tuple
 * of its groups in every map. Iterating the joint combinations visits every distinct tuple of classes an
 * element can have, with how many elements have it. Maps split by one diagonal ({@link ClassMap#triangle}, or
 * {@link ClassMap#diagonal} on and off it) zip to a map split so, the side a last joint axis; maps split by
 * different diagonals or in different ways are made plain first.
 */
final class Zip {
    private final ClassMap[] maps;
    private final long[] shape;
    private final int[][] ids;
    private final PairAxis[] pairs; // per axis, its joint groups factored (a pair axis), or null where listed
    private final int[] groups;
    private final int[][][] parts; // [axis][joint group] -> group in each map
    private final long[][] counts;

    /** What a visit sees: the class of each map at one joint combination, and how many elements share it. */
    @FunctionalInterface
    interface Visitor {
        ElemClass visit(ElemClass[] classes, long multiplicity);
    }

    /** Whether the maps are split (by the diagonal {@link #diagonal}): then the side is a last axis of two groups. */
    private final boolean split;
    private final Diagonal diagonal;
    /** Whether the split is on and off the diagonal ({@link ClassMap#diagonal}) rather than below and above it. */
    private final boolean onDiagonal;
    private SideCounts sides; // the joint groups' entries on each side, for multiplicities

    Zip(ClassMap... given) {
        ClassMap[] maps = given.clone();
        Diagonal diag = null;
        boolean mixed = false, on = false;
        for (ClassMap m : maps) {
            if (!m.sided()) continue;
            if (diag == null) { diag = m.diagonal(); on = m.onDiagonal(); }
            else mixed |= !diag.equals(m.diagonal()) || on != m.onDiagonal();
        }
        if (mixed) for (int k = 0; k < maps.length; k++) maps[k] = maps[k].dense();
        this.split = diag != null && !mixed;
        this.diagonal = split ? diag : Diagonal.plain(0);
        this.onDiagonal = split && on;
        this.maps = maps;
        this.shape = maps[0].shape.clone();
        for (ClassMap m : maps) if (!Arrays.equals(m.shape, shape)) throw new IllegalArgumentException("shapes differ");
        int r = shape.length;
        ids = new int[r][];
        pairs = new PairAxis[r];
        groups = new int[r];
        parts = new int[r][][];
        counts = new long[r][];
        int[] axes = new int[maps.length];
        for (int a = 0; a < r; a++) {
            java.util.Arrays.fill(axes, a);
            AxisJoint j = AxisJoint.of(maps, axes, split && a == 1 && !onDiagonal ? diagonal : Diagonal.plain(0));
            ids[a] = j.ids();
            pairs[a] = j.pairs();
            groups[a] = j.count();
            parts[a] = j.parts();
            counts[a] = j.counts();
        }
        if (split && pairs[1] != null && !onDiagonal) { // a pair axis's sides from its factors
            sides = new TriangleCounts(rowIds(), groups[0], KeyedPositions.of(pairs[1], groups[1], diagonal), diagonal.offset())::count;
        } else if (split) {
            sides = SideCounts.of(rowIds(), groups[0], ids[1] != null ? ids[1] : pairs[1].listed(), groups[1], diagonal, onDiagonal);
        }
    }

    private int[] rowIds() { return ids[0] != null ? ids[0] : pairs[0].listed(); }

    /** Visits every joint combination; the visitor's answers (when not null) form the returned map. */
    ClassMap map(Visitor v) {
        int sideGroups = split ? 2 : 1;
        int size = sideGroups;
        for (int g : groups) size = Math.multiplyExact(size, g);
        int[] table = new int[size];
        int r = shape.length;
        int[] g = new int[r];
        int[] mg = new int[r], mgs = new int[r + 1];
        ElemClass[] cls = new ElemClass[maps.length];
        boolean[] empty = new boolean[size];
        for (int f = 0; f < size; f++) {
            int rest = f / sideGroups, side = f % sideGroups;
            long mult = 1;
            for (int a = r - 1; a >= 0; a--) { g[a] = rest % groups[a]; rest /= groups[a]; mult = Math.multiplyExact(mult, counts[a][g[a]]); }
            if (split) {
                mult = sides.count(g[0], g[1], side);
                if (mult == 0) { empty[f] = true; continue; } // no entry on this side: nothing to visit
            }
            for (int k = 0; k < maps.length; k++) {
                if (maps[k].sided()) {
                    for (int a = 0; a < r; a++) mgs[a] = parts[a][g[a]][k];
                    mgs[r] = side;
                    cls[k] = maps[k].at(mgs);
                } else {
                    for (int a = 0; a < r; a++) mg[a] = parts[a][g[a]][k];
                    cls[k] = maps[k].at(mg);
                }
            }
            ElemClass out = v.visit(cls.clone(), mult);
            table[f] = out == null ? 0 : out.id;
        }
        // An empty side takes the other side's class, so that a map whose sides agree where they hold entries is plain.
        for (int f = 0; f < size; f++) if (empty[f]) table[f] = table[f ^ 1];
        if (!split) return ClassMap.of(shape, ids, pairs, groups, table);
        if (onDiagonal) return ClassMap.diagonal(shape, diagonal.offset(), listed(), groups, table);
        return ClassMap.triangle(shape, diagonal, ids, pairs, groups, table);
    }

    /** The joint groups of every axis listed (a factored one too). */
    private int[][] listed() {
        int[][] l = ids.clone();
        for (int a = 0; a < l.length; a++) if (pairs[a] != null) l[a] = pairs[a].listed();
        return l;
    }
}
