package tc0.dsl.ast;

import java.util.List;
import java.util.Objects;

/**
 * A size expression: integers, size names (model parameters, loop variables, a function's size
 * names), {@code + - * / ^}, {@code log2}, {@code min}, {@code max}. Sizes are integers;
 * {@code /} divides rounding down and {@code log2(x)} is the ceiling of log2 x (x >= 1).
 */
public sealed interface SizeExpr {
    Pos pos();

    /** An integer literal. */
    record Lit(long value, Pos pos) implements SizeExpr {
        public Lit {
            Objects.requireNonNull(pos);
        }
    }

    /** A size name. */
    record Sym(String name, Pos pos) implements SizeExpr {
        public Sym {
            Objects.requireNonNull(name);
            Objects.requireNonNull(pos);
        }
    }

    /** Unary minus. */
    record Neg(SizeExpr operand, Pos pos) implements SizeExpr {
        public Neg {
            Objects.requireNonNull(operand);
            Objects.requireNonNull(pos);
        }
    }

    /** A binary operation. */
    record Bin(SizeOp op, SizeExpr left, SizeExpr right, Pos pos) implements SizeExpr {
        public Bin {
            Objects.requireNonNull(op);
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
            Objects.requireNonNull(pos);
        }
    }

    /** {@code log2(x)}, {@code min(a, b)} or {@code max(a, b)}. */
    record Fn(SizeFn fn, List<SizeExpr> args, Pos pos) implements SizeExpr {
        public Fn {
            Objects.requireNonNull(fn);
            args = List.copyOf(args);
            if (args.size() != fn.arity()) {
                throw new IllegalArgumentException(fn.text() + " takes " + fn.arity() + " arguments");
            }
            Objects.requireNonNull(pos);
        }
    }

    /** The binary operators of size expressions. */
    enum SizeOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("^");

        private final String text;

        SizeOp(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** The functions of size expressions. */
    enum SizeFn {
        LOG2("log2", 1), MIN("min", 2), MAX("max", 2);

        private final String text;
        private final int arity;

        SizeFn(String text, int arity) {
            this.text = text;
            this.arity = arity;
        }

        public String text() {
            return text;
        }

        public int arity() {
            return arity;
        }

        /** The function called {@code name}, or null. */
        public static SizeFn named(String name) {
            for (SizeFn f : values()) {
                if (f.text.equals(name)) {
                    return f;
                }
            }
            return null;
        }
    }
}
