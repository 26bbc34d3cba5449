package tc0.compiler.gadgets;

import tc0.circuits.Literal;

/**
 * Comparison of two's complement words: {@code [x >= y]} is ONE threshold gate with weights
 * {@code ±2^i} (the sign bits {@code ∓2^(w-1)}); {@code [x == y]} is two of them and an AND (depth 2);
 * comparison with a constant is one gate, equality with a constant one AND. Weights are {@code 2^(w-1)} at
 * most, so words up to 61 bits (their weight sums must fit a long).
 */
public final class Compare {
    private Compare() {}

    /** {@code [x >= y]}: depth 1, 1 gate, {@code wx + wy} wires. */
    public static int geq(Net net, int[] x, int[] y) {
        return new LinearForm().addWord(x, 1).addWord(y, -1).atLeast(net, 0);
    }

    /** {@code [x > y]} = not {@code [y >= x]}: the same gate, inverted for free. */
    public static int gt(Net net, int[] x, int[] y) {
        return Literal.not(geq(net, y, x));
    }

    /** {@code [x >= a]} for a constant {@code a}: depth 1, 1 gate, {@code w} wires. */
    public static int geqConst(Net net, int[] x, long a) {
        return new LinearForm().addWord(x, 1).atLeast(net, a);
    }

    /** {@code [x == y]}: {@code [x >= y] and [y >= x]}: depth 2, 3 gates. */
    public static int eq(Net net, int[] x, int[] y) {
        return net.and(geq(net, x, y), geq(net, y, x));
    }

    /** {@code [x == a]} for a constant representable in x's width: one AND of the bits or their inverses. */
    public static int eqConst(Net net, int[] x, long a) {
        int w = x.length;
        if (a < -(1L << (w - 1)) || a > (1L << (w - 1)) - 1) return Literal.FALSE;
        int[] lits = new int[w];
        for (int i = 0; i < w; i++) lits[i] = ((a >>> i) & 1) != 0 ? x[i] : Literal.not(x[i]);
        return net.and(lits);
    }

    public static Cost costGeq(int wx, int wy) {
        CountingNet n = new CountingNet();
        geq(n, n.input(wx), n.input(wy));
        return n.cost();
    }

    public static Cost costEq(int wx, int wy) {
        CountingNet n = new CountingNet();
        eq(n, n.input(wx), n.input(wy));
        return n.cost();
    }

    /** Closed form of {@link #costGeq}: {@code (1, 1, wx + wy)}. */
    public static Cost closedCostGeq(int wx, int wy) { return new Cost(1, 1, wx + wy); }

    /** Closed form of {@link #costEq}: {@code (2, 3, 2(wx + wy) + 2)}. */
    public static Cost closedCostEq(int wx, int wy) { return new Cost(2, 3, 2L * (wx + wy) + 2); }
}
