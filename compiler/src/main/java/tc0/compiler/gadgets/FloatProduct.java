package tc0.compiler.gadgets;

import tc0.circuits.Literal;

/**
 * The product of p-bit floats with one rounding in constant depth whatever p: two factors by
 * {@link WideMultiply} ({@code d_std}; by {@link #byConstant} where one is a constant), n factors by {@link IteratedProduct} ({@code d_prod}). The exact
 * significand product N (np bits) goes to {@link FloatRound} with {@code base = sum E_i - (n - 1) 2^(q-1)}
 * (the exponents add; each carries the bias once); the sign is the parity of the signs (a ladder over their
 * count and one gate, depth 2).
 */
public final class FloatProduct {
    private FloatProduct() {}

    /**
     * {@code round(x y)}; a {@link Block}, so that a counting net counts the alike products of a matrix product's
     * entry once (a causal P @ V row: one product per kept entry, the masked ones a zero factor).
     */
    public static FloatWord multiply(Net net, FloatWord x, FloatWord y, int rounds) {
        int p = x.significand().length, q = x.exponent().length;
        return FloatWord.of(Block.call(net, "float multiply p=" + p + " q=" + q + " rounds=" + rounds, new int[][] {x.word(), y.word()},
                (n, in) -> product(n, FloatWord.of(in[0], p, q), FloatWord.of(in[1], p, q), rounds).word()), p, q);
    }

    private static FloatWord product(Net net, FloatWord x, FloatWord y, int rounds) {
        if (nonzeroConstant(y.significand())) return round(net, new FloatWord[] {x, y}, byConstant(net, x.significand(), y.significand(), rounds));
        if (nonzeroConstant(x.significand())) return round(net, new FloatWord[] {x, y}, byConstant(net, y.significand(), x.significand(), rounds));
        return round(net, new FloatWord[] {x, y}, WideMultiply.product(net, x.significand(), y.significand(), rounds));
    }

    /**
     * {@code m c} for a constant c of p bits, as {@code (2^p - 1) m - c' m}, c' c's complement: every row
     * {@code 2^i m} added and the rows of c's zero bits subtracted. With c's own rows alone the columns' heights
     * follow c's bits (a weight with one, two or three set bits made the product 7, 17 or 20 deep at p = 8, and a
     * model's depth changed where its weights, rounded to p = n bits, gained bits); with every row present they are
     * the full product's whatever c, and the depth is 20 for every c at every p from 5 on (FloatConstantProductTest).
     * About the columns of a product of two variables (p^2 and up to p^2 more), without its ANDs.
     */
    static int[] byConstant(Net net, int[] m, int[] c, int rounds) {
        int p = c.length, width = m.length + p;
        WideColumns cols = new WideColumns(width);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < m.length; j++) {
                cols.addShifted(m[j], i + j);
                if (c[i] == Literal.FALSE) cols.subtractShifted(m[j], i + j);
            }
        }
        return WideSum.buildConstantInBlocks(net, cols, rounds);
    }

    /** Whether every bit is a constant and one is TRUE (a zero constant folds the product to zero as it is). */
    private static boolean nonzeroConstant(int[] bits) {
        boolean any = false;
        for (int b : bits) {
            if (!Literal.isConstant(b)) return false;
            any |= b == Literal.TRUE;
        }
        return any;
    }

    public static FloatWord build(Net net, FloatWord[] xs, int rounds) {
        int[][] ms = new int[xs.length][];
        for (int i = 0; i < xs.length; i++) ms[i] = xs[i].significand();
        return round(net, xs, IteratedProduct.build(net, ms, rounds));
    }

    private static FloatWord round(Net net, FloatWord[] xs, int[] n) {
        int p = xs[0].significand().length, q = xs[0].exponent().length;
        LinearForm base = new LinearForm().addConstant(-(long) (xs.length - 1) << (q - 1));
        int[] signs = new int[xs.length];
        for (int i = 0; i < xs.length; i++) { base.addUnsignedWord(xs[i].exponent(), 1); signs[i] = xs[i].sign(); }
        return FloatRound.build(net, n, parity(net, signs), base, p, q);
    }

    /** {@code XOR} of the bits: {@code sum_k (-1)^(k+1) [count >= k] >= 1}. */
    static int parity(Net net, int[] bits) {
        int n = bits.length;
        if (n == 1) return bits[0];
        int[] lits = new int[n];
        long[] ws = new long[n];
        for (int k = 1; k <= n; k++) { lits[k - 1] = net.atLeast(k, bits); ws[k - 1] = (k & 1) != 0 ? 1 : -1; }
        return net.gate(lits, ws, n, 1);
    }
}
