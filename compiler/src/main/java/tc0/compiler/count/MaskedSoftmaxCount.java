package tc0.compiler.count;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc0.compiler.gadgets.Softmax;
import tc0.compiler.interp.Layout;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.FixedFormat;

/**
 * A softmax with a constant mask ({@code tril(n)}), as {@code MaskedSoftmax.build} lowers it: per line,
 * {@link Softmax} on the kept entries (in closed form by {@link SoftmaxCount} from two entries up; one entry is the constant 1), constant 0
 * elsewhere. Small tensors: lines are visited one by one (a causal mask gives every row its own length), each
 * distinct sequence of kept classes counted once; larger ones by groups of rows and columns
 * ({@link MaskedSoftmaxGroups}). A mask with variable bits (an adjacency input) is not counted here:
 * the build counts it ({@link NeedsLiterals}).
 */
final class MaskedSoftmaxCount {
    private MaskedSoftmaxCount() {}

    /** Past this many elements the lines are counted by groups ({@link MaskedSoftmaxGroups}); tests lower it to compare both. */
    static long lineByLineLimit = Engine.EXPAND_LIMIT;

    static Summary count(Engine e, Node n, Op.MaskedSoftmax op) {
        Summary tx = e.sumSplit(op.operand()), tm = e.sumSplit(op.mask());
        if (!tm.classes().anyVariable() && tx.distinct(op.axis()) && TriangleSoftmax.applies(n, op, tx.classes(), tm.classes())) {
            return TriangleSoftmax.count(e, n, op, tx.words(), tm.words());
        }
        if (DiagonalSoftmax.applies(n, tx.classes(), tm.classes())) return DiagonalSoftmax.count(e, n, op, tx, tm); // where(eye(n), 1, A)
        Summary sx = e.sum(op.operand()), sm = e.sum(op.mask());
        if (sm.classes().anyVariable()) return VariableMaskSoftmaxCount.count(e, n, op); // an adjacency input
        if (!sx.distinct(op.axis())) throw new NeedsLiterals("node " + n.id() + ": a line of softmax repeats literals");
        long size = n.size();
        if (size > lineByLineLimit) return MaskedSoftmaxGroups.count(e, n, op);
        FixedFormat fx = e.fmt(op.operand()), fe = op.expFormat(), out = n.elem().asFixed();
        ClassMap xm = sx.words(), mm = sm.words();
        List<Long> shape = n.shape();
        int[] ids = new int[Math.toIntExact(size)];
        int zero = ElemClass.constant(0, out.width()).id;
        Object key = List.of("softmax", fx, fe, out);
        Instance.Gadget g = (net, xs) -> Softmax.build(net, xs, fx, fe, out);
        Map<Engine.IntsKey, Instance.Result> seen = new HashMap<>();
        // Per distinct result, how many lines; per class, the slots every instance reads (Usage ANDs them).
        Map<Instance.Result, Long> times = new java.util.IdentityHashMap<>();
        Map<Integer, Long> reads = new HashMap<>();
        boolean passthrough = false, disjoint = true;
        for (int[] line : Layout.lines(shape, op.axis())) {
            int k = 0;
            int[] kept = new int[line.length];
            for (int i = 0; i < line.length; i++) {
                if (ElemClass.byId(mm.idAt(line[i])).code() != 0) kept[k++] = line[i];
                else ids[line[i]] = zero;
            }
            if (k == 0) continue;
            ElemClass[] xs = new ElemClass[k];
            int[] key2 = new int[k];
            for (int i = 0; i < k; i++) { key2[i] = xm.idAt(kept[i]); xs[i] = ElemClass.byId(key2[i]); }
            Instance.Result r = seen.computeIfAbsent(new Engine.IntsKey(key2), x -> one(e, key, g, xs, fx, fe, out));
            times.merge(r, 1L, Long::sum);
            for (int i = 0; i < k; i++) reads.merge(key2[i], r.usedSlots()[i], (x, y) -> x & y);
            passthrough |= r.passthrough();
            disjoint &= r.disjoint();
            for (int i = 0; i < k; i++) ids[kept[i]] = r.out()[i].id;
        }
        for (Map.Entry<Instance.Result, Long> t : times.entrySet()) e.total.add(t.getKey().profile(), t.getValue());
        for (Map.Entry<Integer, Long> rd : reads.entrySet()) e.read(op.operand(), ElemClass.byId(rd.getKey()), rd.getValue());
        long[] sh = Engine.shape(n);
        return e.computed(n, ClassMap.explicit(sh, ids), passthrough, disjoint, op.operand());
    }

    private static Instance.Result one(Engine e, Object key, Instance.Gadget g, ElemClass[] xs, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        if (xs.length == 1) { // x - max(x) = 0: the code of 1, no gate, nothing read (what Softmax.build makes of one entry)
            ElemClass one = ElemClass.constant(tc0.compiler.numerics.Fixed.softmax(new long[] {0}, fx, fe, out)[0], out.width());
            return new Instance.Result(new Profile(), new ElemClass[] {one}, new long[] {0}, false, true);
        }
        if (xs.length >= 2) {
            try {
                return e.closedLifted(List.of(key, "closed"), xs, line -> SoftmaxCount.count(line, fx, fe, out));
            } catch (SumForm.Unmodelled u) {
                if (Engine.TRACE) System.err.println("count: masked softmax runs the gadget: " + u.getMessage());
            }
        }
        return e.instance(key, g, xs, Instance.distinct(xs.length));
    }
}
