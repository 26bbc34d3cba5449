package tc0.compiler.count;

import java.math.BigInteger;
import java.util.List;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.DivideByConstant;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.Lookup;
import tc0.compiler.gadgets.MaxArgmax;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Rounding;

/** Reductions along an axis, one gadget per line as the lowering builds them (SUM, MEAN by division by a constant, MAX, MIN). */
final class ReduceCount {
    private ReduceCount() {}

    static Summary count(Engine e, Node n, Op.Reduce op) {
        Summary s = e.sum(op.operand());
        if (!s.distinct(op.axis())) throw new NeedsLiterals("node " + n.id() + ": a reduced line repeats literals");
        ClassMap m = s.words();
        FixedFormat fx = e.fmt(op.operand()), out = n.elem().asFixed();
        int len = Math.toIntExact(m.shape[op.axis()]);
        int rounds = e.rounds;
        Instance.Gadget g = gadget(op.reduction(), len, fx, out, rounds, n);
        Object key = List.of("reduce", op.reduction(), len, fx, out, rounds);
        int[] table = new int[Lines.combos(m, op.axis())];
        int[] nodes = new int[len];
        java.util.Arrays.fill(nodes, op.operand());
        boolean[] flags = {false, true};
        int[] at = {0};
        Lines.forEach(m, op.axis(), (combo, line, mult) -> {
            Instance.Result r = switch (op.reduction()) {
                case SUM -> closedSum(e, key, line, fx, out, g);
                case MEAN -> closedMean(e, key, line, fx, out);
                default -> null;
            };
            if (r == null) r = e.instance(key, g, line, Instance.distinct(len));
            e.add(r, mult, nodes, line);
            flags[0] |= r.passthrough();
            flags[1] &= r.disjoint();
            table[at[0]++] = r.out()[0].id;
        });
        return e.computed(n, Lines.reduced(m, op.axis(), table), flags[0], flags[1], op.operand());
    }

    /** SUM in closed form ({@link SumForm}), memoised by the line's classes; null where it does not apply. */
    private static Instance.Result closedSum(Engine e, Object key, ElemClass[] line, FixedFormat fx, FixedFormat out, Instance.Gadget g) {
        int[] ids = new int[line.length];
        for (int i = 0; i < ids.length; i++) ids[i] = line[i].id;
        Object k = java.util.List.of(key, "closed", new Engine.IntsKey(ids));
        Instance.Result[] r = {null};
        try {
            r[0] = e.closed(k, () -> {
                long[] sh = SumForm.toFormat(fx.fracBits(), out);
                SumForm f = new SumForm();
                long[] used = new long[line.length];
                int i = 0;
                while (i < line.length) { // runs of one class go in bulk
                    int j = i;
                    while (j < line.length && line[j] == line[i]) j++;
                    f.addWords(line[i], sh[1], i, j - i);
                    for (int t = i; t < j; t++) used[t] = SumForm.variableSlots(line[t]);
                    i = j;
                }
                return f.close((int) sh[0], out.width(), true, e.rounds, used);
            });
        } catch (SumForm.Unmodelled u) {
            return null;
        }
        return r[0];
    }

    /**
     * MEAN over plain words in closed form, memoised by the line's classes: the route the lowering's form
     * chooses and, where that is MULTIPLY, its one weighted sum ({@link ResampleStencils#closedMultiply}, as a
     * stencil of unit weights over distinct words). Null where that does not apply: the gadget then runs on a
     * Tape, which takes time and memory in the line's length times its width (gcn's mean at n = 2^20).
     */
    private static Instance.Result closedMean(Engine e, Object key, ElemClass[] line, FixedFormat fx, FixedFormat out) {
        if (line.length < 2 || Long.numberOfLeadingZeros(line.length) <= fx.fracBits() + 1) return null;
        for (ElemClass c : line) if (!c.plain()) return null;
        int[] ids = new int[line.length];
        for (int i = 0; i < ids.length; i++) ids[i] = line[i].id;
        Object k = java.util.List.of(key, "closed-mean", new Engine.IntsKey(ids));
        Instance.Result[] r = {null};
        r[0] = e.closed(k, () -> {
            long[] ones = new long[line.length];
            java.util.Arrays.fill(ones, 1);
            long den = (long) line.length << fx.fracBits();
            DivideByConstant.Route route = ResampleStencils.route(line, ones, out, den, e.rounds);
            return route == DivideByConstant.Route.MULTIPLY ? ResampleStencils.closedMultiply(line, ones, den, out, e.rounds) : null;
        });
        return r[0];
    }

    private static Instance.Gadget gadget(Op.Reduction red, int len, FixedFormat fx, FixedFormat out, int rounds, Node n) {
        return switch (red) {
            case SUM -> (net, xs) -> {
                LinearForm f = new LinearForm();
                for (int[] x : xs) f.addWord(x, 1);
                return new int[][] {WeightedSum.toFormat(net, f, fx.fracBits(), out, rounds)};
            };
            case MEAN -> {
                if (len == 1) yield (net, xs) -> new int[][] {convert(net, xs[0], fx, out, rounds)};
                if (Long.numberOfLeadingZeros(len) <= fx.fracBits() + 1) {
                    throw new UnsupportedOperationException("mean of " + len + " terms of " + fx + " needs a denominator beyond 63 bits (node "
                            + n.id() + ", region " + n.region() + ")");
                }
                long den = (long) len << fx.fracBits();
                yield (net, xs) -> { // as the lowering: the route the form's weights choose, then the division
                    LinearForm f = new LinearForm();
                    for (int[] x : xs) f.addWord(x, 1);
                    long[] w = new long[f.size()];
                    for (int i = 0; i < w.length; i++) w[i] = f.weight(i);
                    DivideByConstant.Route route = DivideByConstant.choose(w, f.constant(), out.fracBits(), den, out, rounds);
                    return new int[][] {DivideByConstant.build(net, f, out.fracBits(), den, out, rounds, route)};
                };
            }
            case MAX -> (net, xs) -> new int[][] {convert(net, MaxArgmax.max(net, xs), fx, out, rounds)};
            case MIN -> (net, xs) -> {
                int[][] inv = new int[xs.length][];
                for (int t = 0; t < xs.length; t++) inv[t] = not(xs[t]);
                return new int[][] {convert(net, not(MaxArgmax.max(net, inv)), fx, out, rounds)};
            };
        };
    }


    private static int[] not(int[] w) {
        int[] r = new int[w.length];
        for (int k = 0; k < w.length; k++) r[k] = Literal.not(w[k]);
        return r;
    }

    private static int[] convert(Net net, int[] w, FixedFormat fx, FixedFormat out, int rounds) {
        if (fx.equals(out)) return w;
        return WeightedSum.toFormat(net, new LinearForm().addWord(w, 1), fx.fracBits(), out, rounds);
    }
}
