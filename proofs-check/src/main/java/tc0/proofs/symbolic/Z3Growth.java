package tc0.proofs.symbolic;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Params;
import com.microsoft.z3.RealExpr;
import com.microsoft.z3.RealSort;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Z3 over a formula valid at n = 2^L (L >= 2), in nonlinear real arithmetic (nlsat, complete there): a claim
 * is proved when its negation together with the encoding of L is unsatisfiable. L is encoded by the lemmas
 * {@code 2 <= L, 2L <= n, L^2 <= n + 1} (true at n = 2^L, by induction on L whose steps Z3 proves in
 * {@link #lemmaStepHolds}); over the reals this only widens the region, so a claim proved there holds at
 * every n = 2^L. What it does not prove: anything about n between powers of two.
 */
public final class Z3Growth {
    /** Per solver call. */
    static final int TIMEOUT_MS = 20_000;

    /** ∀ n = 2^L >= 4: size <= C n^k, proved; {@code refutedBelow}: the first power of two where C n^(k-1) is exceeded. */
    public record Bound(int k, BigInteger c, Optional<BigInteger> refutedBelow) {}

    private Z3Growth() {}

    /**
     * The induction steps of the two lemmas on L (n = 2^L = P): 2^L >= 2L (base L = 2: 4 >= 4; step for L >= 2:
     * P >= 2L gives 2P >= 2(L + 1)) and L^2 <= 2^L + 1 (bases L = 2, 3: 4 <= 5, 9 <= 9; step for L >= 3:
     * P >= L^2 - 1 gives 2P >= (L + 1)^2 - 1). Z3 proves both steps; the bases are the arithmetic above.
     */
    public static boolean lemmaStepHolds() {
        try (Context ctx = new Context()) {
            RealExpr p = ctx.mkRealConst("P"), l = ctx.mkRealConst("L");
            ArithExpr<RealSort> two = ctx.mkReal(2), one = ctx.mkReal(1), l1 = ctx.mkAdd(l, one);
            Solver s = solver(ctx);
            s.add(ctx.mkGe(l, two), ctx.mkGe(p, ctx.mkMul(two, l)));
            s.add(ctx.mkLt(ctx.mkMul(two, p), ctx.mkMul(two, l1)));
            Solver t = solver(ctx);
            t.add(ctx.mkGe(l, ctx.mkReal(3)), ctx.mkGe(p, ctx.mkSub(ctx.mkMul(l, l), one)));
            t.add(ctx.mkLt(ctx.mkMul(two, p), ctx.mkSub(ctx.mkMul(l1, l1), one)));
            return s.check() == Status.UNSATISFIABLE && t.check() == Status.UNSATISFIABLE;
        }
    }

    /** Whether Z3 proves {@code f(n, L) <= c n^k} for every n, L with n >= 4, 2 <= L, 2L <= n, L^2 <= n + 1. */
    public static boolean provesAtMost(Formula f, BigInteger c, int k) {
        try (Context ctx = new Context()) {
            RealExpr n = ctx.mkRealConst("n"), l = ctx.mkRealConst("L");
            Solver s = solver(ctx);
            s.add(domain(ctx, n, l));
            // den * f > den * c * n^k (the negation), all integers
            s.add(ctx.mkGt(scaled(ctx, f, n, l), ctx.mkMul(num(ctx, c.multiply(f.denominator())), pow(ctx, n, k))));
            return s.check() == Status.UNSATISFIABLE;
        }
    }

    /**
     * The smallest k (from 0) for which Z3 proves size <= C n^k, with C the sum over positive terms of
     * coefficient / 2^b (rounded up: n^a L^b <= n^(a+b) / 2^b under 2L <= n), and the first n = 2^L (L up to
     * {@code maxL}) where the formula exceeds C n^(k-1), found by exact evaluation and checked by Z3 as a
     * ground instance. Empty where no k up to the formula's degree is proved.
     */
    public static Optional<Bound> smallestDegree(Formula f, int maxL) {
        BigInteger c = constantFor(f);
        for (int k = 0; k <= f.degree(); k++) {
            if (!provesAtMost(f, c, k)) continue;
            return Optional.of(new Bound(k, c, k == 0 ? Optional.empty() : firstExceeding(f, c, k - 1, maxL)));
        }
        return Optional.empty();
    }

    /** C = ceil(sum over positive coefficients of coefficient / 2^b). */
    static BigInteger constantFor(Formula f) {
        BigInteger num = BigInteger.ZERO;
        int maxB = 0;
        for (Monomial m : f.numerators().keySet()) maxB = Math.max(maxB, m.b());
        for (Map.Entry<Monomial, BigInteger> e : f.numerators().entrySet()) {
            if (e.getValue().signum() > 0) num = num.add(e.getValue().shiftLeft(maxB - e.getKey().b()));
        }
        BigInteger den = f.denominator().shiftLeft(maxB);
        BigInteger[] qr = num.divideAndRemainder(den);
        return qr[1].signum() == 0 ? qr[0].max(BigInteger.ONE) : qr[0].add(BigInteger.ONE);
    }

    /** The first n = 2^L, 2 <= L <= maxL, with f(n) > c n^k, confirmed by Z3 as a ground fact; empty where none. */
    static Optional<BigInteger> firstExceeding(Formula f, BigInteger c, int k, int maxL) {
        for (int l = 2; l <= maxL; l++) {
            BigInteger n = BigInteger.ONE.shiftLeft(l);
            if (f.scaledAt(n).compareTo(c.multiply(f.denominator()).multiply(n.pow(k))) > 0) {
                if (!groundExceeds(f, c, k, n, l)) throw new IllegalStateException("Z3 disagrees with exact arithmetic at n = " + n);
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private static boolean groundExceeds(Formula f, BigInteger c, int k, BigInteger nv, int lv) {
        try (Context ctx = new Context()) {
            RealExpr n = ctx.mkRealConst("n"), l = ctx.mkRealConst("L");
            Solver s = solver(ctx);
            s.add(ctx.mkEq(n, num(ctx, nv)), ctx.mkEq(l, ctx.mkReal(lv)));
            s.add(ctx.mkGt(scaled(ctx, f, n, l), ctx.mkMul(num(ctx, c.multiply(f.denominator())), pow(ctx, n, k))));
            return s.check() == Status.SATISFIABLE;
        }
    }

    /**
     * Whether Z3 proves {@code b(n, L, M) <= c n^k} for every real n, L, M with n >= 4, n <= M <= 2n, 2 <= L,
     * 2L <= M, L^2 <= M + 1: every n >= 4 with L = ceil(log2 n) and M = 2^L is among them (n <= M < 2n, and
     * the L lemmas at M = 2^L), so a proof holds at every integer n >= 4, powers of two or not.
     */
    public static boolean provesAtMostEveryN(Poly b, BigInteger c, int k) {
        try (Context ctx = new Context()) {
            RealExpr n = ctx.mkRealConst("n"), l = ctx.mkRealConst("L"), m = ctx.mkRealConst("M");
            Solver s = solver(ctx);
            s.add(everyNRegion(ctx, n, l, m));
            ArithExpr<RealSort> sum = terms(ctx, b, BigInteger.ONE, n, l, m);
            s.add(ctx.mkGt(sum, ctx.mkMul(num(ctx, c.multiply(b.denominator())), pow(ctx, n, k))));
            return s.check() == Status.UNSATISFIABLE;
        }
    }

    /**
     * Whether Z3 proves {@code b(n, L, M) <= g(n, L)} over the region of {@link #provesAtMostEveryN} (so at every
     * integer n >= 4 with L = ceil(log2 n), M = 2^L): a decomposition's bound within an assert's.
     */
    public static boolean provesAtMostEveryN(Poly b, Formula g) {
        try (Context ctx = new Context()) {
            RealExpr n = ctx.mkRealConst("n"), l = ctx.mkRealConst("L"), m = ctx.mkRealConst("M");
            Solver s = solver(ctx);
            s.add(everyNRegion(ctx, n, l, m));
            ArithExpr<RealSort> sum = terms(ctx, b, g.denominator(), n, l, m);
            // g.den * b.den * b > b.den * (g.den * g), the negation
            s.add(ctx.mkGt(sum, ctx.mkMul(num(ctx, b.denominator()), scaled(ctx, g, n, l))));
            return s.check() == Status.UNSATISFIABLE;
        }
    }

    /** Whether Z3 proves {@code f(n, L) <= g(n, L)} for every n, L in the lemmas' region (so at every n = 2^L >= 4). */
    public static boolean provesAtMostFormula(Formula f, Formula g) {
        try (Context ctx = new Context()) {
            RealExpr n = ctx.mkRealConst("n"), l = ctx.mkRealConst("L");
            Solver s = solver(ctx);
            s.add(domain(ctx, n, l));
            // g.den * (f.den f) > f.den * (g.den g)
            s.add(ctx.mkGt(ctx.mkMul(num(ctx, g.denominator()), scaled(ctx, f, n, l)), ctx.mkMul(num(ctx, f.denominator()), scaled(ctx, g, n, l))));
            return s.check() == Status.UNSATISFIABLE;
        }
    }

    /** The first n = 2^L, 2 <= L <= maxL, where f exceeds g, by exact evaluation; empty where none. */
    public static Optional<BigInteger> firstAbove(Formula f, Formula g, int maxL) {
        for (int l = 2; l <= maxL; l++) {
            BigInteger n = BigInteger.ONE.shiftLeft(l);
            if (f.scaledAt(n).multiply(g.denominator()).compareTo(g.scaledAt(n).multiply(f.denominator())) > 0) return Optional.of(n);
        }
        return Optional.empty();
    }

    /** Whether Z3 proves that the formula has the same value at every n = 2^L >= 4 (no n in it, after the L lemma). */
    public static boolean provesConstant(Formula f) {
        try (Context ctx = new Context()) {
            RealExpr n = ctx.mkRealConst("n"), l = ctx.mkRealConst("L"), n2 = ctx.mkRealConst("n2"), l2 = ctx.mkRealConst("L2");
            Solver s = solver(ctx);
            s.add(domain(ctx, n, l));
            s.add(domain(ctx, n2, l2));
            s.add(ctx.mkNot(ctx.mkEq(scaled(ctx, f, n, l), scaled(ctx, f, n2, l2))));
            return s.check() == Status.UNSATISFIABLE;
        }
    }

    /**
     * Whether Z3 proves that the formula grows like log n: for every L >= 2, doubling n (L + 1) adds at least 1,
     * and the formula is at most c L for some c (here: the sum of its coefficients' magnitudes), with no term
     * in n. A formula with a term in n is not "like log n".
     */
    public static boolean provesLogarithmic(Formula f) {
        if (f.numerators().keySet().stream().anyMatch(m -> m.a() > 0)) return false;
        try (Context ctx = new Context()) {
            RealExpr n = ctx.mkRealConst("n"), l = ctx.mkRealConst("L");
            Solver s = solver(ctx);
            s.add(domain(ctx, n, l));
            ArithExpr<RealSort> here = scaled(ctx, f, n, l);
            ArithExpr<RealSort> next = scaled(ctx, f, ctx.mkMul(ctx.mkReal(2), n), ctx.mkAdd(l, ctx.mkReal(1)));
            BigInteger total = BigInteger.ZERO;
            for (BigInteger v : f.numerators().values()) total = total.add(v.abs());
            BoolExpr grows = ctx.mkGe(ctx.mkSub(next, here), num(ctx, f.denominator()));
            BoolExpr atMost = ctx.mkLe(here, ctx.mkMul(num(ctx, total), l));
            s.add(ctx.mkNot(ctx.mkAnd(grows, atMost)));
            return s.check() == Status.UNSATISFIABLE;
        }
    }

    /**
     * The region of {@link #provesAtMostEveryN}: n >= 4, n <= M <= 2n, 2 <= L, 2L <= M, L^2 <= M + 1 (every integer
     * n >= 4 with L = ceil(log2 n) and M = 2^L lies in it).
     */
    private static BoolExpr[] everyNRegion(Context ctx, RealExpr n, RealExpr l, RealExpr m) {
        return new BoolExpr[] {ctx.mkGe(n, ctx.mkReal(4)), ctx.mkLe(n, m), ctx.mkLe(m, ctx.mkMul(ctx.mkReal(2), n)), ctx.mkGe(l, ctx.mkReal(2)),
                ctx.mkLe(ctx.mkMul(ctx.mkReal(2), l), m), ctx.mkLe(ctx.mkMul(l, l), ctx.mkAdd(m, ctx.mkReal(1)))};
    }

    /** {@code scale} times b's numerators' sum over n, L, M (b's value times its denominator, times scale). */
    @SuppressWarnings("unchecked")
    private static ArithExpr<RealSort> terms(Context ctx, Poly b, BigInteger scale, RealExpr n, RealExpr l, RealExpr m) {
        List<ArithExpr<RealSort>> terms = new ArrayList<>();
        for (Map.Entry<Poly.Term, BigInteger> e : b.numerators().entrySet()) {
            Poly.Term t = e.getKey();
            terms.add(ctx.mkMul(num(ctx, e.getValue().multiply(scale)), pow(ctx, n, t.a()), pow(ctx, l, t.b()), pow(ctx, m, t.c())));
        }
        return terms.isEmpty() ? ctx.mkReal(0) : ctx.mkAdd(terms.toArray(new ArithExpr[0]));
    }

    private static Solver solver(Context ctx) {
        Solver s = ctx.mkSolver(ctx.mkTactic("qfnra-nlsat"));
        Params p = ctx.mkParams();
        p.add("timeout", TIMEOUT_MS);
        s.setParameters(p);
        return s;
    }

    private static BoolExpr[] domain(Context ctx, RealExpr n, RealExpr l) {
        return new BoolExpr[] {ctx.mkGe(n, ctx.mkReal(4)), ctx.mkGe(l, ctx.mkReal(2)), ctx.mkLe(ctx.mkMul(ctx.mkReal(2), l), n),
            ctx.mkLe(ctx.mkMul(l, l), ctx.mkAdd(n, ctx.mkReal(1)))};
    }

    /** denominator * f(n, L) as a Z3 term. */
    static ArithExpr<RealSort> scaled(Context ctx, Formula f, ArithExpr<RealSort> n, ArithExpr<RealSort> l) {
        List<ArithExpr<RealSort>> terms = new ArrayList<>();
        for (Map.Entry<Monomial, BigInteger> e : f.numerators().entrySet()) {
            terms.add(ctx.mkMul(num(ctx, e.getValue()), pow(ctx, n, e.getKey().a()), pow(ctx, l, e.getKey().b())));
        }
        if (terms.isEmpty()) return ctx.mkReal(0);
        @SuppressWarnings("unchecked")
        ArithExpr<RealSort>[] a = terms.toArray(new ArithExpr[0]);
        return ctx.mkAdd(a);
    }

    private static ArithExpr<RealSort> pow(Context ctx, ArithExpr<RealSort> x, int k) {
        ArithExpr<RealSort> r = ctx.mkReal(1);
        for (int i = 0; i < k; i++) r = ctx.mkMul(r, x);
        return r;
    }

    private static ArithExpr<RealSort> num(Context ctx, BigInteger v) {
        return ctx.mkReal(v.toString());
    }
}
