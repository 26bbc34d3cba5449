package tc0.compiler.gadgets;

import tc0.circuits.GateTerms;
import tc0.circuits.Literal;

/**
 * Whether a gate would fold to a constant, decided as {@link CountingNet} and the builder decide it, without
 * making it: a gadget that builds a gate only where a consumer needs it asks first, so that no gate is left
 * dead (a dead gate is counted but not built).
 */
final class GateFold {
    private final GateTerms terms = new GateTerms();

    /** {@link Literal#TRUE} or {@link Literal#FALSE} when {@code [sum w lits >= t]} folds to that constant, else -1. */
    int constant(int[] lits, long[] w, int n, long t) {
        t = terms.load(lits, w, n, t, Integer.MAX_VALUE);
        long maxSum = 0, minSum = 0;
        long[] tw = terms.weights();
        for (int i = 0; i < terms.size(); i++) {
            if (tw[i] > 0) maxSum = Math.addExact(maxSum, tw[i]); else minSum = Math.addExact(minSum, tw[i]);
        }
        if (minSum >= t) return Literal.TRUE;
        if (maxSum < t) return Literal.FALSE;
        return -1;
    }
}
