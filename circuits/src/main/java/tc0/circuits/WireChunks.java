package tc0.circuits;

/**
 * How wires are stored, in the builder and in a circuit: arrays of {@link #SIZE} ints, wire {@code e} at
 * {@code [e >>> BITS][e & MASK]}; chunk 0 may be shorter (a small circuit's). A growing builder adds chunks
 * and never copies one, and a circuit takes the builder's chunks as they are: every stored wire is written
 * once, into memory touched once (on a machine where fresh memory is slow to touch, copies and zeroed
 * reserves were most of a large compile: docs/PERFORMANCE.md).
 */
final class WireChunks {
    /** 1 MiB arrays: past the launcher's PretenureSizeThreshold, so the serial collector never copies one. */
    static final int BITS = 18;
    static final int SIZE = 1 << BITS;
    static final int MASK = SIZE - 1;

    private WireChunks() {}

    static int get(int[][] chunks, int e) {
        return chunks[e >>> BITS][e & MASK];
    }

    /** The first {@code length} entries of {@code flat}, copied into chunks. */
    static int[][] of(int[] flat, int length) {
        int[][] chunks = new int[Math.max(1, (length + MASK) >>> BITS)][];
        for (int c = 0; c < chunks.length; c++) {
            int from = c << BITS, n = Math.min(SIZE, length - from);
            chunks[c] = new int[n];
            System.arraycopy(flat, from, chunks[c], 0, n);
        }
        return chunks;
    }
}
