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
            case DIV -> tc0.compiler.gadgets.Divide.fixed(net, in[0], fx, in[1], fy, out);
        }};
        Summary l = e.sumSplit(op.left()), r = e.sumSplit(op.right());
        int[] identity;
        if (op.left() == op.right()) identity = new int[] {0, 0};
        else if (l.disjoint(r)) identity = new int[] {0, 1};
        else throw new NeedsLiterals("node " + n.id() + ": operands of " + op.arith() + " share literals");
        Object key = List.of("elementwise", op.arith(), fx, fy, out, rounds);
        boolean wide = op.arith() == Op.Arith.MUL && productBeyondBuilder(fx, fy, out); // count-only: the product's sum in closed form
        int[] operands = {op.left(), op.right()};
        Flags f = new Flags();
        java.util.Map<Long, Instance.Result> local = new java.util.HashMap<>(); // many combos where a mask splits the map
        ClassMap m = zip(e, n, l.words(), r.words()).map((all, mult) -> {
            ElemClass[] cls = {all[0], all[1]};
            if (dead(all, 2)) return deadClass(n);
            Instance.Result res = local.computeIfAbsent((long) cls[0].id << 32 | cls[1].id, x -> {
                if (wide) {
                    try {
                        return e.closedLifted(List.of(key, identity[1]), cls, in -> wideProduct(in, identity, fx, fy, out, rounds));
                    } catch (SumForm.Unmodelled u) {
                        // not modelled on column shapes: the gadget on a Tape (which holds it where its numbers fit a long)
                    }
                }
                return e.instance(key, g, cls, identity);
            });
            e.add(res, mult, operands, cls);
            return f.take(res);
        });
        return e.computed(n, m, f.passthrough, f.disjoint, op.left(), op.right());
    }

    /**
     * Whether {@code Multiply.fixed} into {@code out} may hold a weight or a weights' sum past the builder's longs (its
     * largest weight {@code 2^(wx + wy - 2)}, the sum of all about 4 times that) or a sum past 61 bits. The closed
     * count is exact either way, so erring wide costs nothing but the Tape's generality.
     */
    static boolean productBeyondBuilder(FixedFormat fx, FixedFormat fy, FixedFormat out) {
        int shift = fx.fracBits() + fy.fracBits() - out.fracBits();
        return fx.width() + fy.width() - 2 + Math.max(0, -shift) > 59 || Math.max(0, shift) + out.width() > 61;
    }

    /** {@code Multiply.fixed} of one pair on a Tape, its ANDs made there and its sum counted in closed form ({@link WideTapeSum}). */
    private static Instance.Result wideProduct(ElemClass[] in, int[] identity, FixedFormat fx, FixedFormat fy, FixedFormat out, int rounds) {
        Profile side = new Profile();
        Instance.Result r = Instance.run((net, xs) -> new int[][] {new WideTapeSum().addProduct((Tape) net, xs[0], xs[1])
                .toFormat((Tape) net, fx.fracBits() + fy.fracBits(), out, rounds, side)}, in, identity);
        r.profile().add(side, 1);
        return r;
    }

    /**
     * {@code Multiply.dot} of the pairs {@code (in[t], in[d + t])} on a Tape, its ANDs made there and its sum counted
     * in closed form or over exact integers ({@link WideTapeSum}).
     */
    static Instance.Result wideDot(ElemClass[] in, FixedFormat fx, FixedFormat fy, FixedFormat out, int rounds) {
        Profile side = new Profile();
        int d = in.length / 2;
        Instance.Result r = Instance.run((net, xs) -> {
            WideTapeSum f = new WideTapeSum();
            for (int t = 0; t < d; t++) f.addProduct((Tape) net, xs[t], xs[d + t]);
            return new int[][] {f.toFormat((Tape) net, fx.fracBits() + fy.fracBits(), out, rounds, side)};
        }, in, Instance.distinct(in.length));
        r.profile().add(side, 1);
        return r;
    }

    /**
     * {@code Multiply.folding} (the lowering's product of two matrices' entries: a constant factor folds into the
     * weights) of one pair where its sum may pass the builder's longs: the sums on a Tape, counted in closed form or
     * over exact integers ({@link WideTapeSum}); the cases with no sum (constants, zero, a power of two wired) as
     * {@code Multiply.folding} makes them.
     */
    static Instance.Result wideFolding(ElemClass[] in, FixedFormat fx, FixedFormat fy, FixedFormat out, int rounds) {
        Profile side = new Profile();
        Instance.Result r = Instance.run((net, w) -> new int[][] {folding((Tape) net, w[0], fx, w[1], fy, out, rounds, side)}, in, new int[] {0, 1});
        r.profile().add(side, 1);
        return r;
    }

    private static int[] folding(Tape net, int[] x, FixedFormat fx, int[] y, FixedFormat fy, FixedFormat out, int rounds, Profile side) {
        Long cx = code(x), cy = code(y);
        if (cx != null && cy == null) return folding(net, y, fy, x, fx, out, rounds, side);
        WideTapeSum f = new WideTapeSum();
        if (cy == null) return f.addProduct(net, x, y).toFormat(net, fx.fracBits() + fy.fracBits(), out, rounds, side);
        long c = cy;
        int t = Long.numberOfTrailingZeros(c) + out.fracBits() - fx.fracBits() - fy.fracBits();
        boolean wired = c > 0 && Long.bitCount(c) == 1 && t >= 0 && x.length + t <= out.width(); // as Multiply.folding decides
        if (cx != null || c == 0 || wired) return Multiply.folding(net, x, fx, y, fy, out, rounds); // no sum
        f.addWord(x, java.math.BigInteger.valueOf(c));
        return f.toFormat(net, fx.fracBits() + fy.fracBits(), out, rounds, side);
    }

    /** The two's complement code of a word whose every literal is a constant, else null. */
    private static Long code(int[] w) {
        long c = 0;
        for (int k = 0; k < w.length; k++) {
            if (!tc0.circuits.Literal.isConstant(w[k])) return null;
            if (w[k] == tc0.circuits.Literal.TRUE) c |= 1L << k;
        }
        return w.length < 64 ? (c << (64 - w.length)) >> (64 - w.length) : c;
    }

    /** {@code where}: a multiplexer per element ({@code Select.mux}), one instance per tuple of the three operands' classes. */
    static Summary select(Engine e, Node n, Op.Select op) {
        Summary c = e.sumSplit(op.cond()), a = e.sumSplit(op.a()), b = e.sumSplit(op.b());
        if (!c.disjoint(a) || !c.disjoint(b) || op.a() != op.b() && !a.disjoint(b)) {
            throw new NeedsLiterals("node " + n.id() + ": operands of where share literals");
        }
        int[] identity = op.a() == op.b() ? new int[] {0, 1, 1} : new int[] {0, 1, 2};
        Instance.Gadget g = (net, in) -> new int[][] {tc0.compiler.gadgets.Select.mux(net, in[0][0], in[1], in[2])};
        int[] operands = {op.cond(), op.a(), op.b()};
        Flags f = new Flags();
        boolean bit = n.elem() instanceof tc0.compiler.ir.Elem.Bit; // of two bit tensors: the words' low bit (the mux of the 0 above it is 0)
        ClassMap m = new Zip(c.words(), a.words(), b.words()).map((cls, mult) -> {
            Instance.Result res = e.instance(List.of("where"), g, cls, identity);
            e.add(res, mult, operands, cls);
            ElemClass out = f.take(res);
            return bit ? Summary.asBit(out) : out;
        });
        return e.computed(n, m, f.passthrough, f.disjoint, op.cond(), op.a(), op.b());
    }

    static Summary scale(Engine e, Node n, Op.ScaleByConstant op) {
        FixedFormat fx = e.fmt(op.operand()), out = n.elem().asFixed();
        int frac = fx.fracBits() + op.coefficientFormat().fracBits();
        long c = op.coefficient();
        int rounds = e.rounds;
        Instance.Gadget g = (net, in) -> new int[][] {WeightedSum.toFormat(net, new LinearForm().addWord(in[0], c), frac, out, rounds)};
        Object key = List.of("scale", c, frac, out, rounds);
        if (!ScaleCount.beyondBuilder(fx.width(), c, frac, out)) return single(e, n, op.operand(), key, g);
        // Past the builder's 61-bit sums (count-only): the same construction counted in closed form, marked wide.
        return single(e, n, op.operand(), cls -> e.closedLifted(key, cls, in -> closedScale(n, in[0], c, frac, out, rounds)));
    }

    private static Instance.Result closedScale(Node n, ElemClass x, long c, int frac, FixedFormat out, int rounds) {
        try {
            return ScaleCount.closed(x, c, frac, out, rounds);
        } catch (SumForm.Unmodelled | ArithmeticException u) {
            // A slot twice in the word, or its one literal's weight past a long: the sum made gate by gate over exact integers.
            return ScaleCount.onTape(x, c, frac, out, rounds);
        }
    }

    /** A table per element ({@code Lookup.function}; ABS a table of {@code |x|}), counted in closed form ({@link LookupCount}). */
    static Summary unary(Engine e, Node n, Op.Unary op) {
        FixedFormat fx = e.fmt(op.operand()), out = n.elem().asFixed();
        java.util.function.Supplier<TableStats> stats = op.function().numerics() != null
                ? () -> TableStats.of(op.function().numerics(), fx, out)
                : () -> TableStats.ofAbs(fx, out);
        int[] operands = {op.operand()};
        Flags f = new Flags();
        ClassMap m = zip(e, n, e.sumSplit(op.operand()).words()).map((all, mult) -> {
            ElemClass[] cls = {all[0]};
            if (dead(all, 1)) return deadClass(n);
            Instance.Result res = e.closed(List.of("unary", op.function(), fx, out, cls[0].id),
                    () -> cls[0].isConstant() ? constant(op.function(), cls[0].code(), fx, out) : lookup(cls[0], stats.get(), fx));
            e.add(res, mult, operands, cls);
            return f.take(res);
        });
        return e.computed(n, m, f.passthrough, f.disjoint, op.operand());
    }

    /**
     * A constant's entry (as {@code Lookup.build} folds it: no gate, nothing read), evaluated alone: a weight's
     * {@code exp} on a word of 2^34 codes needs one value, not the table's changes.
     */
    private static Instance.Result constant(tc0.compiler.ir.Op.Function f, long code, FixedFormat fx, FixedFormat out) {
        long v = f.numerics() != null ? f.numerics().apply(code, fx, out) : TableStats.absCode(code, fx, out);
        return new Instance.Result(new Profile(), new ElemClass[] {ElemClass.constant(v, out.width())}, new long[] {0}, false, true);
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

    /** The operands' maps zipped, and the dead-entry mask's after them where node n has one ({@link DeadEntries}). */
    private static Zip zip(Engine e, Node n, ClassMap... maps) {
        ClassMap mask = e.deadMask(n.id());
        if (mask == null) return new Zip(maps);
        ClassMap[] all = java.util.Arrays.copyOf(maps, maps.length + 1);
        all[maps.length] = mask;
        return new Zip(all);
    }

    /** Whether the mask class after {@code operands} classes is there and 0: the entry is dead, no gate. */
    private static boolean dead(ElemClass[] all, int operands) {
        return all.length > operands && all[operands].code() == 0;
    }

    private static ElemClass deadClass(Node n) {
        return ElemClass.constant(0, tc0.compiler.lower.Lowered.width(n));
    }

    private static Summary single(Engine e, Node n, int operand, Object key, Instance.Gadget g) {
        int[] identity = {0};
        return single(e, n, operand, cls -> e.instance(key, g, cls, identity));
    }

    /** One instance per class of the operand, its result from {@code count} (memoised by class here). */
    private static Summary single(Engine e, Node n, int operand, java.util.function.Function<ElemClass[], Instance.Result> count) {
        int[] operands = {operand};
        Flags f = new Flags();
        java.util.Map<Integer, Instance.Result> local = new java.util.HashMap<>();
        ClassMap m = zip(e, n, e.sumSplit(operand).words()).map((all, mult) -> {
            ElemClass[] cls = {all[0]};
            if (dead(all, 1)) return deadClass(n);
            Instance.Result res = local.computeIfAbsent(cls[0].id, x -> count.apply(cls));
            e.add(res, mult, operands, cls);
            return f.take(res);
        });
        return e.computed(n, m, f.passthrough, f.disjoint, operand);
    }
}
