package tc0.proofs.smt;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tc0.compiler.numerics.FixedFormat;

/**
 * Exact integer arithmetic for the specifications, on signed bit-vectors of one working width {@link #width}
 * that the caller makes wide enough for every intermediate value (so nothing wraps), with NUMERICS.md's
 * rounding (nearest, ties up) and saturation written out as formulas. A quotient is not a divider: it is a
 * fresh variable tied to its operands by {@code d q <= n < d q + d} (the definition of the floor), collected
 * in {@link #definitions()}, which bit-blasts to a multiplier instead of a divider.
 */
public final class Words implements Linear<BitVecExpr> {
    private final Context ctx;
    private final int width;
    private final List<BoolExpr> definitions = new ArrayList<>();
    private final List<BoolExpr> assumptions = new ArrayList<>();
    /** Fresh names are unique across all Words: the specifications of a composition's steps share one context. */
    private static final java.util.concurrent.atomic.AtomicLong FRESH = new java.util.concurrent.atomic.AtomicLong();

    public Words(Context ctx, int width) {
        if (width < 2) throw new IllegalArgumentException("working width " + width);
        this.ctx = ctx;
        this.width = width;
    }

    @Override
    public Context ctx() { return ctx; }

    public int width() { return width; }

    /** The constraints that define the fresh variables made so far (quotients, square roots). */
    public List<BoolExpr> definitions() { return definitions; }

    /** The preconditions on the inputs stated so far ({@link #assume}). */
    public List<BoolExpr> assumptions() { return assumptions; }

    /**
     * A precondition on the inputs: the proof then covers only the inputs that meet it. For a step of a
     * gadget proved alone, what the step before it guarantees (the maximum is at least every entry); the
     * table states it beside the case.
     */
    @Override
    public void assume(BoolExpr precondition) {
        assumptions.add(precondition);
    }

    /** The two's complement numeral of {@code v} in {@code width} bits. */
    static BitVecExpr constant(Context ctx, BigInteger v, int width) {
        return ctx.mkBV(v.mod(BigInteger.ONE.shiftLeft(width)).toString(), width);
    }

    @Override
    public BitVecExpr num(long v) {
        return num(BigInteger.valueOf(v));
    }

    public BitVecExpr num(BigInteger v) {
        if (v.bitLength() >= width) throw new IllegalArgumentException(v + " does not fit " + width + " signed bits");
        return constant(ctx, v, width);
    }

    /** A two's complement word (a code) at the working width. */
    public BitVecExpr signed(BitVecExpr word) {
        int w = word.getSortSize();
        return w == width ? word : ctx.mkSignExt(width - w, word);
    }

    /** An unsigned word at the working width. */
    public BitVecExpr unsigned(BitVecExpr word) {
        int w = word.getSortSize();
        return w == width ? word : ctx.mkZeroExt(width - w, word);
    }

    @Override
    public BitVecExpr add(BitVecExpr a, BitVecExpr b) { return ctx.mkBVAdd(a, b); }

    @Override
    public BitVecExpr sub(BitVecExpr a, BitVecExpr b) { return ctx.mkBVSub(a, b); }

    public BitVecExpr mul(BitVecExpr a, BitVecExpr b) { return ctx.mkBVMul(a, b); }

    /**
     * {@code a b} for {@code -2^(aBits-1) <= a < 2^(aBits-1)} and likewise b (the caller's bounds): multiplied
     * at {@code aBits + bBits} bits, where the product fits, then sign-extended. The same value as
     * {@link #mul(BitVecExpr, BitVecExpr)}, but the solver bit-blasts a multiplier of the operands' widths, not
     * of the working width (layer norm's working width is 40 bits for 4-bit words).
     */
    public BitVecExpr mul(BitVecExpr a, int aBits, BitVecExpr b, int bBits) {
        int pw = aBits + bBits;
        if (pw > width) throw new IllegalArgumentException("working width " + width + " too small for a product of " + aBits + " by " + bBits + " bits");
        BitVecExpr an = ctx.mkSignExt(bBits, low(a, aBits)), bn = ctx.mkSignExt(aBits, low(b, bBits));
        BitVecExpr p = ctx.mkBVMul(an, bn);
        return pw == width ? p : ctx.mkSignExt(width - pw, p);
    }

    @Override
    public BitVecExpr mul(long c, BitVecExpr a) { return ctx.mkBVMul(num(c), a); }

    public BitVecExpr neg(BitVecExpr a) { return ctx.mkBVNeg(a); }

    @Override
    public BoolExpr ge(BitVecExpr a, BitVecExpr b) { return ctx.mkBVSGE(a, b); }

    @Override
    public BoolExpr gt(BitVecExpr a, BitVecExpr b) { return ctx.mkBVSGT(a, b); }

    public BoolExpr eq(BitVecExpr a, BitVecExpr b) { return ctx.mkEq(a, b); }

    @Override
    public BitVecExpr ite(BoolExpr c, BitVecExpr a, BitVecExpr b) { return (BitVecExpr) ctx.mkITE(c, a, b); }

