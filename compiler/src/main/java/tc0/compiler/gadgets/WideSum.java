package tc0.compiler.gadgets;

import java.util.ArrayList;
import java.util.List;
import tc0.circuits.Literal;

/**
 * n-ary addition at any width with small weights: the sum of {@link WideColumns} modulo {@code 2^width}, in
 * depth independent of the width and of the number of operands ({@code 2 rounds + 7}). {@link WeightedSum}'s
 * final stage is one threshold gate per output bit over every lower bit, weights up to {@code 2^width}: fine
 * to 61 bits, not at p = 1024 (and not TC0 with polynomial weights). Here no weight exceeds
 * {@code H 2^b}, {@code b} the block size ({@code O(log width)}) and {@code H} the column height left:
 * <ol>
 *   <li>{@code rounds} compression rounds (depth 2 each), {@link WeightedSum}'s own;</li>
 *   <li>block split (depth 2): the columns are cut into blocks of {@code b}; a block's value {@code V_i}
 *       ({@code < H 2^b}) is read by a ladder {@code [V_i >= v]}, and its low {@code b} bits {@code L_i} and
 *       its high part {@code C_i = floor(V_i / 2^b)} by one gate per bit ({@code ±1} over the ladder, as
 *       {@link Lookup}). Then the sum is {@code A + B}, {@code A} the blocks {@code L_i}, {@code B} the
 *       {@code C_i} each placed at block {@code i + 1} ({@code b >= bits(C_i)}: they do not overlap);</li>
 *   <li>two-operand carry look-ahead over blocks (depth 5): per block {@code S_i = A_i + B_i}, generate
 *       {@code g_i = [S_i >= 2^b]} and propagate {@code p_i = [S_i >= 2^b - 1]} (depth 1); the carry into
 *       block i is {@code OR_(j<i) (g_j AND p_(j+1) AND ... AND p_(i-1))} (depth 3); output bit t of block
 *       i is bit t of {@code S_i + c_i}: gates {@code [S_i + c_i >= v]} (depth 4), combined with ±1 (5).</li>
 * </ol>
 * A block whose columns hold at most one bit each needs no split (its bits are {@code L_i}). The carry
 * stage has {@code N^2 / 2} AND gates of fan-in up to N ({@code N = width / b} blocks); {@code b} is chosen
 * to balance that against the ladders' {@code 2^b}.
 */
public final class WideSum {
    private WideSum() {}

    /** The sum modulo {@code 2^width} as {@code width} bits, least significant first. */
    public static int[] build(Net net, WideColumns in, int rounds) {
        List<WeightedSum.IntList> cols = in.cols;
        for (int r = 0; r < rounds; r++) cols = WeightedSum.compress(net, cols, rounds - r);
        int width = cols.size();
        int h = 1;
        for (WeightedSum.IntList c : cols) h = Math.max(h, c.size());
        int b = blockSize(width, h);
        int blocks = (width + b - 1) / b;
        // Split: A's and B's bits per block (B_i = the high part of block i - 1).
        int[][] a = new int[blocks][], bb = new int[blocks][];
        for (int i = 0; i < blocks; i++) bb[i] = new int[0];
        for (int i = 0; i < blocks; i++) {
            int from = i * b, to = Math.min(width, from + b);
            int[][] split = split(net, cols, from, to, i + 1 < blocks ? Math.min(b, width - to) : 0);
            a[i] = split[0];
            if (i + 1 < blocks) bb[i + 1] = split[1];
        }
        return addBlocks(net, a, bb, width, b);
    }

    /**
     * Block size: the smallest estimated wire count over {@code b} from {@code bits(H)} (the high part must
     * fit one block) to 16; the estimate is {@code N^3/6} for the carry ANDs plus the ladders.
     */
    static int blockSize(int width, int h) {
        int hb = 64 - Long.numberOfLeadingZeros(h);
        int best = Math.max(1, hb);
        double bestCost = Double.MAX_VALUE;
        for (int b = Math.max(1, hb); b <= Math.max(hb, 16); b++) {
            double n = Math.ceil((double) width / b);
            double cost = n * n * n / 6 + n * ((double) h * h * b * (1L << b) + 4.0 * b * (1L << b));
            if (cost < bestCost) { bestCost = cost; best = b; }
            if (b >= width) break;
        }
        return best;
    }

    /**
     * Low bits (width {@code to - from}) and high part ({@code highWidth} bits, kept) of the block's value.
     * A block of single bits is its own low part, high part empty.
     */
    private static int[][] split(Net net, List<WeightedSum.IntList> cols, int from, int to, int highWidth) {
        int n = 0;
        boolean single = true;
        for (int j = from; j < to; j++) { n += cols.get(j).size(); single &= cols.get(j).size() <= 1; }
        int lowWidth = to - from;
        if (single) {
            int[] low = new int[lowWidth];
            for (int j = from; j < to; j++) low[j - from] = cols.get(j).size() == 0 ? Literal.FALSE : cols.get(j).get(0);
            return new int[][] {low, new int[0]};
        }
        int[] lits = new int[n];
        long[] w = new long[n];
        long vmax = 0;
        int k = 0;
        for (int j = from; j < to; j++) {
            WeightedSum.IntList c = cols.get(j);
            for (int i = 0; i < c.size(); i++) { lits[k] = c.get(i); w[k] = 1L << (j - from); vmax += w[k]; k++; }
        }
        int[] ladder = ladder(net, lits, w, n, vmax);
        int highBits = 64 - Long.numberOfLeadingZeros(vmax >>> lowWidth);
        int[] low = new int[lowWidth], high = new int[Math.min(highWidth, highBits)];
        for (int t = 0; t < lowWidth; t++) low[t] = bitOfLadder(net, ladder, vmax, t);
        for (int t = 0; t < high.length; t++) high[t] = bitOfLadder(net, ladder, vmax, lowWidth + t);
        return new int[][] {low, high};
    }

