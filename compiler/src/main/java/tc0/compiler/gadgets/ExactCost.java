package tc0.compiler.gadgets;

import java.math.BigInteger;

/**
 * A closed cost whose figures may pass a long: a maximum over the 2^40 kept key pairs of tensor attention at
 * n = 2^20 has 2^79 comparators. {@link #toCost} gives the long form where it fits and throws where it does not.
 */
public record ExactCost(int depth, BigInteger gates, BigInteger wires) {
    public ExactCost {
        if (depth < 0 || gates.signum() < 0 || wires.signum() < 0) throw new IllegalArgumentException("negative cost");
    }

    /** The same cost in longs; {@link ArithmeticException} past a long rather than a wrapped figure. */
    public Cost toCost() {
        return new Cost(depth, gates.longValueExact(), wires.longValueExact());
    }
}
