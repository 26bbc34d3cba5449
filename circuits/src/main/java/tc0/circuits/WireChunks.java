package tc0.circuits;

/**
 * How wires are stored, in the builder and in a circuit: arrays of {@link #SIZE} ints, wire {@code e} at
 * {@code [e >>> BITS][e & MASK]}; chunk 0 may be shorter (a small circuit's). A growing builder adds chunks
 * and never copies one, and a circuit takes the builder's (or a reader's {@link WireStore}) chunks as they are: every stored wire is written
 * once, into memory touched once (on a machine where fresh memory is slow to touch, copies and zeroed
 * reserves were most of a large compile: docs/PERFORMANCE.md).
 */
final class WireChunks {
    /** 1 MiB arrays: past the launcher's PretenureSizeThreshold, so the serial collector never copies one. */
    static final int BITS = 18;
    static final int SIZE = 1 << BITS;
    static final int MASK = SIZE - 1;

    private WireChunks() {}
}
