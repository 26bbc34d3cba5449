package tc0.proofs.smt;

import com.microsoft.z3.BitVecExpr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tc0.compiler.gadgets.Aggregate;
import tc0.compiler.gadgets.Compare;
import tc0.compiler.gadgets.Divide;
import tc0.compiler.gadgets.DivideByConstant;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.Lookup;
import tc0.compiler.gadgets.MaxArgmax;
import tc0.compiler.gadgets.Multiply;
import tc0.compiler.gadgets.Rope;
import tc0.compiler.gadgets.Select;
import tc0.compiler.gadgets.Softmax;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Rounding;
import tc0.compiler.numerics.Table;
import tc0.compiler.numerics.UnaryFunction;
import tc0.proofs.smt.GadgetCase.Tier;

/**
 * The gadgets of {@code tc0.compiler.gadgets}, each at fixed widths with its specification. Every
 * specification is NUMERICS.md's formula written in {@link Words} (exact sums and products, one rounding
 * half up, saturation; quotients and square roots by their defining inequalities); the reference beside it
 * is {@link Fixed}, used only to confirm a counterexample. Widths: 8 bits for sums, comparators, max and
 * lookups, 6 for products and quotients (issue 18's minimum), 8 x 8 for the multiplier in the heavy tier;
 * each case's {@link Tier} says where it runs. The cases of the later gadgets are in {@link SoftmaxCases},
 * {@link ChoiceCases}, {@link ScanCases}, {@link FloatCases},
 * {@link FloatArithmeticCases}, {@link WideCases} and {@link LayerNormCases}; instances tried and left out because the solver did not
 * finish are listed in docs/LEMMAS.md.
 */
public final class Gadgets {
    private Gadgets() {}

    static final FixedFormat F44 = FixedFormat.of(4, 4), F33 = FixedFormat.of(3, 3);

