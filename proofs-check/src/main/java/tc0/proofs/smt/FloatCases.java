package tc0.proofs.smt;

import static tc0.proofs.smt.Gadgets.bit;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import java.math.BigInteger;
import java.util.List;
import tc0.compiler.gadgets.FloatCompare;
import tc0.compiler.gadgets.FloatFloor;
import tc0.compiler.gadgets.FloatWord;
import tc0.compiler.gadgets.WideColumns;
import tc0.compiler.gadgets.WideSum;
import tc0.compiler.numerics.ChiangFloat;
import tc0.proofs.smt.GadgetCase.Tier;

/**
 * Chiang's p-bit floats (NUMERICS.md, ChiangFloat): a word of significand m (p bits), biased exponent E (q bits)
 * and sign s, of value {@code (-1)^s m 2^(E - bias)}, m 0 or in {@code [2^(p-1), 2^p)} (the precondition on
 * every input word: other significands are not floats), a zero significand read as zero whatever s and E.
 * With them #17's wide n-ary sum, the float gadgets' core: unsigned words summed modulo {@code 2^width}.
 */
final class FloatCases {
    private FloatCases() {}

    /** {@code [x < y]} and {@code [x == y]} by value: both scaled by {@code 2^bias}, {@code (-1)^s m 2^E}, exact. */
    static GadgetCase compare(int p, int q) {
        int bits = p + q + 1;
        return new GadgetCase("FloatCompare", "2 floats of p = " + p + ", q = " + q + " (" + bits + " bits)", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {bits, bits}, (net, x) -> {
                    int[] r = FloatCompare.build(net, FloatWord.of(x[0], p, q), FloatWord.of(x[1], p, q));
                    return new int[][] {{r[0]}, {r[1]}};
                }),
                p + (1 << q) + 2, (w, in) -> {
                    BitVecExpr vx = value(w, in.get("x0"), p, q), vy = value(w, in.get("x1"), p, q);
                    return List.of(w.ite(w.gt(vy, vx), bit(w, true), bit(w, false)), w.ite(w.eq(vx, vy), bit(w, true), bit(w, false)));
                },
                v -> {
                    ChiangFloat.Format f = new ChiangFloat.Format(p, q);
                    int c = ChiangFloat.compare(FloatRounding.decode(f, v[0]), FloatRounding.decode(f, v[1]));
                    return new long[] {c < 0 ? 1 : 0, c == 0 ? 1 : 0};
                });
    }

    /**
     * {@code floor(x)} (Cor 3.13): the value scaled by {@code 2^bias} shifted arithmetically right by bias (two's
     * complement: toward minus infinity), rounded at exponent 0 ({@link FloatRounding}; exact where the floor is a float).
     */
    static GadgetCase floor(int p, int q) {
        int bits = p + q + 1, bias = 1 << (q - 1), nBits = p + (1 << q) - bias + 1;
        ChiangFloat.Format f = new ChiangFloat.Format(p, q);
        return new GadgetCase("FloatFloor", "a float of p = " + p + ", q = " + q + " (" + bits + " bits)", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {bits}, (net, x) -> new int[][] {FloatFloor.build(net, FloatWord.of(x[0], p, q)).word()}),
                p + (1 << q) + 2, (w, in) -> {
                    BitVecExpr floor = w.ctx().mkBVASHR(value(w, in.get("x0"), p, q), w.num(bias));
                    BoolExpr negative = w.gt(w.num(0), floor);
                    return List.of(FloatRounding.round(w, negative, w.ite(negative, w.neg(floor), floor), nBits, w.num(bias), p, q));
                },
                v -> new long[] {FloatRounding.encode(FloatRounding.decode(f, v[0]).floor())});
    }

    /** {@code (-1)^s m 2^E} at the working width, after assuming that m is 0 or has its top bit set. */
    static BitVecExpr value(Words w, BitVecExpr word, int p, int q) {
        Context ctx = w.ctx();
        BitVecExpr m = ctx.mkExtract(p - 1, 0, word), e = ctx.mkExtract(p + q - 1, p, word);
        BoolExpr negative = w.eq(ctx.mkExtract(p + q, p + q, word), bit(w, true));
        w.assume(ctx.mkOr(w.eq(m, ctx.mkBV(0, p)), w.eq(ctx.mkExtract(p - 1, p - 1, m), bit(w, true))));
        BitVecExpr magnitude = ctx.mkBVSHL(w.unsigned(m), w.unsigned(e));
        return w.ite(negative, w.neg(magnitude), magnitude);
    }

    /** {@code (x_0 + ... + x_(m-1)) mod 2^width} for m unsigned words of b bits (WideSum, k rounds). */
    static GadgetCase wideSum(int m, int b, int width, int rounds) {
        return new GadgetCase("WideSum (k = " + rounds + ")", m + " x " + b + " unsigned bits -> " + width + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(m, b), (net, x) -> {
                    WideColumns cols = new WideColumns(width);
                    for (int[] xi : x) cols.addUnsigned(xi, BigInteger.ONE);
                    return new int[][] {WideSum.build(net, cols, rounds)};
                }),
                Math.max(b, width) + 4, (w, in) -> {
                    BitVecExpr s = w.num(0);
                    for (int i = 0; i < m; i++) s = w.add(s, w.unsigned(in.get("x" + i)));
                    return List.of(w.low(s, width));
                },
                v -> {
                    long s = 0;
                    for (long x : v) s += x & ((1L << b) - 1);
                    return new long[] {s & ((1L << width) - 1)};
                });
    }
}
