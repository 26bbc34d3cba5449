package tc0.compiler.elaborate;

import java.util.Map;
import java.util.stream.Collectors;
import tc0.compiler.ir.Op;
import tc0.dsl.ast.Expr;

/**
 * Scalar constants (numbers, sizes and arithmetic of them) are doubles while elaborating. A value that is no
 * number (division by 0, recip(0), sqrt of a negative, exp past a double) is refused at the expression that
 * made it, with one positioned line, instead of turning into an infinite or NaN coefficient later.
 */
final class Constants {
    private Constants() {}

    /** {@code f(x)} of a constant, or an error at {@code call} when it has no finite value. */
    static double function(Op.Function f, double x, Expr.Call call, AstToTensorIr.Frame fr) {
        String arg = show(x) + where(call.args().getFirst(), fr.sizes());
        if (f == Op.Function.RECIP && x == 0) {
            throw AstToTensorIr.error(fr.file(), call.pos(), "recip of the constant 0" + where(call.args().getFirst(), fr.sizes())
                    + " has no value; divide by a nonzero constant");
        }
        if (f == Op.Function.RSQRT && x <= 0) {
            throw AstToTensorIr.error(fr.file(), call.pos(), "rsqrt of the constant " + arg
                    + " has no real value; take rsqrt of a constant > 0");
        }
        if (f == Op.Function.SQRT && x < 0) {
            throw AstToTensorIr.error(fr.file(), call.pos(), "sqrt of the negative constant " + arg
                    + " has no real value; take sqrt of a constant >= 0");
        }
        double v = BuiltinsToIr.scalarFunction(f, x);
        if (!Double.isFinite(v)) {
            throw AstToTensorIr.error(fr.file(), call.pos(), call.callee() + " of the constant " + arg
                    + " is past what a constant can hold (about 1.8e308); use a smaller argument");
        }
        return v;
    }

    /** {@code v}, the value of the scalar expression {@code e}, when it is a finite number; else an error at {@code e}. */
    static double finite(double v, Expr.Binary e, AstToTensorIr.Frame fr) {
        if (!Double.isFinite(v)) {
            throw AstToTensorIr.error(fr.file(), e.pos(), "the constant '" + tc0.dsl.ast.Printer.expr(e) + "'"
                    + where(e, fr.sizes()) + " is " + (Double.isNaN(v) ? "not a number" : "past what a constant can hold (about 1.8e308)")
                    + "; use smaller constants");
        }
        return v;
    }

    /** A constant for messages: integers without a fraction, others as Java prints them. */
    static String show(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** {@code " (n = 4)"}: the values of the sizes an expression uses, for messages; empty for literals. */
    static String where(Expr e, Map<String, Long> sizes) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        collect(e, names);
        String s = names.stream().filter(sizes::containsKey).map(n -> n + " = " + sizes.get(n)).collect(Collectors.joining(", "));
        return s.isEmpty() ? "" : " (" + s + ")";
    }

    private static void collect(Expr e, java.util.Set<String> out) {
        switch (e) {
            case Expr.Ref r -> out.add(r.name());
            case Expr.Neg n -> collect(n.operand(), out);
            case Expr.Binary b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
            case Expr.Call c -> c.args().forEach(a -> collect(a, out));
            default -> { }
        }
    }
}
