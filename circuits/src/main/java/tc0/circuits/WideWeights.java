package tc0.circuits;

import java.util.Arrays;

/**
 * The weights that do not fit an int, by wire index (ascending): the rare side of {@link WireWeights}, and of
 * the builder's wires while it builds. Compacted in place when dead wires are dropped ({@link #move}).
 */
final class WideWeights {
    private int[] at = new int[0];
    private long[] value = new long[0];
    private int count;
    private int compacted = -1; // during a compaction: entries below it are rewritten

    /** Adds wire {@code e}'s weight; {@code e} must exceed every wire added so far. */
    void add(int e, long w) {
        if (count > 0 && at[count - 1] >= e) throw new IllegalStateException("wide weight of wire " + e + " added out of order");
        if (count == at.length) {
            int n = Math.max(16, count * 2);
            at = Arrays.copyOf(at, n);
            value = Arrays.copyOf(value, n);
        }
        at[count] = e;
        value[count] = w;
        count++;
    }

    /** Wire {@code e}'s weight (it must have one here). */
    long get(int e) {
        return value[find(e, compacted < 0 ? 0 : compacted)];
    }

    /** The number of wires here. */
    int size() { return count; }

    /** Starts a compaction: {@link #move} each kept wide wire in ascending order, then {@link #endCompaction}. */
    void startCompaction() {
        compacted = 0;
    }

    /** Wire {@code from}'s weight becomes wire {@code to}'s ({@code to <= from}, wires in ascending order). */
    void move(int from, int to) {
        // Entries below `compacted` are rewritten already and need not ascend with the rest: look above it.
        int i = find(from, compacted);
        at[compacted] = to;
        value[compacted] = value[i];
        compacted++;
    }

    /** Ends a compaction: only the moved wires are left. */
    void endCompaction() {
        count = compacted;
        compacted = -1;
    }

    private int find(int e, int from) {
        int i = Arrays.binarySearch(at, from, count, e);
        if (i < 0) throw new IllegalStateException("wire " + e + " is marked wide but has no wide weight");
        return i;
    }
}
