package tc0.proofs.symbolic;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.RealExpr;
import com.microsoft.z3.RealSort;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.ToLongBiFunction;
import tc0.compiler.gadgets.Compare;
import tc0.compiler.gadgets.MaxArgmax;
import tc0.compiler.gadgets.Select;

/**
 * The gadget shapes proved where a gadget's gates have a closed form that is a polynomial in m and w: Z3 proves
 * {@code gates(m, w) <= c * shape(m, w)} for every real m >= mMin, w >= 1 (so for every integer width and length),
 * the closed form as the gadget's source writes it, re-typed for the solver ({@link Case#solver}; a test compares
 * it with the gadget's own closedCost on a grid, and ClosedCostTest compares closedCost with the built gadget).
 * Where the closed form is no polynomial (column compression goes by column heights, tables by change points)
 * the shape stays checked on the counts ({@link Decomposition}).
 */
public final class GadgetBounds {
    /** Per solver call. */
    static final int TIMEOUT_MS = 10_000;

    /**
     * One gadget: its name, the shape it is bounded by, the constant, the least m its closed form holds for, the
     * gates from the gadget's closedCost, and the same as a solver term over m and w.
     */
    public record Case(String gadget, GadgetShape shape, int c, int mMin, ToLongBiFunction<Long, Integer> gates,
            BiFunction<Context, ArithExpr<RealSort>[], ArithExpr<RealSort>> solver) {}

    /** The cases: each closed form copied from the gadget's javadoc and code. */
    public static final List<Case> CASES = List.of(
            new Case("MaxArgmax.max: m(m-1)/2 + m w + w", GadgetShape.MAXIMUM, 2, 2, (m, w) -> MaxArgmax.closedCostMax(m, w).gates(),
                    (ctx, v) -> ctx.mkAdd(half(ctx, ctx.mkMul(v[0], ctx.mkSub(v[0], ctx.mkReal(1)))), ctx.mkMul(v[0], v[1]), v[1])),
            new Case("MaxArgmax.argmaxOneHot: m(m-1)/2 + m", GadgetShape.MAXIMUM, 1, 3, (m, w) -> MaxArgmax.closedCostArgmaxOneHot(m, w).gates(),
                    (ctx, v) -> ctx.mkAdd(half(ctx, ctx.mkMul(v[0], ctx.mkSub(v[0], ctx.mkReal(1)))), v[0])),
            new Case("Select.mux: 3 w", GadgetShape.LINEAR, 3, 1, (m, w) -> Select.closedCostMux(w).gates(), (ctx, v) -> ctx.mkMul(ctx.mkReal(3), v[1])),
            new Case("Compare.geq: 1", GadgetShape.LINEAR, 1, 1, (m, w) -> Compare.closedCostGeq(w, w).gates(), (ctx, v) -> ctx.mkReal(1)),
            new Case("Compare.eq: 3", GadgetShape.LINEAR, 3, 1, (m, w) -> Compare.closedCostEq(w, w).gates(), (ctx, v) -> ctx.mkReal(3)));

    private GadgetBounds() {}

    /** Empty where Z3 proves the case's bound for every m >= mMin, w >= 1; else a counterexample "m = .., w = ..". */
    public static Optional<String> counterexample(Case k) {
        return counterexample(k, k.c(), k.shape());
    }

    /** The same with another constant or shape (a mutation must give a counterexample). */
    @SuppressWarnings("unchecked")
    public static Optional<String> counterexample(Case k, int c, GadgetShape shape) {
        try (Context ctx = new Context()) {
            RealExpr m = ctx.mkRealConst("m"), w = ctx.mkRealConst("w");
            Solver s = ctx.mkSolver(ctx.mkTactic("qfnra-nlsat"));
            Params p = ctx.mkParams();
            p.add("timeout", TIMEOUT_MS);
            s.setParameters(p);
            s.add(ctx.mkGe(m, ctx.mkReal(k.mMin())), ctx.mkGe(w, ctx.mkReal(1)));
            ArithExpr<RealSort> shapeTerm = shape(ctx, shape, m, w);
            s.add(ctx.mkGt(k.solver().apply(ctx, new ArithExpr[] {m, w}), ctx.mkMul(ctx.mkReal(c), shapeTerm)));
            Status st = s.check();
            if (st == Status.UNSATISFIABLE) return Optional.empty();
            if (st != Status.SATISFIABLE) return Optional.of("unknown (" + s.getReasonUnknown() + ")");
            Model model = s.getModel();
            return Optional.of("m = " + model.eval(m, true) + ", w = " + model.eval(w, true));
        }
    }

    /** The shape over m and w as a solver term; T (a table's entries) has no closed form here. */
    private static ArithExpr<RealSort> shape(Context ctx, GadgetShape shape, ArithExpr<RealSort> m, ArithExpr<RealSort> w) {
        return switch (shape) {
            case LINEAR -> w;
            case QUADRATIC -> ctx.mkMul(w, w);
            case CUBIC -> ctx.mkMul(w, w, w);
            case DOT -> ctx.mkMul(m, w, w);
            case SUM -> ctx.mkAdd(ctx.mkMul(m, w), ctx.mkMul(w, w));
            case MAXIMUM -> ctx.mkAdd(ctx.mkMul(m, m), ctx.mkMul(m, w));
            default -> throw new IllegalArgumentException(shape + " has a table term: no closed form over m and w");
        };
    }

    private static ArithExpr<RealSort> half(Context ctx, ArithExpr<RealSort> x) {
        return ctx.mkDiv(x, ctx.mkReal(2));
    }
}
