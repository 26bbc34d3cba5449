package tc0.compiler.gadgets;

import tc0.circuits.Literal;

/**
 * {@link FloatSum}'s first stage for one float x: bit j of {@code m 2^E} on the grid, once for each sign
 * {@code s}, as {@code OR_k ([E = k] AND [sign = s] AND m_(j-k))} (depth 2). Built gate by gate, or, on a
 * {@link TwinNet} and for a float whose p + q + 1 literals are distinct non-constant nodes (or its sign a constant), counted in closed
 * form: then every AND has q + 2 distinct terms (a gate), there are {@code 2 p 2^q} of them, AND (s, k, i) on
 * level {@code 1 + max(E's levels, sign's level, level of m_i)}, and bit j is one OR of the
 * {@code m_j = #{k : 0 <= j - k < p, k < 2^q}} ANDs where {@code m_j >= 2} (else that AND).
 */
final class AlignedBits {
    private AlignedBits() {}

    /** {@code bits[s][j]}, s = 0 positive, 1 negative, j in {@code 0 .. p + 2^q - 2}. */
    static int[][] of(Net net, FloatWord x) {
        if (net instanceof TwinNet t && t.twins() && distinctVariables(x)) return counted(t, x);
        int p = x.significand().length, q = x.exponent().length;
        if (net instanceof TwinNet t && t.twins() && zeroSignificand(x)) return zero(p + (1 << q) - 1); // a zero term (a masked entry's product): every AND folds
        int[][] bits = new int[2][p + (1 << q) - 1];
        for (int s = 0; s < 2; s++) {
            int signLit = s == 1 ? x.sign() : Literal.not(x.sign());
            for (int j = 0; j < bits[s].length; j++) bits[s][j] = aligned(net, x, signLit, j);
        }
        return bits;
    }

    /** Whether every significand bit is FALSE: then every AND reads a FALSE and folds, as the builder folds it. */
    private static boolean zeroSignificand(FloatWord x) {
        for (int m : x.significand()) if (m != Literal.FALSE) return false;
        return true;
    }

    private static int[][] zero(int w) {
        int[][] bits = new int[2][w];
        for (int[] b : bits) java.util.Arrays.fill(b, Literal.FALSE);
        return bits;
    }

    /** Bit j of {@code m 2^E} when the sign literal holds: one OR of ANDs over the exponent's values. */
    private static int aligned(Net net, FloatWord x, int signLit, int j) {
        int p = x.significand().length, q = x.exponent().length;
        int[] terms = new int[1 << q];
        int m = 0;
        for (int k = Math.max(0, j - p + 1); k <= Math.min(j, (1 << q) - 1); k++) {
            int[] lits = new int[q + 2];
            for (int b = 0; b < q; b++) lits[b] = ((k >> b) & 1) != 0 ? x.exponent()[b] : Literal.not(x.exponent()[b]);
            lits[q] = signLit;
            lits[q + 1] = x.significand()[j - k];
            terms[m++] = net.and(lits);
        }
        return m == 0 ? Literal.FALSE : net.or(java.util.Arrays.copyOf(terms, m));
    }

    /**
     * The twin: the same gates counted by level, the bits fresh literals at their levels. A constant sign folds
     * out of every AND of the sign it matches (q + 1 terms) and makes every bit of the other sign FALSE.
     */
    private static int[][] counted(TwinNet net, FloatWord x) {
        int p = x.significand().length, q = x.exponent().length, grid = 1 << q, w = p + grid - 1;
        boolean constantSign = Literal.isConstant(x.sign());
        int signs = constantSign ? 1 : 2, fanIn = constantSign ? q + 1 : q + 2;
        int common = constantSign ? 0 : net.level(x.sign());
        for (int e : x.exponent()) common = Math.max(common, net.level(e));
        int[] and = new int[p]; // the level of every AND over m_i
        for (int i = 0; i < p; i++) and[i] = 1 + Math.max(common, net.level(x.significand()[i]));
        for (int i = 0; i < p; i++) {
            net.counted((long) signs * grid, fanIn, and[i]);
            net.reads(x.significand()[i], (long) signs * grid);
        }
        for (int e : x.exponent()) net.reads(e, (long) signs * p * grid);
        if (!constantSign) net.reads(x.sign(), 2L * p * grid); // p 2^q ANDs read the sign, as many its negation
        int[] lv = new int[w];
        int[] window = windowMax(and, grid);
        for (int j = 0; j < w; j++) {
            int m = Math.min(j, grid - 1) - Math.max(0, j - p + 1) + 1;
            if (m >= 2) {
                net.counted(signs, m, window[j] + 1);
                lv[j] = window[j] + 1;
            } else {
                lv[j] = window[j];
            }
        }
        int[][] bits = new int[2][w];
        for (int s = 0; s < 2; s++) {
            // s = 0 needs sign 0; a constant sign decides which s holds (its bits) and which is FALSE throughout.
            boolean live = !constantSign || (s == 1) == (x.sign() == Literal.TRUE);
            for (int j = 0; j < w; j++) bits[s][j] = live ? net.freshAt(lv[j]) : Literal.FALSE;
        }
        return bits;
    }

    /** {@code out[j] = max a[i]} over {@code j - grid + 1 <= i <= j}, {@code 0 <= i < a.length} (a monotone deque). */
    static int[] windowMax(int[] a, int grid) {
        int p = a.length, w = p + grid - 1;
        int[] out = new int[w];
        int[] dq = new int[p];
        int head = 0, tail = 0;
        for (int j = 0; j < w; j++) {
            if (j < p) {
                while (tail > head && a[dq[tail - 1]] <= a[j]) tail--;
                dq[tail++] = j;
            }
            while (dq[head] < j - grid + 1) head++;
            out[j] = a[dq[head]];
        }
        return out;
    }

    /**
     * Whether the float's significand and exponent are distinct non-constant nodes, and its sign a constant or one
     * more distinct node, with at least one exponent bit: then no AND folds further or merges.
     */
    static boolean distinctVariables(FloatWord x) {
        if (x.exponent().length == 0) return false;
        boolean constantSign = Literal.isConstant(x.sign());
        int[] all = constantSign ? java.util.Arrays.copyOf(x.word(), x.word().length - 1) : x.word();
        int[] nodes = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            if (Literal.isConstant(all[i])) return false;
            nodes[i] = Literal.node(all[i]);
        }
        java.util.Arrays.sort(nodes);
        for (int i = 1; i < nodes.length; i++) if (nodes[i] == nodes[i - 1]) return false;
        return true;
    }
}
