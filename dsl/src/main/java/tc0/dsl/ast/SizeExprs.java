package tc0.dsl.ast;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** Operations on size expressions: conversion from value expressions, substitution, free names, evaluation. */
public final class SizeExprs {
    private SizeExprs() {}

    /**
     * The size expression {@code e} denotes; a part that is not a size (a decimal, a matrix product, a
     * call other than log2/min/max, ...) is reported to {@code bad} once and read as 0.
     */
    public static SizeExpr fromExpr(Expr e, BiConsumer<Expr, String> bad) {
        return switch (e) {
            case Expr.Num n -> literal(n, bad);
            case Expr.Ref r -> new SizeExpr.Sym(r.name(), r.pos());
            case Expr.Neg n -> new SizeExpr.Neg(fromExpr(n.operand(), bad), n.pos());
            case Expr.Binary b -> binary(b, bad);
            case Expr.Call c -> call(c, bad);
            case Expr.Slice s -> notSize(s, bad);
            case Expr.ShapeLit s -> notSize(s, bad);
            case Expr.Str s -> notSize(s, bad);
            case Expr.For f -> notSize(f, bad);
        };
    }

    private static SizeExpr literal(Expr.Num n, BiConsumer<Expr, String> bad) {
        try {
            return new SizeExpr.Lit(n.value().longValueExact(), n.pos());
        } catch (ArithmeticException ex) {
            bad.accept(n, n.value().scale() > 0 ? "expected a size (an integer expression), found "
                    + n.value().toPlainString() : "integer " + n.value().toPlainString() + " is too large");
            return new SizeExpr.Lit(0, n.pos());
        }
    }

    private static SizeExpr binary(Expr.Binary b, BiConsumer<Expr, String> bad) {
        SizeExpr.SizeOp op = switch (b.op()) {
            case ADD -> SizeExpr.SizeOp.ADD;
            case SUB -> SizeExpr.SizeOp.SUB;
            case MUL -> SizeExpr.SizeOp.MUL;
            case DIV -> SizeExpr.SizeOp.DIV;
            case POW -> SizeExpr.SizeOp.POW;
            case MATMUL -> null;
        };
        if (op == null) {
            return notSize(b, bad);
        }
        return new SizeExpr.Bin(op, fromExpr(b.left(), bad), fromExpr(b.right(), bad), b.pos());
    }

