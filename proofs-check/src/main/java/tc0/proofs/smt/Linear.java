package tc0.proofs.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;

/**
 * The linear integer arithmetic a specification may be written in once and read two ways: on bit-vectors at a
 * working width nothing wraps in ({@link Words}, bit-blasted) and on Z3's unbounded integers
 * ({@link Integers}, decided in linear integer arithmetic). Sums, products by constants, comparisons and
 * if-then-else only: where no value leaves the working width the two readings are the same numbers, so a
 * proof in either is a proof of the one formula.
 *
 * @param <E> a term of the arithmetic (a bit-vector or an integer)
 */
public interface Linear<E extends Expr<?>> {
    Context ctx();

    E num(long v);

    E add(E a, E b);

    E sub(E a, E b);

    /** {@code c a} for a constant c. */
    E mul(long c, E a);

    /** {@code v 2^k}. */
    E shl(E v, int k);

    BoolExpr ge(E a, E b);

    BoolExpr gt(E a, E b);

    E ite(BoolExpr c, E a, E b);

    /** A precondition on the inputs (see {@link Words#assume}). */
    void assume(BoolExpr precondition);

    /**
     * {@code divRound(n, d)} clamped to {@code [min, max]}, for {@code d > 0}, as a count: with
     * {@code F = floor((2n + d) / 2d)}, {@code clamp(F, min, max) = min + #{t in (min, max] : t <= F}} and
     * {@code t <= F} iff {@code 2t d <= 2n + d}: the definition of the floor, with products by constants only.
     * Where {@code d <= 0} the divisor 1 is used (the caller says what happens there). One term per code.
     */
    default E divRoundClamped(E n, E d, long min, long max) {
        E dd = ite(gt(d, num(0)), d, num(1));
        E twoN = add(shl(n, 1), dd);
        E p = num(min);
        for (long t = min + 1; t <= max; t++) p = add(p, ite(ge(twoN, mul(2 * t, dd)), num(1), num(0)));
        return p;
    }

    /**
     * {@code floor(n / d)} clamped to {@code [min, max]}, for {@code d > 0}, as a count:
     * {@code min + #{t in (min, max] : t d <= n}} ({@code t <= floor(n / d)} iff {@code t d <= n}, the floor's
     * definition), products by constants only. Where {@code d <= 0} the divisor 1 is used (the caller says what
     * happens there). With the divisor fixed (a case of {@link CaseSplitProver}) every term is a comparison with
     * a constant: no fresh quotient and no multiplier for SAT (the 6-bit quotient's cases about a quarter faster,
     * docs/LEMMAS.md). One term per code.
     */
    default E floorClamped(E n, E d, long min, long max) {
        E dd = ite(gt(d, num(0)), d, num(1));
        E p = num(min);
        for (long t = min + 1; t <= max; t++) p = add(p, ite(ge(n, mul(t, dd)), num(1), num(0)));
        return p;
    }
}
