package tc0.compiler.count;

/**
 * Class ids moved up by one level step ({@link ElemClass#lifted}), cached in an int array by id: RoPE lifts its
 * 4 million output ids a node (n = 2^20) from a few hundred classes, through boxed maps before. Safe to share
 * between threads: a lifted id is the same whoever works it out, so a lost or repeated write only costs a
 * recomputation (ints are written whole; the array is published through a volatile field).
 */
final class LiftedIds {
    private final int delta;
    /** id + 1 of the lifted class at the class's id; 0 not known yet. */
    private volatile int[] cache = new int[256];

    LiftedIds(int delta) {
        this.delta = delta;
    }

    /** The id of class {@code id} lifted by this delta. */
    int of(int id) {
        if (delta == 0) return id;
        int[] c = cache;
        if (id < c.length && c[id] != 0) return c[id] - 1;
        int v = ElemClass.byId(id).lifted(delta).id;
        if (id >= c.length) c = grow(id);
        c[id] = v + 1;
        return v;
    }

    private synchronized int[] grow(int id) {
        int[] c = cache;
        if (id < c.length) return c;
        c = java.util.Arrays.copyOf(c, Math.max(id + 1, c.length * 2));
        cache = c;
        return c;
    }
}
