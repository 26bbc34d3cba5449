package tc0.compiler.count;

/**
 * The lines of a class map along one axis, grouped: lines whose other coordinates fall in the same groups
 * hold the same sequence of classes, so one visit per combination of the other axes' groups.
 */
final class Lines {
    private Lines() {}

    /** What a visit sees. */
    @FunctionalInterface
    interface Visitor {
        /**
         * @param combo        the groups of the other axes (the entry of {@code axis} is 0)
         * @param line         the class of each position along the axis
         * @param multiplicity how many lines hold this sequence
         */
        void visit(int[] combo, ElemClass[] line, long multiplicity);
    }

    /** The combinations of the other axes' groups, as table indices of a map with the axis collapsed to one group. */
    static int combos(ClassMap m, int axis) {
        int c = 1;
        for (int a = 0; a < m.rank(); a++) if (a != axis) c = Math.multiplyExact(c, m.groups(a));
        return c;
    }

    static void forEach(ClassMap m, int axis, Visitor v) {
        int r = m.rank();
        int len = Math.toIntExact(m.shape[axis]);
        int[] pos = m.axisGroups(axis);
        int total = combos(m, axis);
        int[] g = new int[r];
        for (int f = 0; f < total; f++) {
            int rest = f;
            long mult = 1;
            for (int a = r - 1; a >= 0; a--) {
                if (a == axis) { g[a] = 0; continue; }
                g[a] = rest % m.groups(a);
                rest /= m.groups(a);
                mult = Math.multiplyExact(mult, m.count(a, g[a]));
            }
            ElemClass[] byGroup = new ElemClass[m.groups(axis)];
            int[] h = g.clone();
            for (int k = 0; k < byGroup.length; k++) { h[axis] = k; byGroup[k] = m.at(h); }
            ElemClass[] line = new ElemClass[len];
            for (int i = 0; i < len; i++) line[i] = byGroup[pos[i]];
            v.visit(g.clone(), line, mult);
        }
    }

    /** The map of a reduction: the axis becomes size 1, each line's class from {@code out[combo index]}. */
    static ClassMap reduced(ClassMap m, int axis, int[] out) {
        int r = m.rank();
        long[] shape = m.shape.clone();
        shape[axis] = 1;
        int[][] ids = new int[r][];
        int[] groups = new int[r];
        for (int a = 0; a < r; a++) {
            if (a == axis) { groups[a] = 1; continue; }
            ids[a] = m.axisGroups(a);
            groups[a] = m.groups(a);
        }
        return ClassMap.of(shape, ids, groups, out);
    }

    /** The map of a line op: position i of the lines of combo index c has class {@code out[c][i]}. */
    static ClassMap perPosition(ClassMap m, int axis, int[][] out) {
        int r = m.rank();
        int len = Math.toIntExact(m.shape[axis]);
        int[][] ids = new int[r][];
        int[] groups = new int[r];
        for (int a = 0; a < r; a++) {
            if (a == axis) {
                ids[a] = new int[len];
                for (int i = 0; i < len; i++) ids[a][i] = i;
                groups[a] = len;
            } else {
                ids[a] = m.axisGroups(a);
                groups[a] = m.groups(a);
            }
        }
        // Table row-major over groups: combo index c enumerates the other axes in order, the axis inserted.
        int inner = 1;
        for (int a = axis + 1; a < r; a++) inner *= groups[a];
        int[] table = new int[out.length * len];
        for (int c = 0; c < out.length; c++) {
            int outer = c / inner, in = c % inner;
            for (int i = 0; i < len; i++) table[(outer * len + i) * inner + in] = out[c][i];
        }
        return ClassMap.of(m.shape, ids, groups, table);
    }
}
