package tc0.compiler.count;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Several class maps of one shape side by side: along each axis the joint group of a position is the tuple
 * of its groups in every map. Iterating the joint combinations visits every distinct tuple of classes an
 * element can have, with how many elements have it.
 */
final class Zip {
    private final ClassMap[] maps;
    private final long[] shape;
    private final int[][] ids;
    private final int[] groups;
    private final int[][][] parts; // [axis][joint group] -> group in each map
    private final long[][] counts;

    /** What a visit sees: the class of each map at one joint combination, and how many elements share it. */
    @FunctionalInterface
    interface Visitor {
        ElemClass visit(ElemClass[] classes, long multiplicity);
    }

    Zip(ClassMap... maps) {
        this.maps = maps;
        this.shape = maps[0].shape.clone();
        for (ClassMap m : maps) if (!Arrays.equals(m.shape, shape)) throw new IllegalArgumentException("shapes differ");
        int r = shape.length;
        ids = new int[r][];
        groups = new int[r];
        parts = new int[r][][];
        counts = new long[r][];
        for (int a = 0; a < r; a++) {
            Map<Tuple, Integer> seen = new HashMap<>();
            int d = Math.toIntExact(shape[a]);
            ids[a] = new int[d];
            for (int i = 0; i < d; i++) {
                int[] t = new int[maps.length];
                for (int k = 0; k < maps.length; k++) t[k] = maps[k].group(a, i);
                ids[a][i] = seen.computeIfAbsent(new Tuple(t), x -> seen.size());
            }
            groups[a] = seen.size();
            parts[a] = new int[groups[a]][];
            counts[a] = new long[groups[a]];
            for (Map.Entry<Tuple, Integer> e : seen.entrySet()) parts[a][e.getValue()] = e.getKey().t;
            for (int g : ids[a]) counts[a][g]++;
        }
    }

    /** Visits every joint combination; the visitor's answers (when not null) form the returned map. */
    ClassMap map(Visitor v) {
        int size = 1;
        for (int g : groups) size = Math.multiplyExact(size, g);
        int[] table = new int[size];
        int r = shape.length;
        int[] g = new int[r];
        int[] mg = new int[r];
        ElemClass[] cls = new ElemClass[maps.length];
        for (int f = 0; f < size; f++) {
            int rest = f;
            long mult = 1;
            for (int a = r - 1; a >= 0; a--) { g[a] = rest % groups[a]; rest /= groups[a]; mult = Math.multiplyExact(mult, counts[a][g[a]]); }
            for (int k = 0; k < maps.length; k++) {
                for (int a = 0; a < r; a++) mg[a] = parts[a][g[a]][k];
                cls[k] = maps[k].at(mg);
            }
            ElemClass out = v.visit(cls.clone(), mult);
            table[f] = out == null ? 0 : out.id;
        }
        return ClassMap.of(shape, ids, groups, table);
    }

    private record Tuple(int[] t) {
        @Override public boolean equals(Object o) { return o instanceof Tuple k && Arrays.equals(t, k.t); }

        @Override public int hashCode() { return Arrays.hashCode(t); }
    }
}
