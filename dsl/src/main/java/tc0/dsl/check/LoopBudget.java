package tc0.dsl.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc0.dsl.Diagnostics;
import tc0.dsl.ast.Expr;
import tc0.dsl.ast.Pos;
import tc0.dsl.ast.SizeEvalException;
import tc0.dsl.ast.SizeExpr;
import tc0.dsl.ast.SizeExprs;
import tc0.dsl.ast.Stmt;

/**
 * Counts the iterations the model body's loops unroll to, before any of them is visited (loop statements and
 * loop expressions, {@code concat(for h in ..)}, alike): each loop's range
 * times what its body unrolls to, nested loops multiplied, with the parameter values. A loop whose inner
 * bounds use its variable is counted iteration by iteration, stopping as soon as the total passes the limit,
 * so the estimate itself takes at most about {@code limit} steps. Bad bounds count as 0 (they are reported by
 * the per-loop checks).
 */
final class LoopBudget {
    private final Diagnostics diagnostics;
    private final long limit;

    LoopBudget(Diagnostics diagnostics, long limit) {
        this.diagnostics = diagnostics;
        this.limit = limit;
    }

    /** Whether the body's loops unroll to at most the limit; if not, reports the loop at which the total passes it. */
    boolean fits(List<Stmt> body, Map<String, Long> values) {
        long total = 0;
        for (Stmt s : body) {
            if (!(s instanceof Stmt.For)) {
                Expr.For at = firstLoopExpr(s);
                long here = at == null ? 0 : exprLoops(statementExpr(s), values);
                total = plus(total, here);
                if (total > limit) {
                    return tooMany(at.pos(), at.var(), here, total, at.to(), values);
                }
            }
            if (s instanceof Stmt.For f) {
                long here = loop(f, values);
                total = plus(total, here);
                if (total > limit) {
                    return tooMany(f.pos(), f.var(), here, total, f.to(), values);
                }
            }
        }
        return true;
    }

    /** Reports the loop at which the total passes the limit; false. */
    private boolean tooMany(Pos pos, String var, long here, long total, SizeExpr to, Map<String, Long> values) {
        diagnostics.error(pos, "loop '" + var + "' and the loops inside it unroll to at least "
                + (here == Long.MAX_VALUE ? "2^63" : here) + " iterations"
                + (total != here ? " (" + (total == Long.MAX_VALUE ? "2^63" : total) + " with the loops before it)" : "")
                + ConcreteChecker.where(to, values) + "; at most " + limit
                + " unrolled iterations are allowed in all; lower the loop bounds or the parameters");
        return false;
    }

    /** A loop's bounds {lo, hi} for the values; null when it runs no time or a bound has no value (reported elsewhere). */
    private static long[] range(SizeExpr from, SizeExpr to, Map<String, Long> env) {
        try {
            long lo = SizeExprs.eval(from, env), hi = SizeExprs.eval(to, env);
            return hi <= lo ? null : new long[] {lo, hi};
        } catch (SizeEvalException e) {
            return null;
        }
    }

    /** The iterations of {@code f} and of every loop inside it, saturated just past the limit. */
    private long loop(Stmt.For f, Map<String, Long> env) {
        long[] range = range(f.from(), f.to(), env);
        if (range == null) {
            return 0;
        }
        long lo = range[0], hi = range[1];
        long runs = hi - lo < 0 ? Long.MAX_VALUE : hi - lo;
        Map<String, Long> inner = new HashMap<>(env);
        if (!innerBoundsUse(f.body(), f.var())) {
            inner.put(f.var(), lo);
            return times(runs, plus(1, body(f.body(), inner)));
        }
        long total = 0;
        for (long v = lo; v < hi && total <= limit; v++) {
            inner.put(f.var(), v);
            total = plus(total, plus(1, body(f.body(), inner)));
        }
        return total > limit ? Math.max(total, runs) : total;
    }

    private long body(List<Stmt> body, Map<String, Long> env) {
        long total = 0;
        for (Stmt s : body) {
            total = plus(total, s instanceof Stmt.For f ? loop(f, env) : exprLoops(statementExpr(s), env));
            if (total > limit) {
                return total;
            }
        }
        return total;
    }

    /** The expression a statement computes, if any: where a loop expression ({@code concat(for ...)}) can stand. */
    private static Expr statementExpr(Stmt s) {
        return switch (s) {
            case Stmt.Let l -> l.value();
            case Stmt.Assign a -> a.value();
            case Stmt.Output o -> o.value().orElse(null);
            case Stmt.Return r -> r.value();
            default -> null;
        };
    }

    private static Expr.For firstLoopExpr(Stmt s) {
        return firstLoopExpr(statementExpr(s));
    }

    private static Expr.For firstLoopExpr(Expr e) {
        if (e == null) return null;
        if (e instanceof Expr.For f) return f;
        for (Expr child : children(e)) {
            Expr.For f = firstLoopExpr(child);
            if (f != null) return f;
        }
        return null;
    }

    /** The iterations of every loop expression in {@code e} and inside their bodies, saturated just past the limit. */
    private long exprLoops(Expr e, Map<String, Long> env) {
        if (e == null) return 0;
        if (e instanceof Expr.For f) {
            long[] range = range(f.from(), f.to(), env);
            if (range == null) return 0;
            long lo = range[0], hi = range[1];
            Map<String, Long> inner = new HashMap<>(env);
            long total = 0;
            for (long v = lo; v < hi && total <= limit; v++) {
                inner.put(f.var(), v);
                total = plus(total, plus(1, exprLoops(f.body(), inner)));
            }
            return total > limit ? Math.max(total, hi - lo < 0 ? Long.MAX_VALUE : hi - lo) : total;
        }
        long total = 0;
        for (Expr child : children(e)) {
            total = plus(total, exprLoops(child, env));
            if (total > limit) return total;
        }
        return total;
    }

    private static List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.Neg n -> List.of(n.operand());
            case Expr.Binary b -> List.of(b.left(), b.right());
            case Expr.Slice sl -> List.of(sl.target());
            case Expr.Call c -> {
                List<Expr> all = new java.util.ArrayList<>(c.args());
                for (Expr.NamedArg a : c.named()) all.add(a.value());
                yield all;
            }
            case Expr.For f -> List.of(f.body());
            default -> List.of();
        };
    }

    /** Whether a loop nested in {@code body} has a bound that uses {@code var}. */
    private static boolean innerBoundsUse(List<Stmt> body, String var) {
        for (Stmt s : body) {
            if (s instanceof Stmt.For f && (SizeExprs.names(f.from()).contains(var) || SizeExprs.names(f.to()).contains(var)
                    || innerBoundsUse(f.body(), var))) {
                return true;
            }
        }
        return false;
    }

    static long plus(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    /** {@code a * b} for non-negative operands, saturated at {@code Long.MAX_VALUE}. */
    static long times(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
