package tc0.circuits;

import java.util.Arrays;

/**
 * Stored wires appended one by one (source node and weight), for the {@link CircuitBuilder} and for a
 * reader that makes a circuit: kept as the circuit keeps them ({@link WireChunks}, weights four bytes where
 * they fit an int), so a circuit takes them without a copy ({@link Circuit#ofRanges(int, int[], int[],
 * WireStore, long[], int[], int[], java.util.List, java.util.List, Regions)}, {@link CircuitBuilder#build()}),
 * and a large file is read into 8 bytes a stored wire, allocated as the wires arrive (a count in a file's
 * header allocates nothing). Chunk 0 starts small and doubles up to a full chunk; later chunks are added
 * whole and never copied.
 */
public final class WireStore {
    private int[][] nodes = {new int[256]};
    private int[][] narrow = {new int[256]};
    private final WideWeights wide = new WideWeights();
    private int size;
    private boolean taken;

    /** Appends a stored wire. */
    public void add(int node, long weight) {
        if (taken) throw new IllegalStateException("a circuit holds these wires already");
        int c = size >>> WireChunks.BITS, at = size & WireChunks.MASK;
        if (c == nodes.length || at == nodes[c].length) grow(c, at);
        nodes[c][at] = node;
        narrow[c][at] = WireWeights.narrowOrMark(weight, size, wide);
        size++;
    }

    /** The wires stored so far. */
    public int size() {
        return size;
    }

    private void grow(int c, int at) {
        if (size >= CircuitBuilder.MAX_STORED_WIRES) {
            throw new CircuitTooLargeException("more than " + size + " stored wires, past what tc0 indexes");
        }
        if (c < nodes.length) { // chunk 0, still short: doubles up to a full chunk
            int n = Math.min(WireChunks.SIZE, 2 * nodes[c].length);
            nodes[c] = Arrays.copyOf(nodes[c], n);
            narrow[c] = Arrays.copyOf(narrow[c], n);
            return;
        }
        nodes = Arrays.copyOf(nodes, c + 1);
        narrow = Arrays.copyOf(narrow, c + 1);
        nodes[c] = new int[WireChunks.SIZE];
        narrow[c] = new int[WireChunks.SIZE];
    }

    int node(int e) {
        return nodes[e >>> WireChunks.BITS][e & WireChunks.MASK];
    }

    long weight(int e) {
        int w = narrow[e >>> WireChunks.BITS][e & WireChunks.MASK];
        return w != WireWeights.WIDE ? w : wide.get(e);
    }

    /** Starts dropping wires: {@link #keep} each kept wire in ascending order, then {@link #endCompaction}. */
    void startCompaction() {
        wide.startCompaction();
    }

    /** Wire {@code from} becomes wire {@code to} ({@code to <= from}), its source now {@code node}. */
    void keep(int from, int to, int node) {
        nodes[to >>> WireChunks.BITS][to & WireChunks.MASK] = node;
        int w = narrow[from >>> WireChunks.BITS][from & WireChunks.MASK];
        narrow[to >>> WireChunks.BITS][to & WireChunks.MASK] = w;
        if (w == WireWeights.WIDE) wide.move(from, to);
    }

    /** Ends a compaction: the first {@code kept} wires are left, and the chunks past them let go. */
    void endCompaction(int kept) {
        wide.endCompaction();
        size = kept;
        int chunks = Math.max(1, (kept + WireChunks.MASK) >>> WireChunks.BITS);
        if (chunks < nodes.length) {
            nodes = Arrays.copyOf(nodes, chunks);
            narrow = Arrays.copyOf(narrow, chunks);
        }
    }

    /** The chunks for a circuit (the store cannot be added to afterwards). */
    int[][] nodeChunks() {
        taken = true;
        return nodes;
    }

    WireWeights weights() {
        taken = true;
        return new WireWeights(narrow, wide);
    }

    /** The first {@code stored} entries of the arrays. */
    static WireStore of(int[] faninNode, long[] weight, int stored) {
        WireStore w = new WireStore();
        for (int e = 0; e < stored; e++) w.add(faninNode[e], weight[e]);
        return w;
    }
}
