package tc0.compiler.gadgets;

import tc0.circuits.CircuitBuilder;

/**
 * Where gadgets put their gates: a {@link CircuitBuilder} (through {@link #of}) or a {@link CountingNet}
 * that only counts. A gate is 1 iff {@code sum weights[i] * lits[i] >= threshold}; literals follow
 * {@link tc0.circuits.Literal}. Both implementations normalise identically (constants folded, repeated
 * nodes merged, single-literal and constant gates answered without a gate), so a gadget's count equals
 * what the builder makes without hashing.
 */
public interface Net {
    /** A gate over the first {@code count} terms; returns its literal (perhaps an existing one, folded). */
    int gate(int[] lits, long[] weights, int count, long threshold);

    /** Enters a region until the scope is closed (a no-op when counting). */
    CircuitBuilder.Scope region(String name);

    default int gate(int[] lits, long[] weights, long threshold) {
        if (lits.length != weights.length) throw new IllegalArgumentException("literals and weights differ in length");
        return gate(lits, weights, lits.length, threshold);
    }

    default int and(int... lits) { return gate(lits, ones(lits.length), lits.length); }

    default int or(int... lits) { return gate(lits, ones(lits.length), 1); }

    default int atLeast(int k, int... lits) { return gate(lits, ones(lits.length), k); }

    private static long[] ones(int n) {
        long[] w = new long[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    /** The net that builds into {@code b}. */
    static Net of(CircuitBuilder b) {
        return new Net() {
            @Override public int gate(int[] lits, long[] weights, int count, long threshold) {
                return b.gate(lits, weights, count, threshold);
            }
            @Override public CircuitBuilder.Scope region(String name) { return b.region(name); }
        };
    }
}
