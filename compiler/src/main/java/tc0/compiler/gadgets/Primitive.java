package tc0.compiler.gadgets;

import java.math.BigInteger;
import tc0.circuits.Literal;

/**
 * The papers' primitive operations on p-bit unsigned integers, as tc0 builds them at any p: the constants
 * their depth formulas are written in ({@code d_std} for one addition, comparison or product of two
 * numbers, {@code d_sum} for an iterated sum, {@code d_prod} for an iterated product, {@code d_div}), measured.
 * Each takes its operands as words of {@link #width} bits (m of them where it is n-ary) and returns its result's bits;
 * the float rows take Chiang floats ({@link FloatWord}, 8 exponent bits; exp {@link #expExponentBits}, log {@link #logExponentBits}).
 */
public enum Primitive {
    /** {@code x + y}, p + 1 bits ({@link WideSum}). */
    ADD("d_std", "x + y") {
        @Override public int[] build(Net net, int[][] xs, int rounds) {
            WideColumns c = new WideColumns(xs[0].length + 1);
            for (int[] x : xs) c.addUnsigned(x, BigInteger.ONE);
            return WideSum.build(net, c, rounds);
        }
    },
    /** {@code [x >= y]}: the sign of {@code x - y} as a (p + 1)-bit two's complement word, top bit only. */
    COMPARE("d_std", "x >= y") {
        @Override public int[] build(Net net, int[][] xs, int rounds) {
            int p = xs[0].length;
            WideColumns c = new WideColumns(p + 1);
            c.addUnsigned(xs[0], BigInteger.ONE).addUnsigned(xs[1], BigInteger.ONE.negate());
            return new int[] {Literal.not(WideSum.top(net, c, rounds, p)[0])};
        }
    },
    /** {@code x y}, 2p bits ({@link WideMultiply}). */
    MULTIPLY("d_std", "x * y") {
        @Override public int[] build(Net net, int[][] xs, int rounds) { return WideMultiply.product(net, xs[0], xs[1], rounds); }
    },
    /** {@code x_1 + ... + x_m}, exact ({@link WideSum}). */
    SUM("d_sum", "x_1 + ... + x_m") {
        @Override public int[] build(Net net, int[][] xs, int rounds) {
            WideColumns c = new WideColumns(xs[0].length + 64 - Long.numberOfLeadingZeros(xs.length - 1));
            for (int[] x : xs) c.addUnsigned(x, BigInteger.ONE);
            return WideSum.build(net, c, rounds);
        }
        @Override public boolean nary() { return true; }
    },
    /** {@code x_1 ... x_m}, exact ({@link IteratedProduct}). */
    PRODUCT("d_prod", "x_1 * ... * x_m") {
        @Override public int[] build(Net net, int[][] xs, int rounds) { return IteratedProduct.build(net, xs, rounds); }
        @Override public boolean nary() { return true; }
        @Override public long gatesAtLeast(int p, int m) { return residueGates(m * p, m); }
    },
    /** {@code floor(x / y)} ({@link WideDivide}). */
    DIVIDE("d_div", "floor(x / y)") {
        @Override public int[] build(Net net, int[][] xs, int rounds) { return WideDivide.quotient(net, xs[0], xs[1], rounds); }
        @Override public long gatesAtLeast(int p, int m) { return residueGates(2 * p - 1 + Math.max(1, p - 1) * p + 1, 2); }
    },
    /** {@code [x < y], [x == y]} for p-bit floats ({@link FloatCompare}); operands as {@link FloatWord}s. */
    FLOAT_COMPARE("d_std", "float x < y") {
        @Override public int[] build(Net net, int[][] xs, int rounds) { return FloatCompare.build(net, float_(xs[0]), float_(xs[1])); }
    },
    /** {@code round(x + y)} ({@link FloatSum} of two). */
    FLOAT_ADD("d_std", "float x + y") {
        @Override public int[] build(Net net, int[][] xs, int rounds) { return FloatSum.build(net, floats(xs), rounds).word(); }
    },
    /** {@code round(x y)} ({@link FloatProduct#multiply}). */
    FLOAT_MULTIPLY("d_std", "float x * y") {
        @Override public int[] build(Net net, int[][] xs, int rounds) { return FloatProduct.multiply(net, float_(xs[0]), float_(xs[1]), rounds).word(); }
    },
    /** {@code floor(x)} of a float, exact ({@link FloatFloor}; the Mamba paper's Cor 3.13). */
    FLOAT_FLOOR("d_std", "float floor x") {
        @Override public int[] build(Net net, int[][] xs, int rounds) { return FloatFloor.build(net, float_(xs[0])).word(); }
        @Override public int operands(int m) { return 1; }
    },
    /** {@code round(x_1 + ... + x_m)}, one rounding ({@link FloatSum}). */
    FLOAT_SUM("d_sum", "float sum, 1 round") {
        @Override public int[] build(Net net, int[][] xs, int rounds) { return FloatSum.build(net, floats(xs), rounds).word(); }
        @Override public boolean nary() { return true; }
    },
    /** {@code round(x_1 ... x_m)}, one rounding ({@link FloatProduct}). */
    FLOAT_PRODUCT("d_prod", "float prod, 1 round") {
        @Override public int[] build(Net net, int[][] xs, int rounds) { return FloatProduct.build(net, floats(xs), rounds).word(); }
        @Override public boolean nary() { return true; }
        @Override public long gatesAtLeast(int p, int m) { return residueGates(m * p, m); }
    },
    /** {@code round(x / y)} ({@link FloatDivide}: the series quotient of the significands at width p + 2). */
    FLOAT_DIVIDE("d_div", "float x / y") {
        @Override public int[] build(Net net, int[][] xs, int rounds) { return FloatDivide.divide(net, float_(xs[0]), float_(xs[1]), rounds).word(); }
        @Override public long gatesAtLeast(int p, int m) { return DIVIDE.gatesAtLeast(p + 2, m); }
    },
    /** {@code round(sqrt(x))} ({@link FloatSqrt}: a series of p + 5 terms over one Chinese-remainder basis). */
    FLOAT_SQRT("d_sqrt", "float sqrt x") {
        @Override public int[] build(Net net, int[][] xs, int rounds) { return FloatSqrt.sqrt(net, float_(xs[0]), rounds).word(); }
        @Override public int operands(int m) { return 1; }
        @Override public long gatesAtLeast(int p, int m) { return residueGates(p * FloatSqrt.terms(p) + FloatSqrt.fraction(p) + 1, 2); }
    },
    /**
     * {@code round(exp(x))} ({@link FloatExp}), with {@link #expExponentBits} exponent bits: at the other rows'
     * q = 8 every float of 135 bits or more is past exp's range and the circuit folds to constants.
     */
    FLOAT_EXP("d_exp", "float exp x") {
        @Override public int[] build(Net net, int[][] xs, int rounds) { return FloatExp.exp(net, float_(xs[0], Primitive::expExponentBits), rounds).word(); }
        @Override public int operands(int m) { return 1; }
        @Override public int width(int p) { return p + expExponentBits(p) + 1; }
        @Override public long gatesAtLeast(int p, int m) {
            FloatExp.Plan plan = new FloatExp.Plan(p, expExponentBits(p));
            return residueGates(plan.bits, 1);
        }
    },
    /**
     * {@code round(log x)} ({@link FloatLog}: a series of about 3p terms), with {@link #logExponentBits} exponent bits:
     * at q = 8 from p = 65 the logs next to 1 flush to zero, and from about p = 138 every log does.
     */
    FLOAT_LOG("d_log", "float log x") {
        @Override public int[] build(Net net, int[][] xs, int rounds) { return FloatLog.log(net, float_(xs[0], Primitive::logExponentBits), rounds).word(); }
        @Override public int operands(int m) { return 1; }
        @Override public int width(int p) { return p + logExponentBits(p) + 1; }
        @Override public long gatesAtLeast(int p, int m) { return residueGates(new FloatLog.Plan(p, logExponentBits(p)).bits, 1); }
    };

