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
 *       codes either side of the turning point are scanned code by code);</li>
 *   <li>{@code GELU(x) - x = -x Phi(-x)} increasing for x >= 1 ({@code x phi(x) > Phi(-x)} there);
 *       {@code SILU(x) - x = -x sigma(-x)} increasing for x >= 2 ({@code x sigma(x) > 1});
 *       {@code SOFTPLUS(x) - x = ln(1 + e^-x)} decreasing everywhere;</li>
 *   <li>RELU constant 0 up to 0, then non-decreasing, and {@code RELU(x) - x} constant there (saturating
 *       where the output is narrower: non-increasing); {@code |x|} (the lowering's ABS table) likewise, falling
 *       by one per code below 0 ({@code |x| + x} constant there);</li>
 *   <li>SIN, COS, anything else: every code.</li>
 * </ul>
 * Tests compare the stats from the pieces with the stats from every code, for every function.
 */
final class TablePieces {
    private TablePieces() {}

    enum Kind { LINEAR, MONOTONE, UNIT_STEPS, UNIT_FALLS }

    /**
     * Changes at indices in {@code (from, to]}; for UNIT_STEPS {@code value - index - offset} is monotone, for
     * UNIT_FALLS {@code value + index - offset}.
     */
    record Piece(Kind kind, long from, long to, long offset) {}

    static List<Piece> of(UnaryFunction f, FixedFormat in, FixedFormat out) {
        long last = in.size() - 1;
        long min = in.minCode();
        boolean unit = in.fracBits() == out.fracBits();
        List<Piece> p = new ArrayList<>();
        switch (f) {
            case EXP, SIGMOID, TANH, SQRT, RSQRT -> p.add(new Piece(Kind.MONOTONE, 0, last, 0));
            case SOFTPLUS -> {
                long zero = -min;
                if (unit) {
                    p.add(new Piece(Kind.MONOTONE, 0, zero, 0));
                    p.add(new Piece(Kind.UNIT_STEPS, zero, last, min));
                } else p.add(new Piece(Kind.MONOTONE, 0, last, 0));
            }
            case RECIPROCAL -> {
                long zero = -min;
                p.add(new Piece(Kind.MONOTONE, 0, zero - 1, 0));
                p.add(new Piece(Kind.LINEAR, zero - 1, zero, 0));
                p.add(new Piece(Kind.MONOTONE, zero, last, 0));
            }
            case RELU -> {
                long zero = -min;
                p.add(new Piece(Kind.MONOTONE, 0, zero, 0));
                p.add(unit ? new Piece(Kind.UNIT_STEPS, zero, last, min) : new Piece(Kind.MONOTONE, zero, last, 0));
            }
            case GELU -> turning(p, in, -0.7517915, 1, unit);
            case SILU -> turning(p, in, -1.2784645, 2, unit);
            default -> p.add(new Piece(Kind.LINEAR, 0, last, 0));
        }
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

    /** Decreasing up to {@code xMin}, increasing after; {@code value - code} monotone from {@code xUnit} on. */
    private static void turning(List<Piece> p, FixedFormat in, double xMin, double xUnit, boolean unit) {
        long last = in.size() - 1, min = in.minCode();
        long c = (long) Math.floor(Math.scalb(xMin, in.fracBits()));
        long a = clamp(c - 64 - min, last), b = clamp(c + 64 - min, last);
        long u = clamp((long) Math.ceil(Math.scalb(xUnit, in.fracBits())) - min, last);
        p.add(new Piece(Kind.MONOTONE, 0, a, 0));
        p.add(new Piece(Kind.LINEAR, a, b, 0));
        if (unit && u > b) {
            p.add(new Piece(Kind.MONOTONE, b, u, 0));
            p.add(new Piece(Kind.UNIT_STEPS, u, last, min));
        } else p.add(new Piece(Kind.MONOTONE, b, last, 0));
    }

    private static long clamp(long i, long last) {
        return Math.max(0, Math.min(i, last));
    }
}