    /** {@code v * 2^k}. */
    @Override
    public BitVecExpr shl(BitVecExpr v, int k) { return k == 0 ? v : ctx.mkBVSHL(v, num(k)); }

    /** {@code floor(v / 2^shift + 1/2)} for {@code shift > 0} (ties up, negative v too); {@code v 2^-shift} otherwise. */
    public BitVecExpr shiftRound(BitVecExpr v, int shift) {
        if (shift <= 0) return shl(v, -shift);
        return ctx.mkBVASHR(add(v, num(BigInteger.ONE.shiftLeft(shift - 1))), num(shift));
    }

    /** {@code v} clamped to {@code out}'s codes, as an {@code out.width()}-bit word. */
    public BitVecExpr saturate(BitVecExpr v, FixedFormat out) {
        BitVecExpr hi = num(out.maxCode()), lo = num(out.minCode());
        return low(ite(gt(v, hi), hi, ite(gt(lo, v), lo, v)), out.width());
    }

    /** NUMERICS.md's {@code toFormat}: the exact {@code v / 2^frac} rounded once into {@code out}, saturated. */
    public BitVecExpr toFormat(BitVecExpr v, int frac, FixedFormat out) {
        return saturate(shiftRound(v, frac - out.fracBits()), out);
    }

    /** The low {@code bits} bits. */
    public BitVecExpr low(BitVecExpr v, int bits) {
        return bits == v.getSortSize() ? v : ctx.mkExtract(bits - 1, 0, v);
    }

    /** The larger of two signed values. */
    public BitVecExpr max(BitVecExpr a, BitVecExpr b) { return ite(ge(a, b), a, b); }

    /** A fresh nonnegative variable of {@code bits} bits (at the working width), tied down by {@link #define}. */
    public BitVecExpr fresh(int bits) {
        if (bits + 1 > width) throw new IllegalArgumentException("working width " + width + " too small for " + bits + " bits");
        return unsigned(ctx.mkBVConst("k" + FRESH.getAndIncrement(), bits));
    }

    /**
     * A constraint defining fresh variables. It must be satisfiable for EVERY input (the variables then being
     * functions of the input): an input where it is not would be excluded from the proof without a word.
     */
    public void define(BoolExpr constraint) {
        definitions.add(constraint);
    }

    /**
     * {@code floor(n / d)}, as a fresh variable {@code q} with {@code d q <= n < d q + d}, where {@code d > 0};
     * where {@code d <= 0} the divisor 1 is used instead (so the definition holds for every input: the caller
     * states what happens there). {@code |n| < 2^(nBits-1)} and {@code |d| < 2^(dBits-1)} must hold (the
     * caller's bounds); then {@code |q| <= |n|} fits {@code nBits} and the products fit the working width,
     * which is checked here.
     */
    public BitVecExpr floorDiv(BitVecExpr n, int nBits, BitVecExpr d, int dBits) {
        if (nBits + dBits + 1 > width) throw new IllegalArgumentException("working width " + width + " too small for a quotient of " + nBits + " by " + dBits + " bits");
        BitVecExpr dd = ite(gt(d, num(0)), d, num(1));
        BitVecExpr q = signed(ctx.mkBVConst("q" + FRESH.getAndIncrement(), nBits));
        BitVecExpr dq = mul(dd, q);
        define(ge(n, dq));
        define(gt(add(dq, dd), n));
        return q;
    }

    /** Rounding's {@code divRound}: {@code floor(n / d + 1/2) = floor((2n + d) / 2d)} for {@code d > 0} (as {@link #floorDiv}). */
    public BitVecExpr divRound(BitVecExpr n, int nBits, BitVecExpr d, int dBits) {
        return floorDiv(add(shl(n, 1), d), Math.max(nBits, dBits) + 2, shl(d, 1), dBits + 1);
    }

    /**
     * {@code divRound(n, d)} saturated into {@code out}, for {@code d > 0}: {@link #divRoundClamped} over out's
     * codes (the solver bit-blasts adders, no multiplier), as an {@code out.width()}-bit word. One term per code
     * of out: for narrow outputs.
     */
    public BitVecExpr divRoundSaturated(BitVecExpr n, BitVecExpr d, FixedFormat out) {
        if (out.width() > 10) throw new IllegalArgumentException("a count over " + out.width() + "-bit codes: too many terms");
        return low(divRoundClamped(n, d, out.minCode(), out.maxCode()), out.width());
    }

    /** {@code table[v - lo]} for {@code v} in {@code [lo, lo + table.length)}: a chain of if-then-else, as an {@code outBits} word. */
    public BitVecExpr lookup(BitVecExpr v, long lo, long[] table, int outBits) {
        BitVecExpr r = constant(ctx, BigInteger.valueOf(table[0]), outBits);
        for (int i = 1; i < table.length; i++) {
            r = ite(eq(v, num(lo + i)), constant(ctx, BigInteger.valueOf(table[i]), outBits), r);
        }
        return r;
    }
}