    /**
     * log's exponent bits at precision p: the least q >= 8 with a bias {@code 2^(q-1) >= 2p - 1}. Every nonzero log of
     * a p-bit float is at least {@code 2^-p} in magnitude (the floats nearest 1 are {@code 1 - 2^-p} and
     * {@code 1 + 2^-(p-1)}), and {@code 2^-p = 2^(p-1) 2^(1-2p)} is a float exactly when {@code bias >= 2p - 1}; the
     * largest, {@code (bias + p) ln 2}, is far inside the range. So no log result flushes or saturates: 8 to p = 64,
     * then 9 to 128, 10 to 256, 11 to 512, 12 to 1024.
     */
    public static int logExponentBits(int p) { return Math.max(FLOAT_EXPONENT_BITS, 33 - Integer.numberOfLeadingZeros(Math.max(1, 2 * p - 2))); }

    /** exp's exponent bits at precision p: 8, or {@code bits(p) + 3} (a bias of 4p or more) where that is more. */
    public static int expExponentBits(int p) { return Math.max(FLOAT_EXPONENT_BITS, 35 - Integer.numberOfLeadingZeros(p)); }

    /**
     * The exponent bits of the float rows: fixed, so that only p varies; the float sum's grid spans
     * {@code 2^q} exponents (docs/NUMERICS.md, "Chiang's p-bit floats").
     */
    public static final int FLOAT_EXPONENT_BITS = 8;