    /** Every case, the heavy ones included, in the order of GADGETS.md. */
    public static List<GadgetCase> all() {
        List<GadgetCase> c = new ArrayList<>();
        c.add(add());
        c.add(linear().as(Tier.LIGHT));
        c.add(sum(3, 1));
        c.add(sum(3, 2));
        c.add(sum(4, 2));
        c.add(geq());
        c.add(eq());
        c.add(geqConst(37));
        c.add(mux());
        c.add(max(4).as(Tier.LIGHT));
        c.add(argmax(4));
        c.add(multiply(F33, F33, FixedFormat.of(4, 3), false));
        c.add(multiplyStaged(F44, F44, FixedFormat.of(6, 4), Tier.LIGHT)); // as one query 44 s (heavy): docs/LEMMAS.md
        c.add(dotStaged(F33, FixedFormat.of(4, 3), Tier.QUICK)); // 2 pairs of 4 bits as one query 7 s, of 6 bits unknown
        for (DivideByConstant.Route r : DivideByConstant.Route.values()) {
            c.add(r == DivideByConstant.Route.MULTIPLY ? divideByConstant(r).as(Tier.HEAVY) : divideByConstant(r));
        }
        c.add(divide(F33, F33, FixedFormat.of(4, 2)).byCasesOn("Divide.fixed, by cases on y", "x1").as(Tier.LIGHT)); // as one query 13-18 s (heavy): docs/LEMMAS.md
        c.add(relu());
        c.add(sqrt());
        c.add(table(UnaryFunction.EXP, F44, F44));
        c.add(softmax(2, FixedFormat.of(3, 2), FixedFormat.of(2, 4), FixedFormat.of(2, 4)).as(Tier.LIGHT));
        c.add(layerNorm(2, FixedFormat.of(2, 2), 1, FixedFormat.of(1, 4), FixedFormat.of(3, 3), FixedFormat.of(3, 3)).as(Tier.HEAVY));
        c.add(rope(1.0, F33, FixedFormat.of(2, 4), F33));
        c.add(rope(1.0, F44, FixedFormat.of(2, 4), F44).as(Tier.LIGHT));
        c.add(aggregate(3));
        c.add(ChoiceCases.gt());
        c.add(ChoiceCases.eqConst(-37));
        c.add(ChoiceCases.oneHot(3, 8));
        c.add(ChoiceCases.argmaxOneHot(4, 8));
        c.add(table(UnaryFunction.GELU, F44, F44));
        c.add(table(UnaryFunction.SILU, F44, F44));
        c.add(table(UnaryFunction.SOFTPLUS, F44, F44));
        c.add(table(UnaryFunction.RECIPROCAL, F44, F44));
        c.add(SoftmaxCases.max(3, F33));
        c.add(SoftmaxCases.exp(F33, FixedFormat.of(2, 4)));
        c.add(SoftmaxCases.normalise(3, FixedFormat.of(2, 2), FixedFormat.of(2, 2)));
        c.add(SoftmaxCases.normalise(3, FixedFormat.of(2, 3), FixedFormat.of(2, 3)));
        c.add(SoftmaxCases.normalise(2, FixedFormat.of(2, 4), FixedFormat.of(2, 4)));
        c.add(SoftmaxCases.constantMask(new boolean[] {true, false, true}, FixedFormat.of(2, 2), FixedFormat.of(2, 3), FixedFormat.of(2, 3)));
        c.add(SoftmaxCases.masked(2, FixedFormat.of(2, 2), FixedFormat.of(2, 4), FixedFormat.of(2, 4)).as(Tier.LIGHT));
        c.add(ScanCases.line(2, FixedFormat.of(2, 2), FixedFormat.of(2, 2), FixedFormat.of(2, 3), F33));
        c.add(ScanCases.line(3, FixedFormat.of(2, 1), FixedFormat.of(2, 1), FixedFormat.of(2, 2), FixedFormat.of(3, 2)));
        c.add(ScanCases.line(3, FixedFormat.of(2, 2), FixedFormat.of(2, 2), FixedFormat.of(2, 3), F33).as(Tier.HEAVY));
        c.add(FloatCases.compare(4, 3));
        c.add(FloatCases.floor(4, 3));
        c.add(FloatCases.floor(6, 4));
        c.add(FloatCases.wideSum(3, 8, 10, 1));
        c.add(FloatArithmeticCases.round(8, 4, 3, -2));
        c.add(FloatArithmeticCases.multiply(4, 3));
        c.add(FloatArithmeticCases.sum(2, 3, 2).as(Tier.LIGHT));
        c.add(WideCases.multiply(6));
        c.add(WideCases.multiply(8).as(Tier.LIGHT));
        c.add(WideCases.divideByCases(4).as(Tier.LIGHT)); // as one query 9-12 s; 5 / 5 by cases 82 s, past the set's budget (CaseSplitProverTest)
        c.add(WideCases.crtRoundTrip(8));
        c.add(rope(1.0, F44, FixedFormat.of(2, 6), F44).as(Tier.HEAVY));
        c.add(SoftmaxCases.normalise(3, FixedFormat.of(2, 4), FixedFormat.of(2, 4)));
        c.add(SoftmaxCases.normalise(4, FixedFormat.of(2, 4), FixedFormat.of(2, 4)));
        c.add(SoftmaxCases.normalise(3, FixedFormat.of(2, 6), FixedFormat.of(2, 6)).as(Tier.HEAVY));
        c.add(SoftmaxCases.whole(3, F33, FixedFormat.of(2, 4), FixedFormat.of(2, 4)).as(Tier.LIGHT));
        LayerNormCases.Params ln34 = new LayerNormCases.Params(3, FixedFormat.of(2, 2), 1, FixedFormat.of(1, 4), F33, F33);
        c.add(LayerNormCases.sum(ln34));
        c.add(LayerNormCases.rhoCut(ln34).as(Tier.LIGHT)); // as one query 27 s (heavy, no longer run): docs/LEMMAS.md
        c.add(SoftmaxCases.max(3, F44));
        c.add(SoftmaxCases.exp(F44, FixedFormat.of(2, 6)).as(Tier.LIGHT));
        LayerNormCases.Params ln38 = new LayerNormCases.Params(3, F44, 1, FixedFormat.of(1, 4), F33, F33);
        c.add(LayerNormCases.sum(ln38).inBits("LayerNorm step 1: row sum (bit-blasted)"));
        c.add(multiplyStaged(F33, F33, FixedFormat.of(4, 3), Tier.QUICK)); // the whole 6 x 6 case above, proved the other way
        c.add(dotStaged(F44, FixedFormat.of(6, 4), Tier.LIGHT));
        c.add(LayerNormCases.normalisedStaged(ln34).as(Tier.LIGHT)); // as one query: unknown (timeout)
        c.add(LayerNormCases.normalisedStaged(new LayerNormCases.Params(3, F33, 1, FixedFormat.of(1, 4), F33, F33)).as(Tier.LIGHT));
        c.add(LayerNormCases.rhoCut(new LayerNormCases.Params(3, F33, 1, FixedFormat.of(1, 4), F33, F33)).as(Tier.HEAVY)); // the row at 6 bits
        c.add(WideCases.divideByCases(6).as(Tier.HEAVY)); // 64 cases, issue 18's 6-bit division in the set
        return c;
    }

