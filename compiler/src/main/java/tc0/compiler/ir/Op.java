package tc0.compiler.ir;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.UnaryFunction;

/**
 * The operation of a {@link Node}. Operands are ids of earlier nodes. The node's shape and element type are
 * the result's; every op's exact semantics is in docs/COMPILER.md and in
 * {@code tc0.compiler.interp.ReferenceInterpreter}, built from {@code tc0.compiler.numerics}: exact
 * arithmetic, then one rounding into the node's format, then saturation.
 */
public sealed interface Op {
    /** The ids of the operands, in order. */
    List<Integer> operands();

    /** A short lower-case name ({@code matmul}, {@code softmax}): the last segment of a node's region. */
    String label();

    /** A model input, given as codes at run time. */
    record Input(String name) implements Op {
        public Input {
            Objects.requireNonNull(name);
        }

        public List<Integer> operands() { return List.of(); }

        public String label() { return "input"; }
    }

    /**
     * A weight: concrete codes of the node's format (row-major), fixed at elaboration and folded into gate
     * weights by the lowering. {@code name} is its instance path ({@code l[0]/attention/Wq}). A structured mask
     * ({@code tril(n)}, {@code triu(n)}: a {@link Triangle}; {@code eye(n)}: a {@link Diagonal}) is held as its
     * {@link Pattern} instead, its codes made when asked, so that counting reads it by its diagonal at any n
     * ({@code codes} is then null).
     */
    record Constant(String name, long[] codes, Pattern pattern) implements Op {
        public Constant {
            Objects.requireNonNull(name);
            if ((codes == null) == (pattern == null)) throw new IllegalArgumentException("a constant has codes or a pattern, one of them");
            if (codes != null) codes = codes.clone();
        }

        /** Codes given one by one. */
        public Constant(String name, long[] codes) {
            this(name, Objects.requireNonNull(codes), null);
        }

        /** A patterned constant (a triangle or a diagonal). */
        public Constant(String name, Pattern pattern) {
            this(name, null, Objects.requireNonNull(pattern));
        }

        /** A {@code rows x cols} matrix whose code at (i, j) follows from i and j alone. */
        public sealed interface Pattern permits Triangle, Diagonal {
            long rows();

            long cols();

            long code(long i, long j);
        }

        /**
         * A {@code rows x cols} bit pattern: code {@code low} where {@code j - i <= offset} (on and below a diagonal),
         * {@code high} above it: {@code tril(n)} is (offset 0, low 1, high 0), {@code triu(n)} (offset -1, low 0, high 1).
         */
        public record Triangle(long rows, long cols, long offset, long low, long high) implements Pattern {
            public long code(long i, long j) { return j - i <= offset ? low : high; }
        }

        /**
         * A {@code rows x cols} pattern: code {@code on} where {@code j - i == offset} (one diagonal), {@code off}
         * elsewhere: {@code eye(n)} is (offset 0, on 1, off 0).
         */
        public record Diagonal(long rows, long cols, long offset, long on, long off) implements Pattern {
            public long code(long i, long j) { return j - i == offset ? on : off; }
        }

        /** The triangle this constant is held as, or null. */
        public Triangle triangle() { return pattern instanceof Triangle t ? t : null; }

        /** The diagonal this constant is held as, or null. */
        public Diagonal diagonal() { return pattern instanceof Diagonal d ? d : null; }

        /** A copy of the codes (a pattern's made here: at most 2^31 - 1 of them). */
        @Override
        public long[] codes() {
            if (codes != null) return codes.clone();
            long[] c = new long[length()];
            for (int i = 0; i < c.length; i++) c[i] = code(i);
            return c;
        }

        /** The code at a flat index (no copy). */
        public long code(int i) { return codes != null ? codes[i] : pattern.code(i / pattern.cols(), i % pattern.cols()); }

        public int length() { return codes != null ? codes.length : Math.toIntExact(pattern.rows() * pattern.cols()); }

        public List<Integer> operands() { return List.of(); }

        public String label() { return "weight"; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Constant c && c.name.equals(name) && Arrays.equals(c.codes, codes) && Objects.equals(c.pattern, pattern);
        }

        @Override
        public int hashCode() { return 31 * name.hashCode() + (codes != null ? Arrays.hashCode(codes) : pattern.hashCode()); }

        @Override
        public String toString() {
            return codes != null ? "Constant[" + name + ", " + codes.length + " codes, hash " + Arrays.hashCode(codes) + "]" : "Constant[" + name + ", " + pattern + "]";
        }
    }

    /** Every element the same code ({@code zeros}, {@code ones}, a scalar in an elementwise operation). */
    record Fill(long code) implements Op {
        public List<Integer> operands() { return List.of(); }

        public String label() { return "fill"; }
    }

