package tc0.compiler.count;

import java.util.Set;

/**
 * What counting keeps of a node instead of its literals.
 *
 * @param classes  the element classes (product form)
 * @param bases    the nodes whose own literals (inputs, gates) appear among the elements: two operands with
 *                 disjoint bases share no literal
 * @param distinct per axis, whether two elements that differ only along it share no literal (false along an
 *                 axis a broadcast repeats); {@link #distinct()}: along every axis
 * @param bit      whether the node holds bits (one literal per element; read as {@code fixed(2, 0)} words)
 */
record Summary(ClassMap classes, Set<Integer> bases, boolean[] distinctAxes, boolean bit) {
    Summary {
        distinctAxes = distinctAxes.clone();
    }

    /** Every axis distinct (and, for the counting here, no two elements share a literal). */
    boolean distinct() {
        for (boolean d : distinctAxes) if (!d) return false;
        return true;
    }

    boolean distinct(int axis) { return distinctAxes[axis]; }

    static boolean[] all(int rank, boolean v) {
        boolean[] d = new boolean[rank];
        java.util.Arrays.fill(d, v);
        return d;
    }

    /** The classes as the arithmetic reads them: a bit as the word {@code (b, 0)}. */
    ClassMap words() {
        return bit ? classes.mapClasses(Summary::asWord) : classes;
    }

    static ElemClass asWord(ElemClass c) {
        if (c.width() != 1) return c;
        int[] bits = {c.bit(0), ElemClass.FALSE};
        int[] lv = c.slots() == 0 ? new int[0] : new int[] {c.slotLevel(0)};
        return ElemClass.of(bits, lv);
    }

    /** The bit class of a word read from a bit node ({@link #asWord} undone). */
    static ElemClass asBit(ElemClass word) {
        if (word.width() == 1) return word;
        int[] lv = word.slots() == 0 ? new int[0] : new int[] {word.slotLevel(0)};
        return ElemClass.of(new int[] {word.bit(0)}, lv);
    }

    /** Whether this node and {@code o} share no literal. */
    boolean disjoint(Summary o) {
        for (int b : bases) if (o.bases.contains(b)) return false;
        return true;
    }
}
