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
    /**
     * A gate over the first {@code count} terms; returns its literal (perhaps an existing one, folded).
     * The arrays are read during the call only: never kept, never changed, so callers may pass scratch.
     */
    int gate(int[] lits, long[] weights, int count, long threshold);

    /**
     * {@code out[k] = gate(lits, weights, count, thresholds[k])} for {@code k < n}, in that order. A builder
     * normalises the shared terms once ({@link CircuitBuilder#gates}); the result is the same either way.
     */
    default void gates(int[] lits, long[] weights, int count, long[] thresholds, int n, int[] out) {
        for (int k = 0; k < n; k++) out[k] = gate(lits, weights, count, thresholds[k]);
    }

    /** Enters a region until the scope is closed (a no-op when counting). */
    CircuitBuilder.Scope region(String name);

    default int gate(int[] lits, long[] weights, long threshold) {
        if (lits.length != weights.length) throw new IllegalArgumentException("literals and weights differ in length");
        return gate(lits, weights, lits.length, threshold);
    }

    default int and(int... lits) { return gate(lits, ones(lits.length), lits.length, lits.length); }

    default int or(int... lits) { return gate(lits, ones(lits.length), lits.length, 1); }

    default int atLeast(int k, int... lits) { return gate(lits, ones(lits.length), lits.length, k); }

    private static long[] ones(int n) {
        return Ones.atLeast(n);
    }

    /** The net that builds into {@code b}. */
    static Net of(CircuitBuilder b) {
        return new Net() {
            @Override public int gate(int[] lits, long[] weights, int count, long threshold) {
                return b.gate(lits, weights, count, threshold);
            }
            @Override public void gates(int[] lits, long[] weights, int count, long[] thresholds, int n, int[] out) {
                b.gates(lits, weights, count, thresholds, n, out);
            }
            @Override public CircuitBuilder.Scope region(String name) { return b.region(name); }
        };
    }
}