    /** {@code [a, b] @ [b, c]}: each entry an exact dot product, one rounding. Either side may be a constant. */
    record MatMul(int left, int right) implements Op {
        public List<Integer> operands() { return List.of(left, right); }

        public String label() { return "matmul"; }
    }

    /** The elementwise arithmetic operations; DIV is {@code Fixed.div}: the exact quotient, one rounding. */
    enum Arith { ADD, SUB, MUL, DIV }

    /** Elementwise {@code + - * /} of two operands of the node's shape (broadcasting made explicit by {@link Broadcast}). */
    record Elementwise(Arith arith, int left, int right) implements Op {
        public Elementwise {
            Objects.requireNonNull(arith);
        }

        public List<Integer> operands() { return List.of(left, right); }

        public String label() { return arith.name().toLowerCase(); }
    }

    /** The operand (same rank) with each axis of size 1 repeated to the node's size: wiring only. */
    record Broadcast(int operand) implements Op {
        public List<Integer> operands() { return List.of(operand); }

        public String label() { return "broadcast"; }
    }

    /**
     * Multiplication by a constant scalar: {@code coefficient} is a code of {@code coefficientFormat} (the
     * scalar {@code value} rounded), the product exact, then one rounding. {@code value} is the unrounded
     * scalar, for the float64 interpreter.
     */
    record ScaleByConstant(int operand, long coefficient, FixedFormat coefficientFormat, double value) implements Op {
        public ScaleByConstant {
            Objects.requireNonNull(coefficientFormat);
        }

        public List<Integer> operands() { return List.of(operand); }

        public String label() { return "scale"; }
    }

    /** The elementwise functions: correctly rounded tables ({@link UnaryFunction}), and ABS (exact). */
    enum Function {
        EXP(UnaryFunction.EXP), RELU(UnaryFunction.RELU), GELU(UnaryFunction.GELU), SILU(UnaryFunction.SILU),
        SOFTPLUS(UnaryFunction.SOFTPLUS), SIGMOID(UnaryFunction.SIGMOID), TANH(UnaryFunction.TANH),
        SQRT(UnaryFunction.SQRT), RECIP(UnaryFunction.RECIPROCAL), SIN(UnaryFunction.SIN), COS(UnaryFunction.COS),
        RSQRT(UnaryFunction.RSQRT), ABS(null);

        private final UnaryFunction numerics;

        Function(UnaryFunction numerics) {
            this.numerics = numerics;
        }

        /** The numerics' function, or null for ABS (not in the numerics package: |x| exactly, saturated). */
        public UnaryFunction numerics() { return numerics; }
    }

    /** An elementwise function. */
    record Unary(Function function, int operand) implements Op {
        public Unary {
            Objects.requireNonNull(function);
        }

        public List<Integer> operands() { return List.of(operand); }

        public String label() { return function.name().toLowerCase(); }
    }

    /** The reductions over an axis. */
    enum Reduction { SUM, MEAN, MAX, MIN }

    /** A reduction over {@code axis}, which becomes size 1. */
    record Reduce(Reduction reduction, int axis, int operand) implements Op {
        public Reduce {
            Objects.requireNonNull(reduction);
        }

        public List<Integer> operands() { return List.of(operand); }

        public String label() { return reduction.name().toLowerCase(); }
    }

    /**
     * The mean along {@code axis} of the entries whose {@code mask} bit is 1 ({@code Fixed.maskedMean}; the mask
     * has the operand's shape): their exact sum over their count, one rounding; a line with no entry kept is 0.
     */
    record MaskedMean(int operand, int mask, int axis) implements Op {
        public List<Integer> operands() { return List.of(operand, mask); }

        public String label() { return "mean"; }
    }

    /** Softmax along {@code axis} ({@code Fixed.softmax}), the exp step rounded into {@code expFormat}. */
    record Softmax(int operand, int axis, FixedFormat expFormat) implements Op {
        public Softmax {
            Objects.requireNonNull(expFormat);
        }

        public List<Integer> operands() { return List.of(operand); }

        public String label() { return "softmax"; }
    }

    /**
     * Softmax along {@code axis} over the entries whose {@code mask} bit is 1 ({@code Fixed.maskedSoftmax}): the
     * others, as if minus infinity, take no part and give 0; a line with no entry kept gives 0 everywhere.
     */
    record MaskedSoftmax(int operand, int mask, int axis, FixedFormat expFormat) implements Op {
        public MaskedSoftmax {
            Objects.requireNonNull(expFormat);
        }

        public List<Integer> operands() { return List.of(operand, mask); }

        public String label() { return "softmax"; }
    }

    /** {@code where(cond, a, b)}: per element a where the bit cond is 1, else b (a, b of the node's format; wiring and a select). */
    record Select(int cond, int a, int b) implements Op {
        public List<Integer> operands() { return List.of(cond, a, b); }