    /** {@code [V >= v]} for {@code v = 1 .. vmax} (index {@code v - 1}). */
    static int[] ladder(Net net, int[] lits, long[] w, int n, long vmax) {
        int m = Math.toIntExact(vmax);
        int[] out = new int[m];
        net.gates(lits, w, n, Ones.upTo(m), m, out);
        return out;
    }

    /** Bit t of V from its ladder: {@code sum ±[V >= v]} over the v where bit t changes. */
    static int bitOfLadder(Net net, int[] ladder, long vmax, int t) {
        int m = ladder.length;
        int[] lits = new int[m];
        long[] w = new long[m];
        int k = 0;
        for (long v = 1L << t; v <= vmax; v += 1L << t) {
            lits[k] = ladder[(int) v - 1];
            w[k] = ((v >>> t) & 1) != 0 ? 1 : -1;
            k++;
        }
        return net.gate(lits, w, k, 1);
    }

    /** {@code A + B} modulo {@code 2^width} by carry look-ahead over blocks. */
    private static int[] addBlocks(Net net, int[][] a, int[][] bb, int width, int b) {
        int blocks = a.length;
        int[] out = new int[width];
        int[][] lits = new int[blocks][];
        long[][] ws = new long[blocks][];
        long[] smax = new long[blocks];
        for (int i = 0; i < blocks; i++) {
            int n = a[i].length + bb[i].length;
            lits[i] = new int[n + 1]; // the last slot: the carry in
            ws[i] = new long[n + 1];
            for (int t = 0; t < a[i].length; t++) { lits[i][t] = a[i][t]; ws[i][t] = 1L << t; smax[i] += 1L << t; }
            for (int t = 0; t < bb[i].length; t++) { lits[i][a[i].length + t] = bb[i][t]; ws[i][a[i].length + t] = 1L << t; smax[i] += 1L << t; }
        }
        Carries c = new Carries(net, lits, ws, b);
        for (int i = 0; i < blocks; i++) {
            int n = lits[i].length - 1;
            lits[i][n] = c.into(i);
            ws[i][n] = 1;
            long vmax = smax[i] + 1;
            int[] ladder = ladder(net, lits[i], ws[i], n + 1, vmax);
            for (int t = 0; t < a[i].length; t++) out[i * b + t] = bitOfLadder(net, ladder, vmax, t);
        }
        return out;
    }

    /**
     * Generate {@code g_j = [S_j >= 2^b]} and propagate {@code p_k = [S_k >= 2^b - 1]} per block, each built
     * the first time a carry's AND needs it (an AND with a constant-false member is never built, and neither
     * are its members), so that no gate is left dead.
     */
    private static final class Carries {
        private final Net net;
        private final int[][] lits;
        private final long[][] ws;
        private final long full;
        private final int[] g, p;
        private final GateFold fold = new GateFold();

        Carries(Net net, int[][] lits, long[][] ws, int b) {
            this.net = net;
            this.lits = lits;
            this.ws = ws;
            this.full = 1L << b;
            int n = lits.length;
            g = new int[n];
            p = new int[n];
            java.util.Arrays.fill(g, -1);
            java.util.Arrays.fill(p, -1);
        }

        /** The carry into block i: {@code OR_(j<i) (g_j AND p_(j+1) AND ... AND p_(i-1))}. */
        int into(int i) {
            List<int[]> ands = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (constant(j, full) == Literal.FALSE) continue;
                boolean dead = false, allTrue = constant(j, full) == Literal.TRUE;
                for (int k = j + 1; k < i && !dead; k++) {
                    int ck = constant(k, full - 1);
                    dead = ck == Literal.FALSE;
                    allTrue &= ck == Literal.TRUE;
                }
                if (dead) continue;
                if (allTrue) return Literal.TRUE;
                ands.add(new int[] {j, i});
            }
            int[] terms = new int[ands.size()];
            for (int t = 0; t < terms.length; t++) {
                int j = ands.get(t)[0];
                int[] and = new int[i - j];
                and[0] = gate(g, j, full);
                for (int k = j + 1; k < i; k++) and[k - j] = gate(p, k, full - 1);
                terms[t] = and.length == 1 ? and[0] : net.and(and);
            }
            return terms.length == 0 ? Literal.FALSE : terms.length == 1 ? terms[0] : net.or(terms);
        }

        private int constant(int i, long t) { return fold.constant(lits[i], ws[i], lits[i].length - 1, t); }

        private int gate(int[] memo, int i, long t) {
            if (memo[i] < 0) memo[i] = net.gate(lits[i], ws[i], lits[i].length - 1, t);
            return memo[i];
        }
    }
}
