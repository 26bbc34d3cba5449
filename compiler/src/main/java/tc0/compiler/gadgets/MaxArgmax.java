package tc0.compiler.gadgets;

import java.math.BigInteger;
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

    /** Comparators: {@code m(m-1)/2} gates of fan-in {@code 2w}, exactly (past a long from m = 2^32 on). */
    public static BigInteger comparators(long m) {
        BigInteger b = BigInteger.valueOf(m);
        return b.multiply(b.subtract(BigInteger.ONE)).shiftRight(1);
    }

    /** Comparators as a long; {@link ArithmeticException} past a long rather than a wrapped count. */
    private static long pairs(long m) { return comparators(m).longValueExact(); }

    /**
     * Closed form of {@link #costMax}: m = 1 costs nothing; otherwise {@code (3, m(m-1)/2 + m w + w,
     * m(m-1) w + m^2 w + m w)} (comparators; per bit one AND of fan-in m per word and one OR of fan-in m).
     * Throws past a long: {@link #exactCostMax} holds any m.
     */
    public static Cost closedCostMax(long m, int w) {
        return exactCostMax(m, w).toCost();
    }

    /** {@link #closedCostMax} in exact integers, for m up to {@link Long#MAX_VALUE}. */
    public static ExactCost exactCostMax(long m, int w) {
        if (m == 1) return new ExactCost(0, BigInteger.ZERO, BigInteger.ZERO);
        BigInteger bm = BigInteger.valueOf(m), bw = BigInteger.valueOf(w), p = comparators(m);
        BigInteger gates = p.add(bm.multiply(bw)).add(bw);
        BigInteger wires = p.shiftLeft(1).multiply(bw).add(bm.multiply(bm).multiply(bw)).add(bm.multiply(bw));
        return new ExactCost(3, gates, wires);
    }

    /**
     * Closed form of {@link #costArgmaxOneHot}: m = 1 nothing; m = 2 the comparator alone {@code (1, 1, 2w)};
     * otherwise {@code (2, m(m-1)/2 + m, m(m-1) w + m(m-1))}. Throws past a long: {@link #exactCostArgmaxOneHot}
     * holds any m.
     */
    public static Cost closedCostArgmaxOneHot(long m, int w) {
        return exactCostArgmaxOneHot(m, w).toCost();
    }

    /** {@link #closedCostArgmaxOneHot} in exact integers, for m up to {@link Long#MAX_VALUE}. */
    public static ExactCost exactCostArgmaxOneHot(long m, int w) {
        if (m == 1) return new ExactCost(0, BigInteger.ZERO, BigInteger.ZERO);
        if (m == 2) return new ExactCost(1, BigInteger.ONE, BigInteger.valueOf(2L * w));
        BigInteger p = comparators(m), bw = BigInteger.valueOf(w);
        return new ExactCost(2, p.add(BigInteger.valueOf(m)), p.shiftLeft(1).multiply(bw).add(p.shiftLeft(1)));
    }

    /**
     * Closed form of {@link #costArgmaxIndex}: m = 1 nothing, m = 2 the comparator; otherwise comparators,
     * {@code m - 1} ANDs of fan-in {@code m - 1} (word 0 sets no bit), and for each of the
     * {@code ceil(log2 m)} index bits b an OR over the {@code c_b} words in 1..m-1 with bit b (a gate when
     * {@code c_b >= 2}), {@code c_b = floor(m / 2^(b+1)) 2^b + max(0, m mod 2^(b+1) - 2^b)}.
     */
    public static Cost closedCostArgmaxIndex(long m, int w) {
        if (m == 1) return new Cost(0, 0, 0);
        if (m == 2) return new Cost(1, 1, 2L * w);
        int bits = 64 - Long.numberOfLeadingZeros(m - 1);
        long gates = Math.addExact(pairs(m), m - 1), wires = Math.addExact(Math.multiplyExact(2 * w, pairs(m)), Math.multiplyExact(m - 1, m - 1));
        int depth = 2;
        for (int b = 0; b < bits; b++) {
            long c = (m >> (b + 1) << b) + Math.max(0, (m & ((2L << b) - 1)) - (1L << b));
            if (c >= 2) { gates++; wires = Math.addExact(wires, c); depth = 3; }
        }
        return new Cost(depth, gates, wires);
    }
}
