package tc0.proofs.smt;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import java.math.BigInteger;
import tc0.compiler.numerics.ChiangFloat;

/**
 * NUMERICS.md's rounding of an exact magnitude to a p-bit float (ChiangFloat.Format.round), written for the
 * solver: one case per position L of the magnitude's leading one, with the shift {@code s = L + 1 - p}:
 * the significand {@code floor(n / 2^s)}, up by one where the rest passes half or equals it at an odd
 * significand (ties to even), back to {@code 2^(p-1)} with the exponent one up where that reaches
 * {@code 2^p}; the biased exponent {@code v0 + s}, saturated to the largest magnitude from {@code 2^q} up and
 * flushed to zero below 0; zero for {@code n = 0}. The float as one word: significand, exponent, sign.
 */
final class FloatRounding {
    private FloatRounding() {}

    /**
     * {@code (-1)^negative n 2^k} rounded, for an unsigned {@code n < 2^nBits} and {@code v0 = k + bias}, both
     * at the working width (signed; nothing may wrap), as a {@code p + q + 1}-bit word.
     */
    static BitVecExpr round(Words w, BoolExpr negative, BitVecExpr n, int nBits, BitVecExpr v0, int p, int q) {
        Context ctx = w.ctx();
        BitVecExpr sign = w.ite(negative, ctx.mkBV(1, 1), ctx.mkBV(0, 1));
        BitVecExpr zero = ctx.mkBV(0, p + q + 1);
        BitVecExpr largest = ctx.mkConcat(sign, ctx.mkBV((1L << (p + q)) - 1, p + q));
        BitVecExpr r = zero;
        for (int lead = 0; lead < nBits; lead++) {
            int s = lead + 1 - p;
            BoolExpr here = ctx.mkAnd(w.ge(n, pow2(w, lead)), w.gt(pow2(w, lead + 1), n));
            BitVecExpr m, e;
            if (s <= 0) {
                m = w.shl(n, -s);
                e = w.add(v0, w.num(s));
            } else {
                BitVecExpr m0 = ctx.mkBVLSHR(n, w.num(s));
                BitVecExpr rest = w.sub(n, w.shl(m0, s)), half = pow2(w, s - 1);
                BoolExpr odd = w.eq(ctx.mkExtract(0, 0, m0), ctx.mkBV(1, 1));
                BoolExpr up = ctx.mkOr(w.gt(rest, half), ctx.mkAnd(w.eq(rest, half), odd));
                BitVecExpr m1 = w.add(m0, w.ite(up, w.num(1), w.num(0)));
                BoolExpr over = w.eq(m1, pow2(w, p));
                m = w.ite(over, pow2(w, p - 1), m1);
                e = w.add(v0, w.add(w.num(s), w.ite(over, w.num(1), w.num(0))));
            }
            BitVecExpr packed = ctx.mkConcat(sign, ctx.mkConcat(ctx.mkExtract(q - 1, 0, e), ctx.mkExtract(p - 1, 0, m)));
            r = w.ite(here, w.ite(w.ge(e, pow2(w, q)), largest, w.ite(w.gt(w.num(0), e), zero, packed)), r);
        }
        return r;
    }

    private static BitVecExpr pow2(Words w, int k) {
        return w.num(BigInteger.ONE.shiftLeft(k));
    }

    /** A float of the format from its word (significand, exponent, sign). */
    static ChiangFloat decode(ChiangFloat.Format f, long word) {
        int p = f.p(), q = f.q();
        return f.of((word >>> (p + q) & 1) != 0, word & ((1L << p) - 1), (int) (word >>> p & ((1L << q) - 1)));
    }

    /** The word of a float (significand, exponent, sign). */
    static long encode(ChiangFloat x) {
        int p = x.format().p(), q = x.format().q();
        return x.significand().longValueExact() | (long) x.biasedExponent() << p | (x.negative() ? 1L : 0L) << (p + q);
    }
}
