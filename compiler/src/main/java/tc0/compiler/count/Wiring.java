package tc0.compiler.count;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.lower.Lowered;

/**
 * Constants and wiring: no gate, only classes moved. Wiring converts a word to the node's width as the
 * lowering does (sign-extended or cut); a broadcast that repeats variable elements makes the tensor not
 * distinct (its elements share literals).
 */
final class Wiring {
    private Wiring() {}

    static boolean isWiring(Op op) {
        return op instanceof Op.Broadcast || op instanceof Op.Transpose || op instanceof Op.Reshape || op instanceof Op.Slice
                || op instanceof Op.Concat;
    }

    static Summary constant(Engine e, Node n, Op.Constant c) {
        int w = Lowered.width(n);
        long[] shape = Engine.shape(n);
        if (c.triangle() != null) { // tril, triu as given: no pass over their entries
            return new Summary(TriangleMask.of(shape, c, w), Set.of(), Summary.all(n.rank(), true), n.elem() instanceof Elem.Bit);
        }
        if (c.diagonal() != null) { // eye as given: two classes, on the diagonal and off it
            return new Summary(DiagonalMask.of(shape, c, w), Set.of(), Summary.all(n.rank(), true), n.elem() instanceof Elem.Bit);
        }
        boolean same = true;
        for (int i = 1; i < c.length() && same; i++) same = c.code(i) == c.code(0);
        ClassMap m;
        if (same) m = ClassMap.uniform(shape, ElemClass.constant(c.code(0), w));
        else if ((m = TriangleMask.of(shape, c, w)) != null) { /* tril, triu: two classes split by a diagonal */ }
        else {
            int[] per = new int[c.length()];
            for (int i = 0; i < per.length; i++) per[i] = ElemClass.constant(c.code(i), w).id;
            m = ClassMap.explicit(shape, per);
        }
        return new Summary(m, Set.of(), Summary.all(n.rank(), true), n.elem() instanceof Elem.Bit);
    }

    /** The class of a source element as this wiring node holds it. */
    static ElemClass convert(Node n, Summary src, ElemClass c) {
        if (n.elem() instanceof Elem.Bit) return c;
        ElemClass w = src.bit() ? Summary.asWord(c) : c;
        return w.resized(Lowered.width(n));
    }

    private static ClassMap converted(Engine e, Node n, int operand) {
        Summary s = e.sum(operand);
        return s.classes().mapClasses(c -> convert(n, s, c));
    }

    static Summary broadcast(Engine e, Node n, Op.Broadcast x) {
        Summary s = e.sum(x.operand());
        ClassMap m = converted(e, n, x.operand()).broadcast(Engine.shape(n));
        boolean[] d = s.distinctAxes();
        Node src = e.p.node(x.operand());
        for (int a = 0; a < d.length; a++) if (n.dim(a) > src.dim(a) && s.classes().anyVariable()) d[a] = false;
        return new Summary(m, s.bases(), d, n.elem() instanceof Elem.Bit);
    }

    static Summary transpose(Engine e, Node n, Op.Transpose x) {
        Summary s = e.sum(x.operand());
        boolean[] d = {s.distinct(1), s.distinct(0)};
        return new Summary(converted(e, n, x.operand()).transpose(), s.bases(), d, n.elem() instanceof Elem.Bit);
    }

    static Summary reshape(Engine e, Node n, Op.Reshape x) {
        Summary s = e.sum(x.operand());
        ClassMap m = converted(e, n, x.operand()).reshape(Engine.shape(n), Engine.EXPAND_LIMIT);
        boolean d = s.distinct() || !s.classes().anyVariable();
        boolean[] axes = Summary.all(n.rank(), d);
        // A kept last axis keeps its lines: elements that differ only along it did so before.
        Node src = e.p.node(x.operand());
        if (n.rank() > 0 && src.rank() > 0 && n.dim(n.rank() - 1) == src.dim(src.rank() - 1)) axes[n.rank() - 1] |= s.distinct(src.rank() - 1);
        return new Summary(m, s.bases(), axes, n.elem() instanceof Elem.Bit);
    }

    static Summary slice(Engine e, Node n, Op.Slice x) {
        Summary s = e.sum(x.operand());
        long[] start = new long[n.rank()];
        for (int a = 0; a < start.length; a++) start[a] = x.start().get(a);
        ClassMap m = converted(e, n, x.operand()).slice(start, Engine.shape(n));
        return new Summary(m, s.bases(), s.distinctAxes(), n.elem() instanceof Elem.Bit);
    }

    static Summary concat(Engine e, Node n, Op.Concat x) {
        Summary l = e.sum(x.left()), r = e.sum(x.right());
        ClassMap m = converted(e, n, x.left()).concat(x.axis(), converted(e, n, x.right()));
        Set<Integer> bases = new HashSet<>(l.bases());
        bases.addAll(r.bases());
        boolean[] d = new boolean[n.rank()];
        for (int a = 0; a < d.length; a++) d[a] = l.distinct(a) && r.distinct(a) && (a != x.axis() || l.disjoint(r));
        return new Summary(m, Set.copyOf(bases), d, n.elem() instanceof Elem.Bit);
    }

    /** Whether every element of each live node is read: by an output, a computing op, or wiring that is itself fully read. */
    static boolean[] fullyRead(Engine e, boolean[] live, Set<Integer> outputs) {
        int count = live.length;
        boolean[] full = new boolean[count];
        for (int o : outputs) full[o] = true;
        for (int i = count - 1; i >= 0; i--) {
            if (!live[i]) continue;
            Node n = e.p.node(i);
            boolean wiring = isWiring(n.op());
            for (int o : n.op().operands()) {
                boolean all = !wiring || full[i];
                if (n.op() instanceof Op.Slice) all &= n.size() == e.p.node(o).size();
                if (all) full[o] = true;
            }
        }
        return full;
    }

    /** A wiring node's coverage passed to its sources, its classes mapped back to theirs. */
    static void forwardUsage(Engine e, Node n) {
        for (int o : new HashSet<>(n.op().operands())) {
            Summary s = e.sum(o);
            Map<Integer, Integer> back = new HashMap<>();
            ClassMap m = s.classes();
            for (int t = 0; t < m.combos(); t++) {
                ElemClass c = m.at(m.combo(t));
                back.putIfAbsent(convert(n, s, c).id, c.id);
            }
            e.usage.forward(n.id(), o, id -> back.getOrDefault(id, -1));
        }
    }
}
