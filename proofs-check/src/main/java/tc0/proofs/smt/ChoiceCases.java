package tc0.proofs.smt;

import static tc0.proofs.smt.Gadgets.bit;
import static tc0.proofs.smt.Gadgets.x;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import java.util.Arrays;
import java.util.List;
import tc0.compiler.gadgets.Compare;
import tc0.compiler.gadgets.MaxArgmax;
import tc0.compiler.gadgets.Select;
import tc0.compiler.numerics.Fixed;
import tc0.proofs.smt.GadgetCase.Tier;

/** The selections and the comparisons not in {@link Gadgets}: one-hot select, one-hot argmax, {@code >}, {@code = a}. */
final class ChoiceCases {
    private ChoiceCases() {}

    static GadgetCase gt() {
        return new GadgetCase("Compare.gt", "2 x 8 bits", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {8, 8}, (net, x) -> new int[][] {{Compare.gt(net, x[0], x[1])}}),
                10, (w, in) -> List.of(w.ite(w.gt(x(w, in, 0), x(w, in, 1)), bit(w, true), bit(w, false))),
                v -> new long[] {v[0] > v[1] ? 1 : 0});
    }

    static GadgetCase eqConst(long a) {
        return new GadgetCase("Compare.eqConst", "8 bits, a = " + a, Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {8}, (net, x) -> new int[][] {{Compare.eqConst(net, x[0], a)}}),
                10, (w, in) -> List.of(w.ite(w.eq(x(w, in, 0), w.num(a)), bit(w, true), bit(w, false))),
                v -> new long[] {v[0] == a ? 1 : 0});
    }

    /**
     * The word whose select bit (input x0, bit i for word i + 1) is 1, or 0 when none is, for select words
     * with at most one bit set (the gadget's stated precondition: {@code sel & (sel - 1) = 0}).
     */
    static GadgetCase oneHot(int m, int b) {
        int[] widths = new int[m + 1];
        Arrays.fill(widths, b);
        widths[0] = m;
        return new GadgetCase("Select.oneHot (at most one select bit)", m + " select bits + " + m + " x " + b + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(widths, (net, x) -> new int[][] {Select.oneHot(net, x[0], Arrays.copyOfRange(x, 1, m + 1))}),
                b + 2, (w, in) -> {
                    var ctx = w.ctx();
                    BitVecExpr sel = in.get("x0");
                    w.assume(ctx.mkEq(ctx.mkBVAND(sel, ctx.mkBVSub(sel, ctx.mkBV(1, m))), ctx.mkBV(0, m)));
                    BitVecExpr r = ctx.mkBV(0, b);
                    for (int i = 0; i < m; i++) r = w.ite(w.eq(ctx.mkExtract(i, i, sel), bit(w, true)), in.get("x" + (i + 1)), r);
                    return List.of(r);
                },
                v -> {
                    int i = Long.numberOfTrailingZeros(v[0] & ((1L << m) - 1));
                    return new long[] {i < m ? v[i + 1] : 0};
                });
    }

    /** Bit i is 1 iff word i is the first maximum: the argmax index (first strict improvement wins) as one-hot. */
    static GadgetCase argmaxOneHot(int m, int b) {
        return new GadgetCase("MaxArgmax.argmaxOneHot", m + " x " + b + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(m, b), (net, x) -> new int[][] {MaxArgmax.argmaxOneHot(net, x)}),
                b + 2, (w, in) -> {
                    BitVecExpr best = x(w, in, 0), idx = w.num(0);
                    for (int i = 1; i < m; i++) {
                        BoolExpr better = w.gt(x(w, in, i), best);
                        best = w.ite(better, x(w, in, i), best);
                        idx = w.ite(better, w.num(i), idx);
                    }
                    BitVecExpr hot = null;
                    for (int i = 0; i < m; i++) {
                        BitVecExpr bi = w.ite(w.eq(idx, w.num(i)), bit(w, true), bit(w, false));
                        hot = hot == null ? bi : w.ctx().mkConcat(bi, hot);
                    }
                    return List.of(hot);
                },
                v -> new long[] {1L << Fixed.argmax(v)});
    }
}
