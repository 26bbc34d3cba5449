package tc0.compiler.gadgets;

import tc0.circuits.Literal;

/**
 * Selection: a two-way multiplexer {@code s ? a : b} and a one-hot selection {@code OR_i (sel_i AND x_i)}.
 * Both depth 2 (an AND per bit and word, an OR per bit). A multiplexer is not a threshold function, so
 * depth 2 is the least.
 */
public final class Select {
    private Select() {}

    /** {@code s ? a : b}, bit by bit; words of one width. Depth 2, {@code 3w} gates, {@code 6w} wires. */
    public static int[] mux(Net net, int s, int[] a, int[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("widths differ");
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) out[i] = net.or(net.and(s, a[i]), net.and(Literal.not(s), b[i]));
        return out;
    }

    /**
     * The word {@code x_i} whose {@code sel_i} is 1, all words of one width; at most one {@code sel_i} may be 1
     * (none gives 0). Depth 2: {@code m w} ANDs and {@code w} ORs of fan-in m.
     */
    public static int[] oneHot(Net net, int[] sel, int[][] words) {
        int w = words[0].length, m = words.length;
        int[] out = new int[w];
        int[] terms = new int[m];
        for (int b = 0; b < w; b++) {
            for (int i = 0; i < m; i++) terms[i] = net.and(sel[i], words[i][b]);
            out[b] = net.or(terms.clone());
        }
        return out;
    }

    public static Cost costMux(int w) {
        CountingNet n = new CountingNet();
        mux(n, n.input(1)[0], n.input(w), n.input(w));
        return n.cost();
    }

    public static Cost costOneHot(int m, int w) {
        CountingNet n = new CountingNet();
        oneHot(n, n.input(m), n.inputs(m, w));
        return n.cost();
    }

    /** Closed form of {@link #costMux}: {@code (2, 3w, 6w)}. */
    public static Cost closedCostMux(int w) { return new Cost(2, 3L * w, 6L * w); }

    /** Closed form of {@link #costOneHot}: {@code (2, (m+1) w, 3 m w)}; for m = 1 the OR is its one AND: {@code (1, w, 2w)}. */
    public static Cost closedCostOneHot(long m, int w) {
        if (m == 1) return new Cost(1, w, 2L * w);
        return new Cost(2, (m + 1) * w, 3 * m * w);
    }
}
