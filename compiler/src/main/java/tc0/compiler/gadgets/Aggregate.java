package tc0.compiler.gadgets;

import tc0.compiler.numerics.FixedFormat;

/**
 * Neighbour aggregation {@code sum_j [adj_j] x_j} with the adjacency bits as inputs, exactly as
 * {@link tc0.compiler.numerics.Fixed#aggregate}: one AND per adjacency bit and word bit (depth 1), then
 * one {@link WeightedSum}: depth {@code 2k + 3} whatever the number of neighbours.
 */
public final class Aggregate {
    private Aggregate() {}

    public static int[] sum(Net net, int[] adj, int[][] xs, FixedFormat fx, FixedFormat out, int rounds) {
        if (adj.length != xs.length) throw new IllegalArgumentException(adj.length + " adjacency bits for " + xs.length + " words");
        LinearForm f = new LinearForm();
        for (int j = 0; j < xs.length; j++) {
            int w = xs[j].length;
            for (int b = 0; b < w; b++) {
                long weight = b == w - 1 ? -(1L << b) : 1L << b;
                f.add(net.and(adj[j], xs[j][b]), weight);
            }
        }
        return WeightedSum.toFormat(net, f, fx.fracBits(), out, rounds);
    }

    public static Cost cost(int m, FixedFormat fx, FixedFormat out, int rounds) {
        CountingNet n = new CountingNet();
        sum(n, n.input(m), n.inputs(m, fx.width()), fx, out, rounds);
        return n.cost();
    }

    /**
     * Closed form of {@link #cost}: {@code m w} ANDs (level 1) plus the closed {@link WeightedSum} of m words
     * made of them. Time O(rounds top^2), whatever m.
     */
    public static Cost closedCost(long m, FixedFormat fx, FixedFormat out, int rounds) {
        long[] sh = WeightedSum.toFormatShift(fx.fracBits(), out);
        int w = fx.width();
        SumShape s = new SumShape().addWords(m, w, sh[1], 1);
        return Multiply.plus(Multiply.ands(m * w), WeightedSum.closedCost(s, (int) sh[0], out.width(), true, rounds));
    }
}
