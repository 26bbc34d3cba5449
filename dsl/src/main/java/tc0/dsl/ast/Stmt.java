package tc0.dsl.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A statement of a model or function body. */
public sealed interface Stmt {
    Pos pos();

    /** {@code input X: [n, d];} or {@code input A: [n, n] bit;} (model top level only). */
    record Input(String name, Shape shape, ElemKind kind, Pos pos) implements Stmt {
        public Input {
            Objects.requireNonNull(name);
            Objects.requireNonNull(shape);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(pos);
        }
    }

    /**
     * {@code weight W: [d, d] = random(seed: 1);} Inside a function or loop body every call and every
     * iteration owns a distinct tensor.
     */
    record Weight(String name, Shape shape, ElemKind kind, Init init, Pos pos) implements Stmt {
        public Weight {
            Objects.requireNonNull(name);
            Objects.requireNonNull(shape);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(init);
            Objects.requireNonNull(pos);
        }
    }

    /** {@code let H = expr;} or {@code let H: [n, d] = expr;}: introduces a name. */
    record Let(String name, Optional<Shape> declared, Expr value, Pos pos) implements Stmt {
        public Let {
            Objects.requireNonNull(name);
            Objects.requireNonNull(declared);
            Objects.requireNonNull(value);
            Objects.requireNonNull(pos);
        }
    }

    /** {@code H = expr;}: updates a let binding of an enclosing scope; the shape must stay the same. */
    record Assign(String name, Expr value, Pos pos) implements Stmt {
        public Assign {
            Objects.requireNonNull(name);
            Objects.requireNonNull(value);
            Objects.requireNonNull(pos);
        }
    }

    /** {@code for l in lo .. hi { ... }}: l runs over lo, lo+1, ..., hi-1; bounds are size expressions. */
    record For(String var, SizeExpr from, SizeExpr to, List<Stmt> body, Pos pos) implements Stmt {
        public For {
            Objects.requireNonNull(var);
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            body = List.copyOf(body);
            Objects.requireNonNull(pos);
        }
    }

    /** {@code output Y = expr;} or {@code output H;} (model top level only). */
    record Output(String name, Optional<Expr> value, Pos pos) implements Stmt {
        public Output {
            Objects.requireNonNull(name);
            Objects.requireNonNull(value);
            Objects.requireNonNull(pos);
        }
    }

    /** {@code assert depth <= 12 * layers + 4;} (model top level only). */
    record Assert(Metric metric, SizeExpr bound, Pos pos) implements Stmt {
        public Assert {
            Objects.requireNonNull(metric);
            Objects.requireNonNull(bound);
            Objects.requireNonNull(pos);
        }
    }

    /**
     * {@code precision fixed(int: I, frac: F);} or {@code precision float(p: P, e: E);}: exactly one per model, at
     * its top level.
     */
    sealed interface Precision extends Stmt {
        /** {@code fixed(int: I, frac: F)}: two's complement words of I + F bits, F of them after the point. */
        record Fixed(SizeExpr intBits, SizeExpr fracBits, Pos pos) implements Precision {
            public Fixed {
                Objects.requireNonNull(intBits);
                Objects.requireNonNull(fracBits);
                Objects.requireNonNull(pos);
            }
        }

        /**
         * {@code float(p: P, e: E)}: Chiang's p-bit floats, P significand bits and E exponent bits;
         * {@code e:} left out is {@link #defaultExponentBits}.
         */
        record Float(SizeExpr significandBits, SizeExpr exponentBits, Pos pos) implements Precision {
            public Float {
                Objects.requireNonNull(significandBits);
                Objects.requireNonNull(exponentBits);
                Objects.requireNonNull(pos);
            }

            /**
             * {@code log2(P) + 2}: the exponent reaches down to {@code -2^(E-1) <= -2P}, so 1.0 (significand
             * {@code 2^(P-1)}, exponent {@code -(P-1)}) and values down to about {@code 2^-P} are held.
             */
            public static SizeExpr defaultExponentBits(SizeExpr p) {
                return new SizeExpr.Bin(SizeExpr.SizeOp.ADD, new SizeExpr.Fn(SizeExpr.SizeFn.LOG2, java.util.List.of(p), p.pos()),
                        new SizeExpr.Lit(2, p.pos()), p.pos());
            }
        }
    }

    /** {@code return expr;}: the last statement of a function, and only there. */
    record Return(Expr value, Pos pos) implements Stmt {
        public Return {
            Objects.requireNonNull(value);
            Objects.requireNonNull(pos);
        }
    }
}