        public String label() { return "where"; }
    }

    /** Layer norm along the last axis, no affine part ({@code Fixed.layerNorm}). */
    record LayerNorm(int operand, long eps, FixedFormat epsFormat, FixedFormat scaleFormat) implements Op {
        public LayerNorm {
            Objects.requireNonNull(epsFormat);
            Objects.requireNonNull(scaleFormat);
        }

        public List<Integer> operands() { return List.of(operand); }

        public String label() { return "layernorm"; }
    }

    /** RoPE on {@code [m, k]}: row i, pair (2j, 2j+1) rotated by {@code i * base^(-2j/k)} ({@code Fixed.rope}). */
    record Rope(int operand, double base, FixedFormat coefficientFormat) implements Op {
        public Rope {
            Objects.requireNonNull(coefficientFormat);
        }

        public List<Integer> operands() { return List.of(operand); }

        public String label() { return "rope"; }
    }

    /**
     * The selective scan on log-decays along axis 0 ({@code SelectiveScan.line} per line): {@code h_t =
     * sum_(j<=t) E_(j,t) b_j}, {@code E_(j,t) = exp(z_(j+1) + ... + z_t)} (the exact sum) correctly rounded
     * into {@code expFormat}, the sum of products exact, one rounding. Equals {@code h_t = exp(z_t) h_(t-1) +
     * b_t} in exact arithmetic.
     */
    record ScanExp(int z, int b, FixedFormat expFormat) implements Op {
        public ScanExp {
            Objects.requireNonNull(expFormat);
        }

        public List<Integer> operands() { return List.of(z, b); }

        public String label() { return "scanexp"; }
    }

    /** Which Kronecker-style product. */
    enum KronKind { ROW, COL }

    /** {@code rowkron}: [m,p],[m,q] -> [m,p*q]; {@code colkron}: [p,k],[q,k] -> [p*q,k]; each entry one product. */
    record Kron(KronKind kind, int left, int right) implements Op {
        public Kron {
            Objects.requireNonNull(kind);
        }

        public List<Integer> operands() { return List.of(left, right); }

        public String label() { return kind == KronKind.ROW ? "rowkron" : "colkron"; }

        /**
         * The row-major index of the left operand's element that output element (i, j) multiplies, for operand
         * shapes {@code a}, {@code b} and an output of {@code cols} columns: row kron, left (i, j / q) with q
         * b's columns; column kron, left (i / q, j) with q b's rows.
         */
        public int leftIndex(int i, int j, int cols, List<Long> a, List<Long> b) {
            if (kind == KronKind.ROW) return i * (int) (long) a.get(1) + j / (int) (long) b.get(1);
            return (i / (int) (long) b.get(0)) * cols + j;
        }

        /** As {@link #leftIndex}, the right operand's: row kron (i, j mod q), column kron (i mod q, j). */
        public int rightIndex(int i, int j, int cols, List<Long> b) {
            if (kind == KronKind.ROW) {
                int q = (int) (long) b.get(1);
                return i * q + j % q;
            }
            return (i % (int) (long) b.get(0)) * cols + j;
        }
    }

    /** Interpolation modes. */
    enum Interpolation { NEAREST, BILINEAR }

    /** Resampling of the first two axes ({@code [h, w]} or {@code [h, w, c]}) to the node's size. */
    record Upsample(int operand, Interpolation mode) implements Op {
        public Upsample {
            Objects.requireNonNull(mode);
        }

        public List<Integer> operands() { return List.of(operand); }

        public String label() { return "upsample"; }
    }

    /** As {@link Upsample}, to a smaller size (same formula). */
    record Downsample(int operand, Interpolation mode) implements Op {
        public Downsample {
            Objects.requireNonNull(mode);
        }

        public List<Integer> operands() { return List.of(operand); }

        public String label() { return "downsample"; }
    }

    /** Concatenation along {@code axis}. */
    record Concat(int axis, int left, int right) implements Op {
        public List<Integer> operands() { return List.of(left, right); }

        public String label() { return "concat"; }
    }

    /** The block of the operand starting at {@code start}, of the node's shape. */
    record Slice(int operand, List<Long> start) implements Op {
        public Slice {
            start = List.copyOf(start);
        }

        public List<Integer> operands() { return List.of(operand); }

        public String label() { return "slice"; }
    }

    /** The same elements in row-major order, the node's shape. */
    record Reshape(int operand) implements Op {
        public List<Integer> operands() { return List.of(operand); }

        public String label() { return "reshape"; }
    }

    /** {@code [a, b] -> [b, a]}. */
    record Transpose(int operand) implements Op {
        public List<Integer> operands() { return List.of(operand); }

        public String label() { return "transpose"; }
    }
}