    private static SizeExpr call(Expr.Call c, BiConsumer<Expr, String> bad) {
        SizeExpr.SizeFn fn = SizeExpr.SizeFn.named(c.callee());
        if (fn == null || !c.named().isEmpty() || c.args().size() != fn.arity()) {
            return notSize(c, bad);
        }
        List<SizeExpr> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(fromExpr(a, bad));
        }
        return new SizeExpr.Fn(fn, args, c.pos());
    }

    private static SizeExpr notSize(Expr e, BiConsumer<Expr, String> bad) {
        bad.accept(e, "expected a size (an integer expression of parameters), found '" + Printer.expr(e) + "'");
        return new SizeExpr.Lit(0, e.pos());
    }

    /** {@code e} with each name in {@code env} replaced by its expression. */
    public static SizeExpr substitute(SizeExpr e, Map<String, SizeExpr> env) {
        return switch (e) {
            case SizeExpr.Lit l -> l;
            case SizeExpr.Sym s -> env.getOrDefault(s.name(), s);
            case SizeExpr.Neg n -> new SizeExpr.Neg(substitute(n.operand(), env), n.pos());
            case SizeExpr.Bin b -> new SizeExpr.Bin(b.op(), substitute(b.left(), env), substitute(b.right(), env), b.pos());
            case SizeExpr.Fn f -> new SizeExpr.Fn(f.fn(), f.args().stream().map(a -> substitute(a, env)).toList(), f.pos());
        };
    }

    /** {@code s} with each name in {@code env} replaced. */
    public static Shape substitute(Shape s, Map<String, SizeExpr> env) {
        return new Shape(s.dims().stream().map(d -> substitute(d, env)).toList(), s.pos());
    }

    /** The names {@code e} mentions, in order of first appearance. */
    public static Set<String> names(SizeExpr e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(SizeExpr e, Set<String> out) {
        switch (e) {
            case SizeExpr.Lit l -> { }
            case SizeExpr.Sym s -> out.add(s.name());
            case SizeExpr.Neg n -> collect(n.operand(), out);
            case SizeExpr.Bin b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
            case SizeExpr.Fn f -> f.args().forEach(a -> collect(a, out));
        }
    }

    /**
     * The value of {@code e} for the sizes in {@code env}. Integer arithmetic: {@code /} rounds down,
     * {@code log2(x)} is the ceiling of log2 x.
     *
     * @throws SizeEvalException at the offending node: an unknown name, division by zero, log2 of a
     *     value below 1, a negative exponent, or overflow of 64-bit integers
     */
    public static long eval(SizeExpr e, Map<String, Long> env) {
        return switch (e) {
            case SizeExpr.Lit l -> l.value();
            case SizeExpr.Sym s -> {
                Long v = env.get(s.name());
                if (v == null) {
                    throw new SizeEvalException(s.pos(), "size '" + s.name() + "' has no value");
                }
                yield v;
            }
            case SizeExpr.Neg n -> exact(n, () -> Math.negateExact(eval(n.operand(), env)));
            case SizeExpr.Bin b -> bin(b, eval(b.left(), env), eval(b.right(), env));
            case SizeExpr.Fn f -> fn(f, f.args().stream().map(a -> eval(a, env)).toList());
        };
    }

    /**
     * The value of an asserted bound: as {@link #eval}, except that a bound too large for 64 bits is
     * {@code Long.MAX_VALUE}. Gate and wire counts are longs, so no count can pass such a bound: the
     * assertion holds trivially, which is what a bound like {@code 100000 * n^4} at n = 4096 means.
     */
    public static long evalBound(SizeExpr e, Map<String, Long> env) {
        try {
            return eval(e, env);
        } catch (SizeEvalException ex) {
            if (ex.overflow()) return Long.MAX_VALUE;
            throw ex;
        }
    }

    private static long bin(SizeExpr.Bin b, long l, long r) {
        return switch (b.op()) {
            case ADD -> exact(b, () -> Math.addExact(l, r));
            case SUB -> exact(b, () -> Math.subtractExact(l, r));
            case MUL -> exact(b, () -> Math.multiplyExact(l, r));
            case DIV -> {
                if (r == 0) {
                    throw new SizeEvalException(b.pos(), "division by zero in " + Printer.size(b));
                }
                yield Math.floorDiv(l, r);
            }
            case POW -> pow(b, l, r);
        };
    }

    private static long pow(SizeExpr.Bin b, long base, long exp) {
        if (exp < 0) {
            throw new SizeEvalException(b.pos(), "negative exponent in " + Printer.size(b));
        }
        if (base == -1) {
            return exp % 2 == 0 ? 1 : -1;
        }
        long result = 1;
        for (long i = 0; i < exp; i++) {
            long acc = result;
            result = exact(b, () -> Math.multiplyExact(acc, base));
            if (result == 0 || result == 1 && base == 1) {
                return result;
            }
        }
        return result;
    }

    private static long fn(SizeExpr.Fn f, List<Long> args) {
        return switch (f.fn()) {
            case LOG2 -> {
                long x = args.getFirst();
                if (x < 1) {
                    throw new SizeEvalException(f.pos(), "log2 of " + x + " (needs a value >= 1)");
                }
                yield 64 - Long.numberOfLeadingZeros(x - 1);
            }
            case MIN -> Math.min(args.get(0), args.get(1));
            case MAX -> Math.max(args.get(0), args.get(1));
        };
    }

    private static long exact(SizeExpr at, java.util.function.LongSupplier op) {
        try {
            return op.getAsLong();
        } catch (ArithmeticException ex) {
            throw new SizeEvalException(at.pos(), "size " + Printer.size(at) + " overflows 64-bit integers", true);
        }
    }
}
