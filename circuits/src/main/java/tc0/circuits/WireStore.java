package tc0.circuits;

import java.util.Arrays;

/**
 * Stored wires appended one by one (source node and weight), for a reader that makes a circuit: kept as
 * the circuit keeps them ({@link WireChunks}, weights four bytes where they fit an int), so
 * {@link Circuit#ofRanges(int, int[], int[], WireStore, long[], int[], int[], java.util.List,
 * java.util.List, Regions)} takes them without a copy and a large file is read into 8 bytes a stored wire,
 * allocated as the wires arrive (a count in a file's header allocates nothing).
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
