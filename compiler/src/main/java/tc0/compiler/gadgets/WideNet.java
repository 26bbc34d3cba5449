package tc0.compiler.gadgets;

import java.math.BigInteger;

/**
 * A {@link Net} that also takes gates whose weights and thresholds pass a long, for counting sums tc0's builder
 * cannot build ({@link WideWeightedSum}): each gate normalised as the builder normalises one (inverted fan-ins
 * folded into the threshold, terms merged per node, zero weights dropped, constant and single-literal gates
 * answered without a gate), only over exact integers.
 */
public interface WideNet extends Net {
    /** {@code out[k] = [sum weights[i] lits[i] >= thresholds[k]]} for {@code k < n}, in that order. */
    void wideGates(int[] lits, BigInteger[] weights, int count, BigInteger[] thresholds, int n, int[] out);

    default int wideGate(int[] lits, BigInteger[] weights, int count, BigInteger threshold) {
        int[] out = new int[1];
        wideGates(lits, weights, count, new BigInteger[] {threshold}, 1, out);
        return out[0];
    }
}
