package tc0.compiler.count;

import java.util.ArrayList;
import java.util.List;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.UnaryFunction;

/**
 * What is known of a unary function's shape, so its table's change points can be found without evaluating
 * every code: pieces of the input range (as table indices, {@code code - in.minCode()}) where the correctly
 * rounded table is monotone (rounding keeps a monotone function monotone), and where moreover
 * {@code f(x) - x} is monotone (same input and output fraction bits: then the code changes by exactly one
 * per step wherever {@code code(f(x)) - code(x)} stays the same). Each fact is the real function's:
 * <ul>
 *   <li>EXP, SIGMOID, TANH, SQRT, SOFTPLUS non-decreasing, RSQRT non-increasing (its value for x <= 0 the
 *       largest code); RECIPROCAL non-increasing for x < 0 and for x >= 0 (the largest code at 0);</li>
 *   <li>GELU decreasing below its minimum at -0.7517915, increasing above; SILU likewise at -1.2784645 (64
 *       codes either side of the turning point are scanned code by code); for both {@code f'(x) + f'(-x) = 1}
 *       ({@code Phi(x) + Phi(-x) = 1}, {@code sigma(x) + sigma(-x) = 1}), and f' rises from the minimum to the
 *       mirror point (f'' > 0 for |x| < sqrt 2, resp. 2.4), so the slope is between 0 and 1 from the minimum
 *       to its mirror and between 1 and its maximum (GELU 1.1289, SILU 1.0998) above (64 codes either side
 *       of the mirror scanned);</li>
 *   <li>{@code SOFTPLUS(x) - x = ln(1 + e^-x)} decreasing everywhere;</li>
 *   <li>RELU constant 0 up to 0, then non-decreasing, and {@code RELU(x) - x} constant there (saturating
 *       where the output is narrower: non-increasing); {@code |x|} (the lowering's ABS table) likewise, falling
 *       by one per code below 0 ({@code |x| + x} constant there);</li>
 *   <li>SIN, COS, anything else: every code.</li>
 * </ul>
 * Within monotone pieces, STEPS where the slope is at most one output unit per input code (bounds of the
 * real derivative, listed at each function below; two codes given up at each finite end), so the rounded
 * value moves by at most one per code and its changes are the values it passes; STRIDES where the slope is
 * between one and two units per code, so the rounded value moves by one or two (a rounding {@code floor(y + 1/2)}
 * of values {@code d in [1, 2]} apart is {@code floor(d)} or {@code ceil(d)} apart); EVERY where the slope is at least
 * one unit per code (EXP above {@code -ln K}), so every index is a change until the value saturates.
 * Tests compare the stats from the pieces with the stats from every code, for every function.
 */
final class TablePieces {
    private TablePieces() {}

    enum Kind { LINEAR, MONOTONE, UNIT_STEPS, UNIT_FALLS, STEPS, STRIDES, EVERY }

    /**
     * Changes at indices in {@code (from, to]}; for UNIT_STEPS {@code value - index - offset} is monotone, for
     * UNIT_FALLS {@code value + index - offset}; for STEPS the value is monotone and moves by at most one per
     * index; for STRIDES it is monotone and moves by one or two per index unless it saturates (checked on the
     * values at the ends, else scanned as MONOTONE); for EVERY it is monotone and moves by at least one per index
     * until it saturates (where the slope is at least one output unit per input code).
     */
    record Piece(Kind kind, long from, long to, long offset) {
        /** The same range scanned code by code where the value is monotone. */
        Piece scanned() { return new Piece(Kind.MONOTONE, from, to, 0); }
    }

