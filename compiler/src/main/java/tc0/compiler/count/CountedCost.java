package tc0.compiler.count;

import java.math.BigInteger;
import java.util.Objects;
import tc0.circuits.analysis.CircuitStats;

/**
 * What a lowered program costs, counted without building it: depth (longest path in threshold gates), gates,
 * wires (fan-in edges) and width (the most gates on one level), exactly as {@code TensorIrToCircuit} builds
 * the circuit without structural hashing. With hashing the built circuit is no larger.
 *
 * <p>Gates, wires and width are exact big integers: a count can pass 2^63 - 1 long before a circuit could be
 * built (RoPE tensor attention at n = 1024 has 2.8 x 10^20 wires). Compare with a built circuit's
 * {@link CircuitStats} through {@link #of(CircuitStats)} or {@link #atMost(CountedCost)}, with a long limit
 * through {@link #gatesAbove(long)}.
 *
 * @param wide whether some gadget of the circuit holds a weight, threshold or value range past a long (a
 *             weighted sum's constant, the sum of its weights, a saturation threshold): the figures are
 *             still exact, those of the construction built with unbounded weights (the gates, their fan-ins
 *             and levels do not depend on those numbers), but tc0's builder, whose weights and thresholds
 *             are longs, cannot build it. Only {@link TensorIrToCost#countWide} returns such a cost.
 */
public record CountedCost(int depth, BigInteger gates, BigInteger wires, BigInteger width, boolean wide) {
    public CountedCost {
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(wires, "wires");
        Objects.requireNonNull(width, "width");
        if (depth < 0 || gates.signum() < 0 || wires.signum() < 0 || width.signum() < 0) throw new IllegalArgumentException("negative cost");
    }

    /** A cost of a circuit tc0 can build (no number past a long). */
    public CountedCost(int depth, BigInteger gates, BigInteger wires, BigInteger width) {
        this(depth, gates, wires, width, false);
    }

    /** A cost from long figures. */
    public static CountedCost of(int depth, long gates, long wires, long width) {
        return new CountedCost(depth, BigInteger.valueOf(gates), BigInteger.valueOf(wires), BigInteger.valueOf(width));
    }

    /** A built circuit's figures as a cost, to compare with a count ({@code equals}: the same figures). */
    public static CountedCost of(CircuitStats s) {
        return of(s.depth(), s.gates(), s.wires(), s.width());
    }

    /** Whether this cost has more than {@code limit} gates. */
    public boolean gatesAbove(long limit) {
        return gates.compareTo(BigInteger.valueOf(limit)) > 0;
    }

    /** Whether this cost's depth, gates and wires are each at most {@code o}'s (a hashed build against its count). */
    public boolean atMost(CountedCost o) {
        return depth <= o.depth && gates.compareTo(o.gates) <= 0 && wires.compareTo(o.wires) <= 0;
    }

    /** Whether gates, wires and width all fit a long (every circuit that can be built does). */
    public boolean fitsLong() {
        return gates.bitLength() < 64 && wires.bitLength() < 64 && width.bitLength() < 64;
    }
}
