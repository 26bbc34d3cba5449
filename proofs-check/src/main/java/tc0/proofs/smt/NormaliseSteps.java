package tc0.proofs.smt;

import static tc0.proofs.smt.Gadgets.x;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.Context;
import java.util.ArrayList;
import java.util.List;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.Lookup;
import tc0.compiler.numerics.FixedFormat;
import tc0.proofs.smt.GadgetCase.Tier;

/**
 * Softmax's steps 4-5 ({@code Softmax.normalise}) split where the solver could not take them whole (3 x 6 bits):
 * per entry i, the comparators {@code g_t = [e_i 2^(Fo+1) - (2t-1) sum_j e_j >= 0]} for {@code t = 1 .. top}
 * (one gate each), then the bits of their count ({@code Lookup.stepBits} over the ramp 0, 1, ..., top), which
 * equals the count for a thermometer word ({@code g_t} implies {@code g_(t-1)}: the precondition, met since
 * the sum is positive). The composition's last obligation is the arithmetic: that count is
 * {@code divRound(e_i 2^Fo, sum)} saturated, as {@link SoftmaxCases#normalise} specifies it.
 */
final class NormaliseSteps {
    private NormaliseSteps() {}

    /** Steps 4-5 of m words of fe into out, proved by the composition of {@link #comparators} and {@link #count}. */
    static GadgetCase normalise(int m, FixedFormat fe, FixedFormat out) {
        int top = top(out);
        List<Composition.Step> steps = new ArrayList<>();
        List<Composition.Wire> es = new ArrayList<>(), ps = new ArrayList<>();
        for (int j = 0; j < m; j++) es.add(Composition.Wire.input(j));
        for (int i = 0; i < m; i++) steps.add(new Composition.Step(comparators(m, i, fe, out), es));
        for (int i = 0; i < m; i++) {
            steps.add(new Composition.Step(count(top, out), List.of(Composition.Wire.output(i, 0))));
            ps.add(Composition.Wire.output(m + i, 0));
        }
        return SoftmaxCases.normalise(m, fe, out).composedOf("Softmax step 4-5 (compositional: comparators, then their count)", new Composition(steps, ps));
    }

    /** {@code min(maxCode, 2^Fo)}: the largest output code a quotient at most 1 reaches (as the gadget takes it). */
    static int top(FixedFormat out) {
        return (int) Math.min(out.maxCode(), 1L << out.fracBits());
    }

    /** Entry i's comparators as one word, bit t - 1 for {@code t = 1 .. top}: built as the gadget builds them. */
    static GadgetCase comparators(int m, int i, FixedFormat fe, FixedFormat out) {
        int top = top(out);
        return new GadgetCase("Softmax step 4-5a: comparators of entry " + i, m + " x " + fe.width() + " -> " + top + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(m, fe.width()), (net, e) -> {
                    int[] g = new int[top];
                    LinearForm f = new LinearForm();
                    for (int t = 1; t <= top; t++) {
                        f.clear().addWord(e[i], 1L << (out.fracBits() + 1));
                        for (int j = 0; j < m; j++) f.addWord(e[j], -(2L * t - 1));
                        g[t - 1] = f.atLeast(net, 0);
                    }
                    return new int[][] {g};
                }),
                3 * fe.width() + out.fracBits() + 8, (w, in) -> {
                    BitVecExpr s = w.num(0);
                    for (int j = 0; j < m; j++) s = w.add(s, x(w, in, j));
                    BitVecExpr g = null;
                    for (int t = 1; t <= top; t++) {
                        BitVecExpr lhs = w.sub(w.shl(x(w, in, i), out.fracBits() + 1), w.mul(2L * t - 1, s));
                        BitVecExpr bit = w.ite(w.ge(lhs, w.num(0)), Gadgets.bit(w, true), Gadgets.bit(w, false));
                        g = g == null ? bit : w.ctx().mkConcat(bit, g);
                    }
                    return List.of(g);
                },
                v -> {
                    long s = 0;
                    for (long e : v) s += e;
                    long g = 0;
                    for (int t = 1; t <= top; t++) if ((v[i] << (out.fracBits() + 1)) - (2L * t - 1) * s >= 0) g |= 1L << (t - 1);
                    return new long[] {g};
                });
    }

    /** The bits of the number of ones of a thermometer word of {@code top} bits (bit t set implies bit t - 1 set). */
    static GadgetCase count(int top, FixedFormat out) {
        long[] ramp = new long[top + 1];
        for (int t = 0; t <= top; t++) ramp[t] = t;
        return new GadgetCase("Softmax step 4-5b: count of a thermometer word", top + " -> " + out.width() + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {top}, (net, g) -> {
                    int[] ge = new int[top + 1];
                    ge[0] = Literal.FALSE; // never read: the ramp changes at t = 1 .. top
                    System.arraycopy(g[0], 0, ge, 1, top);
                    return new int[][] {Lookup.stepBits(net, ge, ramp, out.width())};
                }),
                out.width() + 2, (w, in) -> {
                    Context ctx = w.ctx();
                    BitVecExpr g = in.get("x0"), c = w.num(0);
                    for (int t = 0; t < top; t++) {
                        BitVecExpr bit = ctx.mkExtract(t, t, g);
                        c = w.add(c, w.unsigned(bit));
                        if (t > 0) w.assume(ctx.mkImplies(w.eq(bit, Gadgets.bit(w, true)), w.eq(ctx.mkExtract(t - 1, t - 1, g), Gadgets.bit(w, true))));
                    }
                    return List.of(w.low(c, out.width()));
                },
                v -> new long[] {Long.bitCount(v[0] & ((1L << top) - 1))});
    }
}
