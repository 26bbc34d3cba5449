package tc0.compiler.count;

/**
 * Counting an instance at the lowest level: every level a gadget makes is an input's level, a maximum of
 * levels, or one more than a maximum, so the instance over inputs moved up by d levels has the same gates,
 * wires and outputs moved up by d. Layers repeat the same instances higher up; counted once at level 0 and
 * moved up, they are counted once per count instead of once per layer.
 */
final class Lift {
    private Lift() {}

    /** How far the inputs can move down: their lowest slot level (0 when every input is constant). */
    static int of(ElemClass[] in) {
        int d = Integer.MAX_VALUE;
        for (ElemClass c : in) if (!c.isConstant()) d = Math.min(d, c.minLevel());
        return d == Integer.MAX_VALUE ? 0 : d;
    }

    /** The inputs moved down by {@code d}. */
    static ElemClass[] down(ElemClass[] in, int d) {
        return moved(in, -d);
    }

    /** A result moved up by {@code d}: its profile and output classes. */
    static Instance.Result up(Instance.Result r, int d) {
        if (d == 0) return r;
        return new Instance.Result(up(r.profile(), d), moved(r.out(), d), r.usedSlots(), r.passthrough(), r.disjoint());
    }

    /** Each class moved by {@code d}; a long line has few distinct classes, each moved once. */
    private static ElemClass[] moved(ElemClass[] in, int d) {
        ElemClass[] b = new ElemClass[in.length];
        java.util.Map<ElemClass, ElemClass> done = new java.util.IdentityHashMap<>();
        for (int i = 0; i < in.length; i++) b[i] = done.computeIfAbsent(in[i], c -> c.lifted(d));
        return b;
    }

    /** A profile moved up by {@code d} levels. */
    static Profile up(Profile q, int d) {
        return d == 0 ? q : q.movedUp(d);
    }
}