    static List<Piece> of(UnaryFunction f, FixedFormat in, FixedFormat out) {
        long last = in.size() - 1;
        long min = in.minCode();
        boolean unit = in.fracBits() == out.fracBits();
        // K: output units per input code at slope 1. Where |f'| <= 1/K the value moves by at most one per code.
        double k = Math.scalb(1.0, out.fracBits() - in.fracBits());
        double all = Double.POSITIVE_INFINITY, none = Double.NEGATIVE_INFINITY;
        Steps st = new Steps(in, min);
        List<Piece> p = new ArrayList<>();
        switch (f) {
            case EXP -> { // f' = e^x: at most one unit per code up to -ln K, at least one above
                st.monotone(p, 0, last, none, -Math.log(k));
                st.everyAbove(p, -Math.log(k));
            }
            case SIGMOID -> st.monotone(p, 0, last, none, k <= 4 ? all : none); // f' <= 1/4
            case TANH -> { // f' = 1 - tanh^2 <= 1/K for |x| >= atanh(sqrt(1 - 1/K))
                double a = k <= 1 ? 0 : atanh(Math.sqrt(1 - 1 / k));
                st.monotone(p, 0, -min, none, -a);
                st.monotone(p, -min, last, a, all);
            }
            case SQRT -> st.monotone(p, 0, last, k * k / 4, all); // f' = 1 / (2 sqrt x)
            case RSQRT -> st.monotone(p, 0, last, Math.pow(k / 2, 2.0 / 3), all); // |f'| = x^-1.5 / 2
            case SOFTPLUS -> { // f' = sigmoid(x) <= 1/K for x <= -ln(K - 1): everywhere when K <= 1
                long zero = -min;
                if (k <= 1) st.monotone(p, 0, last, none, all);
                else if (unit) {
                    st.monotone(p, 0, zero, none, -Math.log(k - 1));
                    p.add(new Piece(Kind.UNIT_STEPS, zero, last, min));
                } else st.monotone(p, 0, last, none, -Math.log(k - 1));
            }
            case RECIPROCAL -> { // |f'| = 1/x^2 <= 1/K for |x| >= sqrt K
                long zero = -min;
                double a = Math.sqrt(k);
                st.monotone(p, 0, zero - 1, none, -a);
                p.add(new Piece(Kind.LINEAR, zero - 1, zero, 0));
                st.monotone(p, zero, last, a, all);
            }
            case RELU -> {
                long zero = -min;
                p.add(new Piece(Kind.MONOTONE, 0, zero, 0));
                p.add(unit ? new Piece(Kind.UNIT_STEPS, zero, last, min) : new Piece(Kind.MONOTONE, zero, last, 0));
            }
            // |f'| <= 0.129 below the minimum (largest at -sqrt 2); above it f' rises (f'' > 0 up to sqrt 2): 0.5 at 0, 0.977 at 0.7
            case GELU -> turning(p, in, GELU_MIN, unit, st, k <= 4, k <= 1 ? 0.7 : k <= 2 ? 0 : none, 1.129);
            // |f'| <= 0.1 below the minimum (largest near -2.4); above it f' rises: 0.5 at 0, 0.982 at 1.2
            case SILU -> turning(p, in, SILU_MIN, unit, st, k <= 4, k <= 1 ? 1.2 : k <= 2 ? 0 : none, 1.0999);
            default -> p.add(new Piece(Kind.LINEAR, 0, last, 0));
        }
        return p;
    }

    private static double atanh(double y) {
        return 0.5 * Math.log((1 + y) / (1 - y));
    }

    /**
     * Where a monotone piece's slope is at most one output unit per input code, the rounded value moves by at
     * most one per index (rounding is monotone: {@code round(y + d) <= round(y) + 1} for {@code d <= 1}): a
     * STEPS piece. The bounds are the slope's, in the input's value; two codes are given up at each finite
     * end for the doubles they are computed in.
     */
    private record Steps(FixedFormat in, long base) {
        /**
         * Monotone {@code (from, to]} (indices: codes less {@code base}); STEPS where the code's value lies in
         * {@code [x0, x1]}, MONOTONE elsewhere.
         */
        void monotone(List<Piece> p, long from, long to, double x0, double x1) {
            long min = base, last = in.maxCode() - base;
            long a = index(Math.ceil(Math.scalb(x0, in.fracBits())) + 2, min, last), b = index(Math.floor(Math.scalb(x1, in.fracBits())) - 2, min, last);
            long lo = Math.max(from, a), hi = Math.min(to, b);
            if (hi <= lo) { p.add(new Piece(Kind.MONOTONE, from, to, 0)); return; }
            if (lo > from) p.add(new Piece(Kind.MONOTONE, from, lo, 0));
            p.add(new Piece(Kind.STEPS, lo, hi, 0));
            if (to > hi) p.add(new Piece(Kind.MONOTONE, hi, to, 0));
        }

