package tc0.proofs.smt;

import static tc0.proofs.smt.Gadgets.x;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import java.util.ArrayList;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.MaskedSoftmax;
import tc0.compiler.gadgets.MaxArgmax;
import tc0.compiler.gadgets.Softmax;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Rounding;
import tc0.compiler.numerics.Table;
import tc0.compiler.numerics.UnaryFunction;
import tc0.proofs.smt.GadgetCase.Tier;

/**
 * Softmax (NUMERICS.md): {@code mx = max x}, {@code e_i = EXP(x_i - mx)} from the correctly rounded table into
 * fe, {@code s = sum e_j} exact, {@code p_i = divRound(e_i 2^Fo, s)} saturated. Each of the gadget's steps is
 * proved alone (a step's precondition is what the step before it guarantees), and the whole at the widths the
 * solver allows; the masked softmax with a variable mask as a whole.
 */
final class SoftmaxCases {
    private SoftmaxCases() {}

    /** Step 1, the row maximum, at the softmax's widths. */
    static GadgetCase max(int m, FixedFormat fx) {
        int b = fx.width();
        return new GadgetCase("Softmax step 1: max", m + " x " + b + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(m, b), (net, x) -> new int[][] {MaxArgmax.max(net, x)}),
                b + 2, (w, in) -> {
                    BitVecExpr best = x(w, in, 0);
                    for (int i = 1; i < m; i++) best = w.max(best, x(w, in, i));
                    return List.of(w.low(best, b));
                },
                v -> new long[] {Fixed.max(Arrays.copyOf(v, m))});
    }

    /**
     * Steps 2 and 3, the difference {@code x - mx} (never built as a word: comparators over the bits of x and
     * mx) and the EXP table, for one entry x given {@code mx >= x} (what step 1 guarantees).
     */
    static GadgetCase exp(FixedFormat fx, FixedFormat fe) {
        FixedFormat fd = Fixed.softmaxDiffFormat(fx);
        long[] table = Table.of(UnaryFunction.EXP, fd, fe).entries();
        return new GadgetCase("Softmax step 2-3: subtract and exp table (mx >= x)", "2 x " + fx.width() + " -> " + fe.width() + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {fx.width(), fx.width()}, (net, x) -> Softmax.exps(net, new int[][] {x[0]}, x[1], fx, fe)),
                fx.width() + 3, (w, in) -> {
                    w.assume(w.ge(x(w, in, 1), x(w, in, 0)));
                    return List.of(w.lookup(w.sub(x(w, in, 0), x(w, in, 1)), fd.minCode(), table, fe.width()));
                },
                v -> new long[] {UnaryFunction.EXP.apply(v[0] - v[1], fd, fe)});
    }

    /**
     * Steps 4 and 5, the sum and the division (one step in the gadget: the sum is never built as a word),
     * for m nonnegative codes of fe with a positive sum (what steps 2-3 guarantee: {@code EXP(0) > 0}). The
     * specification is linear ({@link Linear#divRoundClamped}: products by constants only), so the step is
     * proved in linear integer arithmetic ({@link IntegerProver}): each comparator gate is the count's
     * inequality up to collecting terms.
     */
    static GadgetCase normalise(int m, FixedFormat fe, FixedFormat out) {
        int[] outWidths = GadgetCircuits.widths(m, out.width());
        return GadgetCase.linear("Softmax step 4-5: sum and division (e >= 0, sum > 0)", m + " x " + fe.width() + " -> " + out.width() + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(m, fe.width()), (net, x) -> Softmax.normalise(net, x, out)),
                3 * fe.width() + out.fracBits() + 8, outWidths, new Normalised(m, out),
                v -> {
                    long s = 0;
                    for (long e : v) s += e;
                    long[] p = new long[m];
                    for (int i = 0; i < m; i++) p[i] = out.saturate(Rounding.divRound(BigInteger.valueOf(v[i]).shiftLeft(out.fracBits()), BigInteger.valueOf(s)));
                    return p;
                });
    }

    /** {@code p_i = divRound(e_i 2^Fo, sum_j e_j)} saturated into out, given {@code e_j >= 0} and a positive sum. */
    private record Normalised(int m, FixedFormat out) implements LinearSpec {
        @Override
        public <E extends Expr<?>> List<E> outputs(Linear<E> a, Map<String, E> in) {
            E s = a.num(0);
            for (int i = 0; i < m; i++) {
                a.assume(a.ge(in.get("x" + i), a.num(0)));
                s = a.add(s, in.get("x" + i));
            }
            a.assume(a.gt(s, a.num(0)));
            List<E> p = new ArrayList<>();
            for (int i = 0; i < m; i++) p.add(a.divRoundClamped(a.shl(in.get("x" + i), out.fracBits()), s, out.minCode(), out.maxCode()));
            return p;
        }
    }

    /**
     * The whole softmax of m words proved compositionally ({@link CompositionProver}): step 1 ({@link #max}),
     * steps 2-3 ({@link #exp}) once per entry against the maximum, steps 4-5 ({@link #normalise}) on the m
     * exps; then that {@code Softmax.build} is those steps wired, that each step's precondition holds on what
     * the step before it specifies, and that the wired specifications are {@link Gadgets#softmax}'s.
     */
    static GadgetCase whole(int m, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        List<Composition.Step> steps = new ArrayList<>();
        List<Composition.Wire> xs = new ArrayList<>(), es = new ArrayList<>(), ps = new ArrayList<>();
        for (int i = 0; i < m; i++) xs.add(Composition.Wire.input(i));
        steps.add(new Composition.Step(max(m, fx), xs));
        for (int i = 0; i < m; i++) {
            steps.add(new Composition.Step(exp(fx, fe), List.of(Composition.Wire.input(i), Composition.Wire.output(0, 0))));
            es.add(Composition.Wire.output(1 + i, 0));
        }
        steps.add(new Composition.Step(normalise(m, fe, out), es));
        for (int i = 0; i < m; i++) ps.add(Composition.Wire.output(m + 1, i));
        return Gadgets.softmax(m, fx, fe, out).composedOf("Softmax (whole, compositional: steps 1, 2-3, 4-5)", new Composition(steps, ps));
    }

    /**
     * The masked softmax with a variable mask (input x0, bit i keeps entry i): softmax over the kept entries,
     * 0 at the others, all 0 when none is kept.
     */
    static GadgetCase masked(int m, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        FixedFormat fd = Fixed.softmaxDiffFormat(fx);
        long[] table = Table.of(UnaryFunction.EXP, fd, fe).entries();
        int[] widths = new int[m + 1];
        Arrays.fill(widths, fx.width());
        widths[0] = m;
        return new GadgetCase("MaskedSoftmax (variable mask)", "mask " + m + " bits + " + m + " x " + fx.width() + " -> " + out.width() + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(widths, (net, x) -> MaskedSoftmax.build(net, Arrays.copyOfRange(x, 1, m + 1), x[0], fx, fe, out)),
                3 * fe.width() + out.fracBits() + 8, (w, in) -> {
                    BoolExpr[] kept = new BoolExpr[m];
                    BitVecExpr mx = w.num(fx.minCode()); // no entry lies below it: the maximum over the kept ones
                    for (int i = 0; i < m; i++) {
                        kept[i] = w.eq(w.ctx().mkExtract(i, i, in.get("x0")), Gadgets.bit(w, true));
                        mx = w.max(mx, w.ite(kept[i], x(w, in, i + 1), w.num(fx.minCode())));
                    }
                    BitVecExpr[] e = new BitVecExpr[m];
                    BitVecExpr s = w.num(0);
                    for (int i = 0; i < m; i++) {
                        e[i] = w.ite(kept[i], w.signed(w.lookup(w.sub(x(w, in, i + 1), mx), fd.minCode(), table, fe.width())), w.num(0));
                        s = w.add(s, e[i]);
                    }
                    List<BitVecExpr> p = new ArrayList<>();
                    for (int i = 0; i < m; i++) {
                        BitVecExpr q = w.divRoundSaturated(w.shl(e[i], out.fracBits()), s, out);
                        p.add(w.ite(kept[i], q, w.low(w.num(0), out.width())));
                    }
                    return p;
                },
                v -> {
                    boolean[] keep = new boolean[m];
                    for (int i = 0; i < m; i++) keep[i] = (v[0] >>> i & 1) != 0;
                    return Fixed.maskedSoftmax(Arrays.copyOfRange(v, 1, m + 1), keep, fx, fe, out);
                });
    }

    /**
     * The masked softmax with a constant mask (a causal mask's line): softmax over the kept entries, the others
     * the constant 0 (the gadget builds {@link Softmax} on the kept entries alone).
     */
    static GadgetCase constantMask(boolean[] keep, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        int m = keep.length;
        FixedFormat fd = Fixed.softmaxDiffFormat(fx);
        long[] table = Table.of(UnaryFunction.EXP, fd, fe).entries();
        StringBuilder mask = new StringBuilder();
        for (boolean k : keep) mask.append(k ? '1' : '0');
        return new GadgetCase("MaskedSoftmax (constant mask " + mask + ")", m + " x " + fx.width() + " -> " + out.width() + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(m, fx.width()), (net, x) -> {
                    int[] lits = new int[m];
                    for (int i = 0; i < m; i++) lits[i] = keep[i] ? Literal.TRUE : Literal.FALSE;
                    return MaskedSoftmax.build(net, x, lits, fx, fe, out);
                }),
                3 * fe.width() + out.fracBits() + 8, (w, in) -> {
                    BitVecExpr mx = w.num(fx.minCode());
                    for (int i = 0; i < m; i++) if (keep[i]) mx = w.max(mx, x(w, in, i));
                    BitVecExpr[] e = new BitVecExpr[m];
                    BitVecExpr s = w.num(0);
                    for (int i = 0; i < m; i++) {
                        e[i] = keep[i] ? w.signed(w.lookup(w.sub(x(w, in, i), mx), fd.minCode(), table, fe.width())) : w.num(0);
                        s = w.add(s, e[i]);
                    }
                    List<BitVecExpr> p = new ArrayList<>();
                    for (int i = 0; i < m; i++) p.add(keep[i] ? w.divRoundSaturated(w.shl(e[i], out.fracBits()), s, out) : w.low(w.num(0), out.width()));
                    return p;
                },
                v -> Fixed.maskedSoftmax(v, keep, fx, fe, out));
    }
}
