package tc0.dsl.ast;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A value expression: tensors and scalar constants. Calls name a built-in ({@link tc0.dsl.check.Builtin})
 * or a function; which one is decided by the checker.
 */
public sealed interface Expr {
    Pos pos();

    /** A number literal (integer or decimal), a scalar constant. */
    record Num(BigDecimal value, Pos pos) implements Expr {
        public Num {
            Objects.requireNonNull(value);
            Objects.requireNonNull(pos);
        }
    }

    /** A name: a tensor binding, or a size (parameter, loop variable), or a scalar let. */
    record Ref(String name, Pos pos) implements Expr {
        public Ref {
            Objects.requireNonNull(name);
            Objects.requireNonNull(pos);
        }
    }

    /** Unary minus. */
    record Neg(Expr operand, Pos pos) implements Expr {
        public Neg {
            Objects.requireNonNull(operand);
            Objects.requireNonNull(pos);
        }
    }

    /** A binary operation: elementwise {@code + - *}, division by a scalar, scalar power, matrix product. */
    record Binary(BinOp op, Expr left, Expr right, Pos pos) implements Expr {
        public Binary {
            Objects.requireNonNull(op);
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
            Objects.requireNonNull(pos);
        }
    }

    /** Slicing {@code X[0:k, :]}: one item per axis. */
    record Slice(Expr target, List<SliceItem> items, Pos pos) implements Expr {
        public Slice {
            Objects.requireNonNull(target);
            items = List.copyOf(items);
            if (items.isEmpty()) {
                throw new IllegalArgumentException("a slice has at least one item");
            }
            Objects.requireNonNull(pos);
        }
    }

    /** A shape given as an argument: {@code reshape(X, [n, 2*d])}, {@code upsample(X, to: [h, w], ...)}. */
    record ShapeLit(Shape shape, Pos pos) implements Expr {
        public ShapeLit {
            Objects.requireNonNull(shape);
            Objects.requireNonNull(pos);
        }
    }

    /** A string literal (only meaningful in {@code load("w.npy")}). */
    record Str(String value, Pos pos) implements Expr {
        public Str {
            Objects.requireNonNull(value);
            Objects.requireNonNull(pos);
        }
    }

    /** A call of a built-in or a function, with positional then named arguments. */
    record Call(String callee, List<Expr> args, List<NamedArg> named, Pos pos) implements Expr {
        public Call {
            Objects.requireNonNull(callee);
            args = List.copyOf(args);
            named = List.copyOf(named);
            Objects.requireNonNull(pos);
        }

        /** The named argument {@code name:}, if given. */
        public Optional<Expr> namedArg(String name) {
            return named.stream().filter(a -> a.name().equals(name)).map(NamedArg::value).findFirst();
        }
    }

    /**
     * {@code for h in from .. to { body }}: the body's value for each h, from {@code from} to {@code to - 1}; only
     * as the argument of {@code concat}, which joins the pieces along its axis (multi-head attention's heads).
     */
    record For(String var, SizeExpr from, SizeExpr to, Expr body, Pos pos) implements Expr {
        public For {
            Objects.requireNonNull(var);
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            Objects.requireNonNull(body);
            Objects.requireNonNull(pos);
        }
    }

    /** {@code name: value} in a call. */
    record NamedArg(String name, Expr value, Pos pos) {
        public NamedArg {
            Objects.requireNonNull(name);
            Objects.requireNonNull(value);
            Objects.requireNonNull(pos);
        }
    }

    /** One axis of a slice. */
    sealed interface SliceItem {
        Pos pos();

        /** {@code :}, the whole axis. */
        record All(Pos pos) implements SliceItem {
            public All {
                Objects.requireNonNull(pos);
            }
        }

        /** {@code a:b}, {@code a:} or {@code :b}: indices a (default 0) up to b (default the axis size), b excluded. */
        record Range(Optional<SizeExpr> from, Optional<SizeExpr> to, Pos pos) implements SliceItem {
            public Range {
                Objects.requireNonNull(from);
                Objects.requireNonNull(to);
                Objects.requireNonNull(pos);
            }
        }

        /** {@code i}: the single index i; the axis is kept with size 1. */
        record Index(SizeExpr at, Pos pos) implements SliceItem {
            public Index {
                Objects.requireNonNull(at);
                Objects.requireNonNull(pos);
            }
        }
    }

    /** Binary operators of value expressions, by precedence: {@code ^} over {@code * / @} over {@code + -}. */
    enum BinOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MATMUL("@"), POW("^");

        private final String text;

        BinOp(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