    /** The case named {@code name}, if any. */
    public static Optional<GadgetCase> named(String name) {
        return all().stream().filter(g -> g.name().equals(name)).findFirst();
    }

    static BitVecExpr x(Words w, Map<String, BitVecExpr> in, int i) {
        return w.signed(in.get("x" + i));
    }

    static BitVecExpr bit(Words w, boolean b) {
        return w.ctx().mkBV(b ? 1 : 0, 1);
    }

    /** Two's complement add, the final stage alone (k = 0: the threshold carry look-ahead). */
    static GadgetCase add() {
        FixedFormat out = FixedFormat.of(4, 3);
        return new GadgetCase("WeightedSum add, carry look-ahead (k = 0)", "2 x 8 -> 7 bits", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {8, 8}, (net, x) -> new int[][] {
                        WeightedSum.toFormat(net, new LinearForm().addWord(x[0], 1).addWord(x[1], 1), 4, out, 0)}),
                16, (w, in) -> List.of(w.toFormat(w.add(x(w, in, 0), x(w, in, 1)), 4, out)),
                v -> new long[] {Fixed.add(v[0], F44, v[1], F44, out)});
    }

    /** {@code 3 x0 - 5 x1}, by two compression rounds, rounded to two fraction bits. */
    static GadgetCase linear() {
        long[] c = {3, -5};
        FixedFormat out = FixedFormat.of(6, 2);
        FixedFormat[] fs = {F44, F44};
        return new GadgetCase("WeightedSum linear 3 x0 - 5 x1 (k = 2)", "2 x 8 -> 8 bits", Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(2, 8), (net, x) -> {
                    LinearForm f = new LinearForm();
                    for (int i = 0; i < 2; i++) f.addWord(x[i], c[i]);
                    return new int[][] {WeightedSum.toFormat(net, f, 4, out, 2)};
                }),
                20, (w, in) -> {
                    BitVecExpr s = w.num(0);
                    for (int i = 0; i < 2; i++) s = w.add(s, w.mul(c[i], x(w, in, i)));
                    return List.of(w.toFormat(s, 4, out));
                },
                v -> new long[] {Fixed.linear(c, 0, v, fs, out)});
    }

    /** The n-ary sum of m words, by k compression rounds. */
    static GadgetCase sum(int m, int k) {
        FixedFormat out = FixedFormat.of(6, 3);
        return new GadgetCase("WeightedSum n-ary sum (k = " + k + ")", m + " x 8 -> 9 bits", Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(m, 8), (net, x) -> {
                    LinearForm f = new LinearForm();
                    for (int[] xi : x) f.addWord(xi, 1);
                    return new int[][] {WeightedSum.toFormat(net, f, 4, out, k)};
                }),
                24, (w, in) -> {
                    BitVecExpr s = w.num(0);
                    for (int i = 0; i < m; i++) s = w.add(s, x(w, in, i));
                    return List.of(w.toFormat(s, 4, out));
                },
                v -> new long[] {Fixed.sum(v, F44, out)});
    }

    static GadgetCase geq() {
        return new GadgetCase("Compare.geq", "2 x 8 bits", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {8, 8}, (net, x) -> new int[][] {{Compare.geq(net, x[0], x[1])}}),
                10, (w, in) -> List.of(w.ite(w.ge(x(w, in, 0), x(w, in, 1)), bit(w, true), bit(w, false))),
                v -> new long[] {v[0] >= v[1] ? 1 : 0});
    }

    static GadgetCase eq() {
        return new GadgetCase("Compare.eq", "2 x 8 bits", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {8, 8}, (net, x) -> new int[][] {{Compare.eq(net, x[0], x[1])}}),
                10, (w, in) -> List.of(w.ite(w.eq(x(w, in, 0), x(w, in, 1)), bit(w, true), bit(w, false))),
                v -> new long[] {v[0] == v[1] ? 1 : 0});
    }

    static GadgetCase geqConst(long a) {
        return new GadgetCase("Compare.geqConst", "8 bits, a = " + a, Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {8}, (net, x) -> new int[][] {{Compare.geqConst(net, x[0], a)}}),
                10, (w, in) -> List.of(w.ite(w.ge(x(w, in, 0), w.num(a)), bit(w, true), bit(w, false))),
                v -> new long[] {v[0] >= a ? 1 : 0});
    }

    /** {@code s ? a : b}. */
    static GadgetCase mux() {
        return new GadgetCase("Select.mux", "1 + 2 x 8 bits", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {1, 8, 8}, (net, x) -> new int[][] {Select.mux(net, x[0][0], x[1], x[2])}),
                10, (w, in) -> List.of(w.ite(w.eq(in.get("x0"), bit(w, true)), in.get("x1"), in.get("x2"))),
                v -> new long[] {v[0] != 0 ? v[1] : v[2]});
    }

    static GadgetCase max(int m) {
        return new GadgetCase("MaxArgmax.max", m + " x 8 bits", Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(m, 8), (net, x) -> new int[][] {MaxArgmax.max(net, x)}),
                10, (w, in) -> {
                    BitVecExpr best = x(w, in, 0);
                    for (int i = 1; i < m; i++) best = w.max(best, x(w, in, i));
                    return List.of(w.low(best, 8));
                },
                v -> new long[] {Fixed.max(v)});
    }

    /** The first index of the maximum: index i replaces the best only when strictly greater. */
    static GadgetCase argmax(int m) {
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(m - 1));
        return new GadgetCase("MaxArgmax.argmaxIndex", m + " x 8 bits", Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(m, 8), (net, x) -> new int[][] {MaxArgmax.argmaxIndex(net, x)}),
                10, (w, in) -> {
                    BitVecExpr best = x(w, in, 0), idx = w.num(0);
                    for (int i = 1; i < m; i++) {
                        var better = w.gt(x(w, in, i), best);
                        best = w.ite(better, x(w, in, i), best);
                        idx = w.ite(better, w.num(i), idx);
                    }
                    return List.of(w.low(idx, bits));
                },
                v -> new long[] {Fixed.argmax(v)});
    }

    /** The exact product rounded once into {@code out}. */
    static GadgetCase multiply(FixedFormat fx, FixedFormat fy, FixedFormat out, boolean heavy) {
        int frac = fx.fracBits() + fy.fracBits();
        return new GadgetCase("Multiply.fixed", fx.width() + " x " + fy.width() + " -> " + out.width() + " bits", heavy ? Tier.HEAVY : Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {fx.width(), fy.width()}, (net, x) -> new int[][] {
                        Multiply.fixed(net, x[0], fx, x[1], fy, out, WeightedSum.DEFAULT_ROUNDS)}),
                fx.width() + fy.width() + 4, (w, in) -> List.of(w.toFormat(w.mul(x(w, in, 0), x(w, in, 1)), frac, out)),
                v -> new long[] {Fixed.mul(v[0], fx, v[1], fy, out)});
    }

    /** {@code x0 x2 + x1 x3}: both products' partial products in one weighted sum. */
    static GadgetCase dot(FixedFormat f, FixedFormat out, boolean heavy) {
        int b = f.width();
        return new GadgetCase("Multiply.dot", "2 pairs of " + b + " bits -> " + out.width() + " bits", heavy ? Tier.HEAVY : Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(4, b), (net, x) -> new int[][] {
                        Multiply.dot(net, new int[][] {x[0], x[1]}, f, new int[][] {x[2], x[3]}, f, out, WeightedSum.DEFAULT_ROUNDS)}),
                4 * b + 4, (w, in) -> List.of(w.toFormat(w.add(w.mul(x(w, in, 0), x(w, in, 2)), w.mul(x(w, in, 1), x(w, in, 3))), 2 * f.fracBits(), out)),
                v -> new long[] {Fixed.dot(new long[] {v[0], v[1]}, f, new long[] {v[2], v[3]}, f, out)});
    }

    /**
     * {@code x0 x2 + x1 x3} proved stage by stage ({@link SumStageProver}): the ANDs against the products, each
     * compression group, the final stage against the rounding of a free exact value.
     */
    static GadgetCase dotStaged(FixedFormat f, FixedFormat out, Tier tier) {
        int b = f.width(), frac = 2 * f.fracBits();
        if (frac < out.fracBits()) throw new IllegalArgumentException("the output's fraction " + out.fracBits() + " exceeds the product's " + frac);
        SumStages st = new SumStages(
                (ctx, in) -> List.of(ctx.mkAdd(ctx.mkMul(in.get("x0"), in.get("x2")), ctx.mkMul(in.get("x1"), in.get("x3")))),
                (w, p) -> w.toFormat(p, frac, out), frac - out.fracBits() + out.width());
        return GadgetCase.staged("Multiply.dot (stage by stage)", "2 pairs of " + b + " bits -> " + out.width() + " bits", tier,
                () -> GadgetCircuits.of(GadgetCircuits.widths(4, b), (net, x) -> new int[][] {
                        Multiply.dot(net, new int[][] {x[0], x[1]}, f, new int[][] {x[2], x[3]}, f, out, WeightedSum.DEFAULT_ROUNDS)}),
                4 * b + 4, st, v -> new long[] {Fixed.dot(new long[] {v[0], v[1]}, f, new long[] {v[2], v[3]}, f, out)});
    }

    /** {@code x0 x1} proved stage by stage, as {@link #dotStaged}. */
    static GadgetCase multiplyStaged(FixedFormat fx, FixedFormat fy, FixedFormat out, Tier tier) {
        int frac = fx.fracBits() + fy.fracBits();
        SumStages st = new SumStages((ctx, in) -> List.of(ctx.mkMul(in.get("x0"), in.get("x1"))),
                (w, p) -> w.toFormat(p, frac, out), frac - out.fracBits() + out.width());
        return GadgetCase.staged("Multiply.fixed (stage by stage)", fx.width() + " x " + fy.width() + " -> " + out.width() + " bits", tier,
                () -> GadgetCircuits.of(new int[] {fx.width(), fy.width()}, (net, x) -> new int[][] {
                        Multiply.fixed(net, x[0], fx, x[1], fy, out, WeightedSum.DEFAULT_ROUNDS)}),
                fx.width() + fy.width() + 4, st, v -> new long[] {Fixed.mul(v[0], fx, v[1], fy, out)});
    }

    /** {@code (x0 + x1) / 3}: {@code divRound(V 2^0, 3)} saturated, by one route. */
    static GadgetCase divideByConstant(DivideByConstant.Route route) {
        long d = 3;
        return new GadgetCase("DivideByConstant " + route, "2 x 8 bits / 3 -> 8 bits", Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(2, 8), (net, x) -> {
                    LinearForm f = new LinearForm();
                    for (int[] xi : x) f.addWord(xi, 1);
                    return new int[][] {DivideByConstant.build(net, f, 0, d, F44, WeightedSum.DEFAULT_ROUNDS, route)};
                }),
                32, (w, in) -> List.of(w.saturate(w.divRound(w.add(x(w, in, 0), x(w, in, 1)), 10, w.num(d), 3), F44)),
                v -> new long[] {F44.saturate(Rounding.divRound(BigInteger.valueOf(v[0] + v[1]), BigInteger.valueOf(d)))});
    }

    /**
     * {@code x / y}: {@code divRound(x 2^(Fy+Fo), y 2^Fx)} (signs moved onto the numerator), saturated;
     * {@code y = 0} gives the largest code for {@code x >= 0}, the smallest for {@code x < 0}.
     */
    static GadgetCase divide(FixedFormat fx, FixedFormat fy, FixedFormat out) {
        return new GadgetCase("Divide.fixed", fx.width() + " / " + fy.width() + " -> " + out.width() + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {fx.width(), fy.width()}, (net, x) -> new int[][] {Divide.fixed(net, x[0], fx, x[1], fy, out)}),
                40, (w, in) -> {
                    BitVecExpr xv = x(w, in, 0), yv = x(w, in, 1);
                    BitVecExpr num = w.shl(xv, fy.fracBits() + out.fracBits()), den = w.shl(yv, fx.fracBits());
                    var negative = w.gt(w.num(0), den);
                    int nBits = fx.width() + fy.fracBits() + out.fracBits() + 1, dBits = fy.width() + fx.fracBits() + 1;
                    BitVecExpr q = w.divRound(w.ite(negative, w.neg(num), num), nBits, w.ite(negative, w.neg(den), den), dBits);
                    BitVecExpr byZero = w.ite(w.ge(xv, w.num(0)), w.num(out.maxCode()), w.num(out.minCode()));
                    return List.of(w.saturate(w.ite(w.eq(yv, w.num(0)), byZero, q), out));
                },
                v -> new long[] {Fixed.div(v[0], fx, v[1], fy, out)});
    }

    /** RELU (an identity tail: TailLookup): {@code max(x, 0)}, exact at equal formats. */
    static GadgetCase relu() {
        return new GadgetCase("Lookup RELU (tail)", "8 -> 8 bits", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {8}, (net, x) -> new int[][] {Lookup.function(net, x[0], UnaryFunction.RELU, F44, F44)}),
                12, (w, in) -> List.of(w.toFormat(w.max(x(w, in, 0), w.num(0)), 4, F44)),
                v -> new long[] {Fixed.apply(UnaryFunction.RELU, v[0], F44, F44)});
    }

    /**
     * SQRT: {@code k = round(sqrt(max(x, 0)) 2^Fo)}, ties up, is the k >= 0 with
     * {@code (2k-1)^2 2^Fi <= c 2^(2Fo+2) < (2k+1)^2 2^Fi} (the lower bound void for k = 0), {@code c = max(x, 0)}.
     */
    static GadgetCase sqrt() {
        FixedFormat in = F44, out = F44;
        return new GadgetCase("Lookup SQRT", "8 -> 8 bits", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {8}, (net, x) -> new int[][] {Lookup.function(net, x[0], UnaryFunction.SQRT, in, out)}),
                32, (w, inputs) -> {
                    BitVecExpr c = w.shl(w.max(x(w, inputs, 0), w.num(0)), 2 * out.fracBits() + 2);
                    BitVecExpr k = w.fresh(8);
                    BitVecExpr lo = w.sub(w.shl(k, 1), w.num(1)), hi = w.add(w.shl(k, 1), w.num(1));
                    w.define(w.ctx().mkOr(w.eq(k, w.num(0)), w.ge(c, w.shl(w.mul(lo, lo), in.fracBits()))));
                    w.define(w.gt(w.shl(w.mul(hi, hi), in.fracBits()), c));
                    return List.of(w.saturate(k, out));
                },
                v -> new long[] {Fixed.apply(UnaryFunction.SQRT, v[0], in, out)});
    }

    /**
     * A transcendental function's lookup: the specification is its correctly rounded table (NUMERICS.md's
     * definition; the table's own entries are checked against 60-digit values elsewhere), so this proves the
     * lookup circuit, not the table.
     */
    static GadgetCase table(UnaryFunction f, FixedFormat in, FixedFormat out) {
        long[] t = Table.of(f, in, out).entries();
        return new GadgetCase("Lookup " + f, in.width() + " -> " + out.width() + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {in.width()}, (net, x) -> new int[][] {Lookup.function(net, x[0], f, in, out)}),
                in.width() + 2, (w, inputs) -> List.of(w.lookup(x(w, inputs, 0), in.minCode(), t, out.width())),
                v -> new long[] {Fixed.apply(f, v[0], in, out)});
    }

    /**
     * Softmax of m words: {@code mx = max x}, {@code d_i = x_i - mx}, {@code e_i = EXP(d_i)} (the table into
     * {@code fe}), {@code s = sum e_j} exact, {@code p_i = divRound(e_i 2^Fo, s)} saturated ({@code s > 0}).
     */
    static GadgetCase softmax(int m, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        FixedFormat fd = Fixed.softmaxDiffFormat(fx);
        long[] exp = Table.of(UnaryFunction.EXP, fd, fe).entries();
        return new GadgetCase("Softmax", m + " x " + fx.width() + " bits, fe = out = " + out.width() + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(m, fx.width()), (net, x) -> Softmax.build(net, x, fx, fe, out)),
                40, (w, in) -> {
                    BitVecExpr mx = x(w, in, 0);
                    for (int i = 1; i < m; i++) mx = w.max(mx, x(w, in, i));
                    mx = w.signed(w.low(mx, fx.width())); // one of the words: a word of their width (as step 1 specifies it)
                    BitVecExpr[] e = new BitVecExpr[m];
                    BitVecExpr s = w.num(0);
                    for (int i = 0; i < m; i++) {
                        e[i] = w.signed(w.lookup(w.sub(x(w, in, i), mx), fd.minCode(), exp, fe.width()));
                        s = w.add(s, e[i]);
                    }
                    List<BitVecExpr> p = new ArrayList<>();
                    for (int i = 0; i < m; i++) p.add(w.divRoundSaturated(w.shl(e[i], out.fracBits()), s, out));
                    return p;
                },
                v -> Fixed.softmax(v, fx, fe, out));
    }

    /**
     * Layer norm of m words (NUMERICS.md): {@code S = sum x_i}, {@code Q = m sum x_i^2 - S^2},
     * {@code num = Q 2^Fe + eps m^2 2^(2F)}, {@code N = 2^(2(Fr+L) + 2F + Fe + 2)}; the scale
     * {@code rho = floor((isqrt(floor(N / num)) + 1) / 2)} capped at {@code fr.maxCode()} ({@code num = 0}: the cap);
     * {@code y_i = (m x_i - S) rho} rounded once from {@code F + Fr + L} fraction bits into {@code out}. The floor
     * and the integer square root are fresh variables defined by their inequalities.
     */
    static GadgetCase layerNorm(int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr, FixedFormat out) {
        int f = fx.fracBits(), fe = feps.fracBits(), l = 32 - Integer.numberOfLeadingZeros(m - 1), frho = fr.fracBits() + l;
        int nExp = 2 * frho + 2 * f + fe + 2;
        return new GadgetCase("LayerNorm", m + " x " + fx.width() + " bits, rho " + fr.width() + ", out " + out.width() + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(m, fx.width()),
                        (net, x) -> tc0.compiler.gadgets.LayerNorm.build(net, x, fx, eps, feps, fr, out, WeightedSum.DEFAULT_ROUNDS)),
                2 * nExp + 8, (w, in) -> {
                    BitVecExpr s = w.num(0), t = w.num(0);
                    for (int i = 0; i < m; i++) { s = w.add(s, x(w, in, i)); t = w.add(t, w.mul(x(w, in, i), x(w, in, i))); }
                    BitVecExpr q = w.sub(w.mul(m, t), w.mul(s, s));
                    BitVecExpr num = w.add(w.shl(q, fe), w.num(BigInteger.valueOf(eps * m * m).shiftLeft(2 * f)));
                    BitVecExpr big = w.num(BigInteger.ONE.shiftLeft(nExp));
                    BitVecExpr n = w.floorDiv(big, nExp + 2, num, nExp + 2);
                    BitVecExpr r = w.fresh(nExp / 2 + 2);
                    BitVecExpr r1 = w.add(r, w.num(1));
                    w.define(w.ge(n, w.mul(r, r)));
                    w.define(w.gt(w.mul(r1, r1), n));
                    BitVecExpr k = w.ctx().mkBVASHR(r1, w.num(1));
                    BitVecExpr cap = w.num(fr.maxCode());
                    BitVecExpr rho = w.ite(w.eq(num, w.num(0)), cap, w.ite(w.gt(k, cap), cap, k));
                    List<BitVecExpr> y = new ArrayList<>();
                    for (int i = 0; i < m; i++) y.add(w.toFormat(w.mul(w.sub(w.mul(m, x(w, in, i)), s), rho), f + frho, out));
                    return y;
                },
                v -> Fixed.layerNorm(v, fx, eps, feps, fr, out));
    }

    /** Neighbour aggregation: {@code sum_j [adj_j] x_j} exact, rounded once; input x0 holds the m adjacency bits. */
    static GadgetCase aggregate(int m) {
        FixedFormat out = FixedFormat.of(6, 3);
        int[] widths = new int[m + 1];
        java.util.Arrays.fill(widths, 8);
        widths[0] = m;
        return new GadgetCase("Aggregate.sum", m + " neighbours of 8 bits -> 9 bits", Tier.QUICK,
                () -> GadgetCircuits.of(widths, (net, x) -> new int[][] {
                        Aggregate.sum(net, x[0], java.util.Arrays.copyOfRange(x, 1, m + 1), F44, out, WeightedSum.DEFAULT_ROUNDS)}),
                24, (w, in) -> {
                    BitVecExpr s = w.num(0);
                    for (int j = 0; j < m; j++) {
                        var adjacent = w.eq(w.ctx().mkExtract(j, j, in.get("x0")), bit(w, true));
                        s = w.add(s, w.ite(adjacent, x(w, in, j + 1), w.num(0)));
                    }
                    return List.of(w.toFormat(s, F44.fracBits(), out));
                },
                v -> {
                    boolean[] adj = new boolean[m];
                    for (int j = 0; j < m; j++) adj[j] = (v[0] >>> j & 1) != 0;
                    return new long[] {Fixed.aggregate(adj, java.util.Arrays.copyOfRange(v, 1, m + 1), F44, out)};
                });
    }

    /** One RoPE pair at a fixed angle: {@code (c x - s y, s x + c y)} exact, each rounded once. */
    static GadgetCase rope(double angle, FixedFormat fx, FixedFormat fc, FixedFormat out) {
        long[] cs = Fixed.ropeCoefficients(angle, fc);
        long c = cs[0], s = cs[1];
        int frac = fx.fracBits() + fc.fracBits();
        return new GadgetCase("Rope.rotate", "2 x " + fx.width() + " bits, coefficients " + fc.width() + " bits, angle " + angle, Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {fx.width(), fx.width()}, (net, x) -> Rope.rotate(net, x[0], x[1], fx, c, s, fc, out, WeightedSum.DEFAULT_ROUNDS)),
                32, (w, in) -> List.of(
                        w.toFormat(w.sub(w.mul(c, x(w, in, 0)), w.mul(s, x(w, in, 1))), frac, out),
                        w.toFormat(w.add(w.mul(s, x(w, in, 0)), w.mul(c, x(w, in, 1))), frac, out)),
                v -> Fixed.rope(v[0], v[1], fx, c, s, fc, out));
    }
}
