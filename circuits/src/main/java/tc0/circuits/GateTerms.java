package tc0.circuits;

import java.util.Arrays;

/**
 * A gate's fan-in normalised, in reusable scratch arrays: {@code w * not x} becomes {@code -w * x} with
 * {@code w} taken off the threshold, zero weights and the constant node dropped, terms sorted by node
 * (stable) and repeated nodes merged (dropped where their weights cancel). One normal form for the builder
 * and for every net that counts what the builder would make, so their counts agree by construction.
 * Not thread-safe; {@link #nodes()} and {@link #weights()} are valid until the next {@link #load}.
 */
public final class GateTerms {
    private static final int SMALL_SORT = 24;

    private int[] node = new int[64];
    private long[] weight = new long[64];
    private long[] sortKeys = new long[64];
    private int[] sortedNode = new int[64];
    private long[] sortedWeight = new long[64];
    private int size;

    /**
     * Loads the first {@code count} terms over nodes {@code 0 .. nodeCount - 1} (node 0 is the constant) and
     * returns the threshold {@code t} less the weights of the negated literals.
     *
     * @throws IllegalArgumentException for a literal naming no node built yet
     * @throws ArithmeticException      where the threshold or a merged weight overflows a long
     */
    public long load(int[] lits, long[] weights, int count, long t, long nodeCount) {
        if (node.length < count) grow(count);
        int terms = 0, last = -1;
        boolean ascending = true; // strictly: then there is nothing to sort or merge (most gates come so)
        for (int i = 0; i < count; i++) {
            int lit = lits[i];
            long w = weights[i];
            if (lit < 0 || Literal.node(lit) >= nodeCount) throw new IllegalArgumentException("literal " + lit + " names no node built yet");
            if (w == 0) continue;
            if (Literal.isNegated(lit)) { // w * (1 - x) = w - w * x
                t = Math.subtractExact(t, w);
                w = -w;
            }
            int n = Literal.node(lit);
            if (n == 0) continue; // the constant false contributes nothing
            node[terms] = n;
            weight[terms] = w;
            terms++;
            ascending &= n > last;
            last = n;
        }
        size = ascending ? terms : sortAndMerge(terms);
        return t;
    }

    /** The number of terms loaded. */
    public int size() { return size; }

    /** The terms' nodes, ascending (scratch: entries past {@link #size()} are stale). */
    public int[] nodes() { return node; }

    /** The terms' weights, none zero (scratch: callers may rescale them in place). */
    public long[] weights() { return weight; }

    private void grow(int count) {
        int n = Math.max(count, node.length * 2);
        node = new int[n];
        weight = new long[n];
        sortKeys = new long[n];
        sortedNode = new int[n];
        sortedWeight = new long[n];
    }

    private int sortAndMerge(int terms) {
        if (terms > 1 && !sorted(terms)) {
            if (terms <= SMALL_SORT) insertionSort(terms);
            else keySort(terms);
        }
        int out = 0;
        for (int i = 0; i < terms; i++) {
            if (out > 0 && node[out - 1] == node[i]) {
                weight[out - 1] = Math.addExact(weight[out - 1], weight[i]);
                if (weight[out - 1] == 0) out--;
            } else {
                node[out] = node[i];
                weight[out] = weight[i];
                out++;
            }
        }
        return out;
    }

    private boolean sorted(int terms) {
        for (int i = 1; i < terms; i++) if (node[i - 1] > node[i]) return false;
        return true;
    }

    private void insertionSort(int terms) {
        for (int i = 1; i < terms; i++) {
            int n = node[i];
            long w = weight[i];
            int j = i - 1;
            while (j >= 0 && node[j] > n) {
                node[j + 1] = node[j];
                weight[j + 1] = weight[j];
                j--;
            }
            node[j + 1] = n;
            weight[j + 1] = w;
        }
    }

    private void keySort(int terms) {
        for (int i = 0; i < terms; i++) sortKeys[i] = ((long) node[i] << 32) | i;
        Arrays.sort(sortKeys, 0, terms);
        for (int i = 0; i < terms; i++) {
            int from = (int) sortKeys[i];
            sortedNode[i] = node[from];
            sortedWeight[i] = weight[from];
        }
        System.arraycopy(sortedNode, 0, node, 0, terms);
        System.arraycopy(sortedWeight, 0, weight, 0, terms);
    }
}
