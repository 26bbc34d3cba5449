package tc0.proofs.smt;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import java.math.BigInteger;

/**
 * One threshold gate {@code [sum w_e v_e >= t]} as a Z3 Boolean, in the form that bit-blasts smallest:
 * a constant where no assignment of its fan-ins changes it; an AND or an OR of the fan-ins' literals (a
 * negative weight's literal is the fan-in's negation) where the threshold makes it one; else the signed
 * sum of {@code ite(v_e, w_e, 0)} added as a balanced tree, each partial sum in the width its own range
 * needs. Each form is the gate's value for every assignment of its terms (so also where a node appears
 * twice). The tree halved the wide quotient's cases against one chain of adders at the width of the whole
 * sum (docs/LEMMAS.md); {@code -Dtc0.chainSums} restores the chain (to compare).
 */
final class GateTerms {
    static final boolean CHAIN = Boolean.getBoolean("tc0.chainSums");

    private GateTerms() {}

    /** {@code [sum w[i] v[i] >= t]}. */
    static BoolExpr atLeast(Context ctx, BoolExpr[] v, long[] w, long t) {
        if (CHAIN) return chain(ctx, v, w, t);
        long pos = 0, neg = 0, least = Long.MAX_VALUE;
        try {
            for (long wt : w) {
                if (wt > 0) pos = Math.addExact(pos, wt); else neg = Math.addExact(neg, wt);
                if (wt != 0) least = Math.min(least, Math.abs(wt));
            }
        } catch (ArithmeticException e) {
            return chain(ctx, v, w, t); // a sum past 64 bits: the chain's BigInteger width
        }
        if (neg >= t) return ctx.mkTrue();   // even the least sum reaches t
        if (pos < t) return ctx.mkFalse();   // even the largest does not
        boolean or = true;
        int n = 0;
        for (long wt : w) if (wt != 0) { n++; or &= neg + Math.abs(wt) >= t; }
        BoolExpr[] lits = new BoolExpr[n];
        for (int i = 0, j = 0; i < v.length; i++) if (w[i] != 0) lits[j++] = w[i] > 0 ? v[i] : ctx.mkNot(v[i]);
        // AND: only the largest sum reaches t (losing any one term, at least `least`, falls below it)
        if (pos - least < t) return n == 1 ? lits[0] : ctx.mkAnd(lits);
        // OR: below t with every term against it (neg < t), at t with any one in its favour
        if (or) return ctx.mkOr(lits);
        return tree(ctx, v, w, t);
    }

    /** The sum as a balanced tree of adders, each in the signed width of its partial sum's range. */
    private static BoolExpr tree(Context ctx, BoolExpr[] v, long[] w, long t) {
        int k = v.length;
        BitVecExpr[] sum = new BitVecExpr[k];
        long[] lo = new long[k], hi = new long[k];
        for (int i = 0; i < k; i++) {
            lo[i] = Math.min(0, w[i]);
            hi[i] = Math.max(0, w[i]);
            int width = signedWidth(lo[i], hi[i]);
            sum[i] = (BitVecExpr) ctx.mkITE(v[i], ctx.mkBV(w[i], width), ctx.mkBV(0, width));
        }
        for (; k > 1; k = (k + 1) / 2) {
            for (int i = 0; i < k / 2; i++) {
                long l = lo[2 * i] + lo[2 * i + 1], h = hi[2 * i] + hi[2 * i + 1];
                int width = signedWidth(l, h);
                sum[i] = ctx.mkBVAdd(widen(ctx, sum[2 * i], width), widen(ctx, sum[2 * i + 1], width));
                lo[i] = l;
                hi[i] = h;
            }
            if (k % 2 == 1) { sum[k / 2] = sum[k - 1]; lo[k / 2] = lo[k - 1]; hi[k / 2] = hi[k - 1]; }
        }
        // the gate is not constant, so lo < t <= hi and t fits the sum's width
        return ctx.mkBVSGE(sum[0], ctx.mkBV(t, sum[0].getSortSize()));
    }

    /** One chain of adders at the width no sum over the gate can overflow (the encoding before the tree). */
    static BoolExpr chain(Context ctx, BoolExpr[] v, long[] w, long t) {
        BigInteger reach = BigInteger.valueOf(t).abs();
        for (long wt : w) reach = reach.add(BigInteger.valueOf(wt).abs());
        int width = reach.bitLength() + 1;
        BitVecExpr zero = ctx.mkBV(0, width), sum = zero;
        for (int i = 0; i < v.length; i++) sum = ctx.mkBVAdd(sum, (BitVecExpr) ctx.mkITE(v[i], Words.constant(ctx, BigInteger.valueOf(w[i]), width), zero));
        return ctx.mkBVSGE(sum, Words.constant(ctx, BigInteger.valueOf(t), width));
    }

    /** Bits of a two's complement word holding every value of [lo, hi] (lo <= 0 <= hi). */
    static int signedWidth(long lo, long hi) {
        return Math.max(64 - Long.numberOfLeadingZeros(hi), lo < 0 ? 64 - Long.numberOfLeadingZeros(~lo) : 0) + 1;
    }

    private static BitVecExpr widen(Context ctx, BitVecExpr x, int width) {
        int extra = width - x.getSortSize();
        return extra == 0 ? x : ctx.mkSignExt(extra, x);
    }
}
