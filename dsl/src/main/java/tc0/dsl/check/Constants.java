package tc0.dsl.check;

import java.math.BigDecimal;
import tc0.dsl.Diagnostics;
import tc0.dsl.ast.Expr;
import tc0.dsl.ast.Printer;

/**
 * Scalar constants made of number literals alone ({@code 1 / 0}, {@code recip(0)}, {@code sqrt(-2)},
 * {@code exp(1000)}): their values are known from the spec, so the checker refuses those that have none,
 * with the wording the elaborator uses for constants that also involve sizes. Values are doubles, as the
 * elaborator computes them.
 */
final class Constants {
    /** Past this no fixed-point word holds a literal: words have at most {@value PrecisionChecker#MAX_WIDTH} bits. */
    private static final BigDecimal LARGEST = new BigDecimal(BigDecimal.valueOf(2).pow(63).toBigInteger());

    private final Diagnostics diagnostics;

    Constants(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** A literal past 2^63 is refused: no format holds it (and a double would not hold 300 digits exactly). */
    void literal(Expr.Num n) {
        if (n.value().abs().compareTo(LARGEST) >= 0) {
            String digits = n.value().toPlainString();
            diagnostics.error(n.pos(), "the literal " + (digits.length() > 24 ? digits.substring(0, 12) + "... ("
                    + digits.length() + " digits)" : digits) + " is past 2^63; no format holds it (a word has at most "
                    + PrecisionChecker.MAX_WIDTH + " bits); use a smaller constant");
        }
    }

    /** {@code a / b} with {@code b} the constant 0 is refused at the division. */
    void division(Expr.Binary b) {
        Double d = value(b.right());
        if (d != null && d == 0) {
            diagnostics.error(b.pos(), "division by the constant 0; divide by a nonzero constant");
        }
    }

    /** recip, sqrt, exp and the other functions of a constant that has no finite value are refused at the call. */
    void function(Builtin f, Expr.Call c) {
        Double x = value(c.args().getFirst());
        if (x == null || !Double.isFinite(x)) {
            return;
        }
        String arg = show(x);
        if (f == Builtin.RECIP && x == 0) {
            diagnostics.error(c.pos(), "recip of the constant 0 has no value; divide by a nonzero constant");
        } else if (f == Builtin.RSQRT && x <= 0) {
            diagnostics.error(c.pos(), "rsqrt of the constant " + arg + " has no real value; take rsqrt of a constant > 0");
        } else if (f == Builtin.SQRT && x < 0) {
            diagnostics.error(c.pos(), "sqrt of the negative constant " + arg + " has no real value; take sqrt of a constant >= 0");
        } else if (f == Builtin.EXP && !Double.isFinite(StrictMath.exp(x))) {
            diagnostics.error(c.pos(), "exp of the constant " + arg
                    + " is past what a constant can hold (about 1.8e308); use a smaller argument");
        }
    }

    /** Arithmetic of finite constants whose result is not finite ({@code 2 ^ 5000}) is refused at the operator. */
    void arithmetic(Expr.Binary b) {
        Double l = value(b.left()), r = value(b.right());
        Double v = value(b);
        if (l != null && r != null && Double.isFinite(l) && Double.isFinite(r) && v != null && !Double.isFinite(v)
                && !(b.op() == Expr.BinOp.DIV && r == 0)) {
            diagnostics.error(b.pos(), "the constant '" + Printer.expr(b) + "' is "
                    + (Double.isNaN(v) ? "not a number" : "past what a constant can hold (about 1.8e308)") + "; use smaller constants");
        }
    }

    /** The value of an expression of literals alone, as the elaborator computes it; null when it has names or tensors. */
    static Double value(Expr e) {
        return switch (e) {
            case Expr.Num n -> n.value().doubleValue();
            case Expr.Neg n -> {
                Double v = value(n.operand());
                yield v == null ? null : -v;
            }
            case Expr.Binary b -> {
                Double l = value(b.left()), r = value(b.right());
                if (l == null || r == null) yield null;
                yield switch (b.op()) {
                    case ADD -> l + r;
                    case SUB -> l - r;
                    case MUL -> l * r;
                    case DIV -> l / r;
                    case POW -> StrictMath.pow(l, r);
                    case MATMUL -> null;
                };
            }
            case Expr.Call c -> call(c);
            default -> null;
        };
    }

    private static Double call(Expr.Call c) {
        Builtin b = Builtin.named(c.callee());
        if (b == null || c.args().size() != 1 || !c.named().isEmpty()) {
            return null;
        }
        Double x = value(c.args().getFirst());
        if (x == null) {
            return null;
        }
        return switch (b) {
            case EXP -> StrictMath.exp(x);
            case SQRT -> x < 0 ? Double.NaN : StrictMath.sqrt(x);
            case RECIP -> 1 / x;
            case RSQRT -> x <= 0 ? Double.NaN : 1 / StrictMath.sqrt(x);
            case SIN -> StrictMath.sin(x);
            case COS -> StrictMath.cos(x);
            case TANH -> StrictMath.tanh(x);
            case ABS -> Math.abs(x);
            case RELU -> Math.max(x, 0);
            default -> null; // gelu, silu, ... of a finite constant are finite; their exact values do not matter here
        };
    }

    private static String show(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
