package tc0.compiler.gadgets;

import tc0.circuits.Literal;

/**
 * A literal that is only a level: it stands for a fresh gate of its own (a distinct node nobody else reads) on that
 * level, with no node made for it. On a net that keeps every gate ({@link TwinNet#keepsEveryGate}) the power series'
 * term bits are such gates, each read once, by its prime's sum ({@link OneHotPowers#addTerm}), and that sum's first
 * compression round reads a group of them by their number and highest level alone ({@link CountBitsTwin}'s
 * {@code extra}): so they need no counting-net node, where they were some 1.26 x 10^9 of them at log p = 512 (2.5 GB
 * of levels, 59% of a net's 2^31 nodes). Where one reaches a gate by itself (a column's only bit, a group the twin
 * does not model) it is {@link #made} then, a fresh node on its level: the same gate a node per bit would have been.
 *
 * <p>Encoding: the node {@link #FIRST_NODE}{@code  + level}, in the top 2^16 node numbers, which a {@link CountingNet}
 * never gives out; negation as any literal's. Only the gadgets' sums (compression groups, {@link WeightedSum}) read it.
 */
final class LevelLiteral {
    /** The first node number standing for a level (levels are 16 bits: the top 2^16 numbers below 2^31). */
    static final int FIRST_NODE = Integer.MAX_VALUE - Character.MAX_VALUE;

    private LevelLiteral() {}

    /** The literal of a fresh gate on {@code level}, not made. */
    static int of(int level) {
        if (level < 0 || level > Character.MAX_VALUE) throw new ArithmeticException("level " + level + " past 16 bits");
        return Literal.of(FIRST_NODE + level, false);
    }

    /** Whether {@code lit} (negated or not) is a level literal. */
    static boolean is(int lit) { return Literal.node(lit) >= FIRST_NODE; }

    /** Its level. */
    static int level(int lit) { return Literal.node(lit) - FIRST_NODE; }

    /** Whether a sum on {@code net} may meet level literals: only a twin net that keeps every gate is given them. */
    static boolean mayHold(Net net) { return net instanceof TwinNet t && t.keepsEveryGate() && t.twins(); }

    /** Whether any of the first {@code n} literals is a level literal. */
    static boolean any(int[] lits, int n) {
        for (int i = 0; i < n; i++) if (is(lits[i])) return true;
        return false;
    }

    /** {@code lit} itself, or where it is a level literal a fresh output made on its level (negated as it is). */
    static int made(TwinNet net, int lit) {
        if (!is(lit)) return lit;
        int out = net.outputAt(level(lit));
        return Literal.isNegated(lit) ? Literal.not(out) : out;
    }

    /** A copy of {@code lits} with every level literal {@link #made} (each a node of its own). */
    static int[] made(Net net, int[] lits) {
        int[] out = lits.clone();
        for (int i = 0; i < out.length; i++) if (is(out[i])) out[i] = made((TwinNet) net, out[i]);
        return out;
    }

    /**
     * Makes the level literals among a sum's {@code n} terms {@code y} (positive weights {@code a}) that would be read
     * other than once, in one column's group: every one where {@code saturate} (the bounds' gates read every term),
     * else those whose weight is not a power of two (one bit per column: the same node in two columns, which a later
     * gate over both merges). A series' term bits weigh {@code 2^t < q}: none is made.
     */
    static void makeUnlessOneColumn(Net net, int[] y, long[] a, int n, boolean saturate) {
        for (int i = 0; i < n; i++) if (is(y[i]) && (saturate || Long.bitCount(a[i]) != 1)) y[i] = made((TwinNet) net, y[i]);
    }

    /**
     * A compression group's count on a twin net, its level literals read as {@code extra} distinct fresh nodes on
     * their highest level ({@link CountBitsTwin}); null where the twin does not model it (then make them and count
     * gate by gate).
     */
    static int[] countBits(TwinNet net, int[] bits, int keep) {
        int[] listed = new int[bits.length];
        int n = 0, extra = 0, top = 0;
        for (int lit : bits) {
            if (!is(lit)) { listed[n++] = lit; continue; }
            extra++;
            top = Math.max(top, level(lit));
        }
        return CountBitsTwin.countBits(net, java.util.Arrays.copyOf(listed, n), extra, top, keep, null);
    }
}