    /** The paper's name for the depth this primitive measures. */
    public final String depthName;
    /** What it computes. */
    public final String formula;

    Primitive(String depthName, String formula) {
        this.depthName = depthName;
        this.formula = formula;
    }

    /** The result's bits for operand words {@code xs} (2 of them, or m where {@link #nary}). */
    public abstract int[] build(Net net, int[][] xs, int rounds);

    /** Whether it takes m operands rather than two. */
    public boolean nary() { return false; }

    /**
     * A lower bound on the gates, found without building (0 where none is known cheaply): for the
     * Chinese-remainder primitives, the one-hot residues every word needs, {@code q - 2} gates per prime q
     * at least (every nonzero residue but 1 has a logarithm bit or a series term to feed), halved for slack.
     */
    public long gatesAtLeast(int p, int m) { return 0; }

    /** Half of {@code words * sum (q - 2)} over the primes covering {@code bits}. */
    static long residueGates(int bits, int words) {
        long s = 0;
        for (int q : CrtBasis.primesCovering(bits)) s += q - 2;
        return s * words / 2;
    }

    /** The bits of one operand at precision p: p for integers, a {@link FloatWord} of {@code p + q + 1} for floats. */
    public int width(int p) { return name().startsWith("FLOAT_") ? p + FLOAT_EXPONENT_BITS + 1 : p; }

    private static FloatWord float_(int[] word) { return FloatWord.of(word, word.length - FLOAT_EXPONENT_BITS - 1, FLOAT_EXPONENT_BITS); }

    /** A row's word as a float whose exponent bits grow with p ({@code exponentBits(p)}): the p with {@code p + q(p) + 1} bits, the row's width. */
    private static FloatWord float_(int[] word, java.util.function.IntUnaryOperator exponentBits) {
        int p = 1;
        while (p + exponentBits.applyAsInt(p) + 1 < word.length) p++;
        return FloatWord.of(word, p, exponentBits.applyAsInt(p));
    }

    private static FloatWord[] floats(int[][] words) {
        FloatWord[] fs = new FloatWord[words.length];
        for (int i = 0; i < words.length; i++) fs[i] = float_(words[i]);
        return fs;
    }

    /** How many operands for a given m. */
    public int operands(int m) { return nary() ? m : 2; }
}
