package tc0.proofs.smt;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tc0.compiler.gadgets.FloatProduct;
import tc0.compiler.gadgets.FloatRound;
import tc0.compiler.gadgets.FloatSum;
import tc0.compiler.gadgets.FloatWord;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.numerics.ChiangFloat;
import tc0.proofs.smt.GadgetCase.Tier;

/**
 * #17's float arithmetic with one rounding ({@link FloatRounding}'s formula): FloatRound alone, the product
 * of two floats (FloatProduct.multiply: WideMultiply then FloatRound) and the sum of floats (FloatSum:
 * alignment, two WideSums, FloatRound). Each input float's significand is 0 or normalised (the
 * precondition of {@link FloatCases#value}).
 */
final class FloatArithmeticCases {
    private FloatArithmeticCases() {}

    /**
     * FloatRound of an unsigned n-bit magnitude N with a sign bit and the exponent base {@code E + c} (E a q-bit
     * unsigned input): exponents from below 0 (flushed) to past {@code 2^q} (saturated) for c = -2.
     */
    static GadgetCase round(int nBits, int p, int q, int c) {
        ChiangFloat.Format f = new ChiangFloat.Format(p, q);
        return new GadgetCase("FloatRound (ties to even, saturate, flush)", "N " + nBits + " bits, p = " + p + ", q = " + q + ", base E " + (c < 0 ? "- " + -c : "+ " + c),
                Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {nBits, 1, q}, (net, x) -> new int[][] {
                        FloatRound.build(net, x[0], x[1][0], new LinearForm().addUnsignedWord(x[2], 1).addConstant(c), p, q).word()}),
                nBits + q + 4, (w, in) -> {
                    BoolExpr negative = w.eq(in.get("x1"), w.ctx().mkBV(1, 1));
                    BitVecExpr v0 = w.add(w.unsigned(in.get("x2")), w.num(c));
                    return List.of(FloatRounding.round(w, negative, w.unsigned(in.get("x0")), nBits, v0, p, q));
                },
                v -> {
                    long n = v[0] & ((1L << nBits) - 1), e = v[2] & ((1L << q) - 1);
                    return new long[] {FloatRounding.encode(f.round(v[1] != 0, BigInteger.valueOf(n), (int) e + c - f.bias()))};
                });
    }

    /** {@code x y} of two floats, rounded once (the exact significand product, the exponents added). */
    static GadgetCase multiply(int p, int q) {
        ChiangFloat.Format f = new ChiangFloat.Format(p, q);
        int bits = p + q + 1;
        return new GadgetCase("FloatProduct.multiply", "2 floats of p = " + p + ", q = " + q + " (" + bits + " bits)", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {bits, bits}, (net, x) -> new int[][] {
                        FloatProduct.multiply(net, FloatWord.of(x[0], p, q), FloatWord.of(x[1], p, q), WeightedSum.DEFAULT_ROUNDS).word()}),
                2 * p + q + 4, (w, in) -> {
                    Context ctx = w.ctx();
                    BitVecExpr x = in.get("x0"), y = in.get("x1");
                    FloatCases.value(w, x, p, q); // the preconditions on both significands
                    FloatCases.value(w, y, p, q);
                    BitVecExpr n = w.mul(w.unsigned(ctx.mkExtract(p - 1, 0, x)), w.unsigned(ctx.mkExtract(p - 1, 0, y)));
                    BitVecExpr v0 = w.sub(w.add(w.unsigned(ctx.mkExtract(p + q - 1, p, x)), w.unsigned(ctx.mkExtract(p + q - 1, p, y))), w.num(f.bias()));
                    BoolExpr negative = ctx.mkXor(w.eq(ctx.mkExtract(p + q, p + q, x), ctx.mkBV(1, 1)), w.eq(ctx.mkExtract(p + q, p + q, y), ctx.mkBV(1, 1)));
                    return List.of(FloatRounding.round(w, negative, n, 2 * p, v0, p, q));
                },
                v -> new long[] {FloatRounding.encode(ChiangFloat.multiply(FloatRounding.decode(f, v[0]), FloatRounding.decode(f, v[1])))});
    }

    /** The sum of m floats, rounded once: the exact sum on the grid of the smallest exponent's unit. */
    static GadgetCase sum(int m, int p, int q) {
        ChiangFloat.Format f = new ChiangFloat.Format(p, q);
        int bits = p + q + 1, nBits = p + (1 << q) - 1 + (64 - Long.numberOfLeadingZeros(m));
        return new GadgetCase("FloatSum", m + " floats of p = " + p + ", q = " + q + " (" + bits + " bits)", Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(m, bits), (net, x) -> {
                    FloatWord[] xs = new FloatWord[m];
                    for (int i = 0; i < m; i++) xs[i] = FloatWord.of(x[i], p, q);
                    return new int[][] {FloatSum.build(net, xs, WeightedSum.DEFAULT_ROUNDS).word()};
                }),
                nBits + 4, (w, in) -> {
                    BitVecExpr s = w.num(0);
                    for (int i = 0; i < m; i++) s = w.add(s, FloatCases.value(w, in.get("x" + i), p, q));
                    BoolExpr negative = w.gt(w.num(0), s);
                    return List.of(FloatRounding.round(w, negative, w.ite(negative, w.neg(s), s), nBits, w.num(0), p, q));
                },
                v -> {
                    List<ChiangFloat> xs = new ArrayList<>();
                    for (long x : v) xs.add(FloatRounding.decode(f, x));
                    return new long[] {FloatRounding.encode(ChiangFloat.sum(f, xs))};
                });
    }
}