        /**
         * The last piece, where MONOTONE, split at the code of {@code x0} (two codes given up): where the slope is
         * at least one output unit per code from {@code x0} on, the rounded value moves by at least one per index
         * ({@code round(y + d) >= round(y) + 1} for {@code d >= 1}) until it saturates: EVERY there.
         */
        void everyAbove(List<Piece> p, double x0) {
            Piece tail = p.getLast();
            if (tail.kind() != Kind.MONOTONE) return;
            long a = Math.max(tail.from(), index(Math.ceil(Math.scalb(x0, in.fracBits())) + 2, base, in.maxCode() - base));
            if (a >= tail.to()) return;
            p.removeLast();
            if (a > tail.from()) p.add(new Piece(Kind.MONOTONE, tail.from(), a, 0));
            p.add(new Piece(Kind.EVERY, a, tail.to(), 0));
        }
    }

    /** Softmax's exp values {@code EXP(lo + i)} from {@code fd} into {@code fe}, {@code i = 0 .. -lo}: monotone, steps where e^x <= 1/K. */
    static List<Piece> ofSoftmaxExp(FixedFormat fd, FixedFormat fe, long lo) {
        double k = Math.scalb(1.0, fe.fracBits() - fd.fracBits());
        List<Piece> p = new ArrayList<>();
        new Steps(fd, lo).monotone(p, 0, -lo, Double.NEGATIVE_INFINITY, -Math.log(k));
        return p;
    }

    /** The lowering's ABS table ({@code |x|} rounded into {@code out}): falling to 0, rising after. */
    static List<Piece> ofAbs(FixedFormat in, FixedFormat out) {
        long last = in.size() - 1, min = in.minCode(), zero = -min;
        if (in.fracBits() == out.fracBits()) {
            return List.of(new Piece(Kind.UNIT_FALLS, 0, zero, -min), new Piece(Kind.UNIT_STEPS, zero, last, min));
        }
        return List.of(new Piece(Kind.MONOTONE, 0, zero, 0), new Piece(Kind.MONOTONE, zero, last, 0));
    }

    /** Where GELU' and SILU' are 0 (their minima), to 17 digits (mpmath, 40 digits: -0.75179152469356445746, -1.27846454276107379511). */
    static final double GELU_MIN = -0.75179152469356446, SILU_MIN = -1.2784645427610738;

    /**
     * Decreasing up to {@code xMin}, increasing after; steps of at most one below the minimum where
     * {@code stepsBelow}, and from the minimum up to {@code stepsTo}. With the same fraction bits in and out
     * ({@code unit}), the slope rises from 0 at {@code xMin} to 1 at {@code -xMin} ({@code f'(x) + f'(-x) = 1} for
     * GELU and SILU) and stays between 1 and {@code maxSlope < 2} above: STEPS up to {@code -xMin}, STRIDES after,
     * each turning point inside 64 codes scanned one by one.
     */
    private static void turning(List<Piece> p, FixedFormat in, double xMin, boolean unit, Steps st,
            boolean stepsBelow, double stepsTo, double maxSlope) {
        if (maxSlope >= 2) throw new IllegalArgumentException("strides move by one or two: slope " + maxSlope);
        long last = in.size() - 1, min = in.minCode();
        long c = (long) Math.floor(Math.scalb(xMin, in.fracBits()));
        long a = clamp(c - 64 - min, last), b = clamp(c + 64 - min, last);
        st.monotone(p, 0, a, Double.NEGATIVE_INFINITY, stepsBelow ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        p.add(new Piece(Kind.LINEAR, a, b, 0));
        if (!unit) {
            st.monotone(p, b, last, Double.NEGATIVE_INFINITY, stepsTo);
            return;
        }
        long one = (long) Math.ceil(Math.scalb(-xMin, in.fracBits())); // the code where the slope is 1, give or take one
        long u0 = clamp(Math.max(one - 64 - min, b), last), u1 = clamp(one + 64 - min, last);
        if (u0 > b) p.add(new Piece(Kind.STEPS, b, u0, 0));
        p.add(new Piece(Kind.LINEAR, Math.max(u0, b), Math.max(u1, b), 0));
        if (last > u1) p.add(new Piece(Kind.STRIDES, u1, last, 0));
    }

    /** The index of a code given as a double (infinite or beyond the range: clamped to -1 .. last + 1). */
    private static long index(double code, long min, long last) {
        if (code <= min - 1.0) return -1;
        if (code >= min + last + 1.0) return last + 1;
        return (long) code - min;
    }

    private static long clamp(long i, long last) {
        return Math.max(0, Math.min(i, last));
    }
}
