package tc0.compiler.gadgets;

import tc0.circuits.Literal;

/**
 * Maximum and argmax of m words by all-pairs comparison (constant depth, {@code m(m-1)/2} comparators):
 * {@code c_ij = [x_i >= x_j]} for {@code i < j}; word i wins iff it beats every earlier word strictly and
 * every later word or ties (so the first maximum wins, as {@link tc0.compiler.numerics.Fixed#argmax}).
 * <ul>
 *   <li>{@link #argmaxOneHot}: depth 2 (comparators, one AND per word; depth 1 for two words);</li>
 *   <li>{@link #max}: depth 3: bit b is {@code OR_i [wins_i AND x_ib]}, the AND folded into one gate over
 *       the comparators and the bit (depth 2), then the OR;</li>
 *   <li>{@link #argmaxIndex}: depth 3: index bit b is the OR of the winners whose index has bit b.</li>
 * </ul>
 */
public final class MaxArgmax {
    private MaxArgmax() {}

    /** The literals each word needs true to win: comparisons as seen from word i. */
    private static int[][] winConditions(Net net, int[][] xs) {
        int m = xs.length;
        int[][] c = new int[m][m];
        for (int i = 0; i < m; i++) for (int j = i + 1; j < m; j++) c[i][j] = Compare.geq(net, xs[i], xs[j]);
        int[][] cond = new int[m][m - 1];
        for (int i = 0; i < m; i++) {
            int k = 0;
            for (int j = 0; j < m; j++) {
                if (j < i) cond[i][k++] = Literal.not(c[j][i]); // x_i > x_j  ==  not [x_j >= x_i]
                else if (j > i) cond[i][k++] = c[i][j];          // x_i >= x_j
            }
        }
        return cond;
    }

    /** One-hot winner: bit i is 1 iff word i is the first maximum. */
    public static int[] argmaxOneHot(Net net, int[][] xs) {
        int m = xs.length;
        if (m == 1) return new int[] {Literal.TRUE};
        int[][] cond = winConditions(net, xs);
        int[] win = new int[m];
        for (int i = 0; i < m; i++) win[i] = net.and(cond[i]);
        return win;
    }

    /** The index of the first maximum, as an unsigned word of {@code ceil(log2 m)} bits (1 bit at least). */
    public static int[] argmaxIndex(Net net, int[][] xs) {
        int m = xs.length;
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(m - 1));
        if (m == 1) return new int[] {Literal.FALSE};
        int[][] cond = winConditions(net, xs);
        int[] win = new int[m];
        for (int i = 1; i < m; i++) win[i] = net.and(cond[i]); // word 0 sets no index bit: not built
        int[] out = new int[bits];
        for (int b = 0; b < bits; b++) {
            int[] terms = new int[m];
            int k = 0;
            for (int i = 0; i < m; i++) if ((i >> b & 1) != 0) terms[k++] = win[i];
            out[b] = net.or(java.util.Arrays.copyOf(terms, k));
        }
        return out;
    }

    /** The maximum word (same width as the inputs). */
    public static int[] max(Net net, int[][] xs) {
        int m = xs.length, w = xs[0].length;
        if (m == 1) return xs[0].clone();
        int[][] cond = winConditions(net, xs);
        int[] out = new int[w];
        for (int b = 0; b < w; b++) {
            int[] terms = new int[m];
            for (int i = 0; i < m; i++) {
                int[] lits = java.util.Arrays.copyOf(cond[i], m);
                lits[m - 1] = xs[i][b];
                terms[i] = net.and(lits);
            }
            out[b] = net.or(terms);
        }
        return out;
    }

    public static Cost costMax(int m, int w) {
        CountingNet n = new CountingNet();
        max(n, n.inputs(m, w));
        return n.cost();
    }

    public static Cost costArgmaxOneHot(int m, int w) {
        CountingNet n = new CountingNet();
        argmaxOneHot(n, n.inputs(m, w));
        return n.cost();
    }

    public static Cost costArgmaxIndex(int m, int w) {
        CountingNet n = new CountingNet();
        argmaxIndex(n, n.inputs(m, w));
        return n.cost();
    }
}
