package tc0.compiler.count;

import java.util.List;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.Lookup;
import tc0.compiler.gadgets.Multiply;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Rounding;

/**
 * Ops with one gadget per element: elementwise {@code + - *}, scaling by a constant, unary tables. The
 * instances are grouped by the tuple of their operands' classes ({@link Zip}); one of each is counted and
 * multiplied by how many elements have it.
 */
final class PerElement {
    private PerElement() {}

    /** Accumulates what the instances said about the node's outputs. */
    private static final class Flags {
        boolean passthrough;
        boolean disjoint = true;

        ElemClass take(Instance.Result r) {
            passthrough |= r.passthrough();
            disjoint &= r.disjoint();
            return r.out()[0];
        }
    }

    static Summary elementwise(Engine e, Node n, Op.Elementwise op) {
        FixedFormat fx = e.fmt(op.left()), fy = e.fmt(op.right()), out = n.elem().asFixed();
        int frac = Math.max(fx.fracBits(), fy.fracBits());
        long cx = 1L << (frac - fx.fracBits()), cy = 1L << (frac - fy.fracBits());
        int rounds = e.rounds;
        Instance.Gadget g = (net, in) -> new int[][] {switch (op.arith()) {
            case ADD -> WeightedSum.toFormat(net, new LinearForm().addWord(in[0], cx).addWord(in[1], cy), frac, out, rounds);
            case SUB -> WeightedSum.toFormat(net, new LinearForm().addWord(in[0], cx).addWord(in[1], -cy), frac, out, rounds);
            case MUL -> Multiply.fixed(net, in[0], fx, in[1], fy, out, rounds);
        }};
        Summary l = e.sum(op.left()), r = e.sum(op.right());
        int[] identity;
        if (op.left() == op.right()) identity = new int[] {0, 0};
        else if (l.disjoint(r)) identity = new int[] {0, 1};
        else throw new NeedsLiterals("node " + n.id() + ": operands of " + op.arith() + " share literals");
        Object key = List.of("elementwise", op.arith(), fx, fy, out, rounds);
        int[] operands = {op.left(), op.right()};
        Flags f = new Flags();
        ClassMap m = new Zip(l.words(), r.words()).map((cls, mult) -> {
            Instance.Result res = e.instance(key, g, cls, identity);
            e.add(res, mult, operands, cls);
            return f.take(res);
        });
        return e.computed(n, m, f.passthrough, f.disjoint, op.left(), op.right());
    }

    static Summary scale(Engine e, Node n, Op.ScaleByConstant op) {
        FixedFormat fx = e.fmt(op.operand()), out = n.elem().asFixed();
        int frac = fx.fracBits() + op.coefficientFormat().fracBits();
        long c = op.coefficient();
        int rounds = e.rounds;
        Instance.Gadget g = (net, in) -> new int[][] {WeightedSum.toFormat(net, new LinearForm().addWord(in[0], c), frac, out, rounds)};
        return single(e, n, op.operand(), List.of("scale", c, frac, out, rounds), g);
    }

    /** A table per element ({@code Lookup.function}; ABS a table of {@code |x|}), counted in closed form ({@link LookupCount}). */
    static Summary unary(Engine e, Node n, Op.Unary op) {
        FixedFormat fx = e.fmt(op.operand()), out = n.elem().asFixed();
        java.util.function.Supplier<TableStats> stats = op.function().numerics() != null
                ? () -> TableStats.of(op.function().numerics(), fx, out)
                : () -> TableStats.ofAbs(fx, out);
        int[] operands = {op.operand()};
        Flags f = new Flags();
        ClassMap m = new Zip(e.sum(op.operand()).words()).map((cls, mult) -> {
            Instance.Result res = e.closed(List.of("unary", op.function(), fx, out, cls[0].id), () -> lookup(cls[0], stats.get(), fx));
            e.add(res, mult, operands, cls);
            return f.take(res);
        });
        return e.computed(n, m, f.passthrough, f.disjoint, op.operand());
    }

    /** {@code Lookup.build} of one word over the table of its format, in closed form. */
    static Instance.Result lookup(ElemClass x, TableStats t, FixedFormat fx) {
        if (!x.hasConstantBit()) {
            long h = t.identityFrom();
            if (tc0.compiler.gadgets.TailLookup.pays(t.length, h)) return TailCount.count(x, t, h);
        }
        FormSummary form = new FormSummary().addWord(x, 1, 0).done();
        Profile p = new Profile();
        boolean[] through = {false};
        ElemClass out = LookupCount.count(form, t, fx.minCode(), p, through);
        long used = p.gates() > 0 || through[0] ? form.slotMask0 : 0;
        return new Instance.Result(p, new ElemClass[] {out}, new long[] {used}, through[0], true);
    }

    private static Summary single(Engine e, Node n, int operand, Object key, Instance.Gadget g) {
        int[] identity = {0};
        int[] operands = {operand};
        Flags f = new Flags();
        ClassMap m = new Zip(e.sum(operand).words()).map((cls, mult) -> {
            Instance.Result res = e.instance(key, g, cls, identity);
            e.add(res, mult, operands, cls);
            return f.take(res);
        });
        return e.computed(n, m, f.passthrough, f.disjoint, operand);
    }
}
