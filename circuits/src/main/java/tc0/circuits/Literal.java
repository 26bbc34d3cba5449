package tc0.circuits;

/**
 * A literal names a node and an optional inversion, packed in one int as {@code node * 2 + negated}, the
 * AIGER convention. Inversion is free in a threshold circuit: a negated fan-in is a negated weight with the
 * threshold shifted, and a negated output is just a flag, so no gate is spent on it.
 */
public final class Literal {
    /** The constant false: node 0, not negated. */
    public static final int FALSE = 0;
    /** The constant true: node 0, negated. */
    public static final int TRUE = 1;

    private Literal() {}

    public static int of(int node, boolean negated) {
        if (node < 0) throw new IllegalArgumentException("negative node " + node);
        return (node << 1) | (negated ? 1 : 0);
    }

    public static int node(int literal) {
        return literal >>> 1;
    }

    public static boolean isNegated(int literal) {
        return (literal & 1) != 0;
    }

    public static int not(int literal) {
        return literal ^ 1;
    }

    public static boolean isConstant(int literal) {
        return literal >>> 1 == 0;
    }
}
