package tc0.compiler.gadgets;

import tc0.circuits.Literal;

/**
 * {@code [x < y]} and {@code [x == y]} for two p-bit floats by value, in depth 6 whatever p. A nonzero
 * float's magnitude orders as its key {@code E 2^p + m} (significands are normalised), zero's key is 0
 * (its exponent bits masked by the significand's top bit); the keys are compared bit by bit
 * ({@code [a > b] = OR_i (a_i AND not b_i AND a, b equal above i)}, depth 2 over bitwise ORs: no weight
 * grows with p), then combined with the signs (a zero counts as positive).
 */
public final class FloatCompare {
    private FloatCompare() {}

    /**
     * {@code {[x < y], [x == y]}}; a {@link Block}, so that a counting net counts the m(m-1)/2 alike comparisons of a
     * max over m entries ({@link FloatMax}) once, not gate by gate.
     */
    public static int[] build(Net net, FloatWord x, FloatWord y) {
        int p = x.significand().length, q = x.exponent().length;
        return Block.call(net, "float compare p=" + p + " q=" + q, new int[][] {x.word(), y.word()},
                (n, in) -> gates(n, FloatWord.of(in[0], p, q), FloatWord.of(in[1], p, q)));
    }

    private static int[] gates(Net net, FloatWord x, FloatWord y) {
        int[] kx = key(net, x), ky = key(net, y);
        int gt = greater(net, kx, ky), lt = greater(net, ky, kx);
        int sx = net.and(x.sign(), x.nonzero()), sy = net.and(y.sign(), y.nonzero());
        int less = net.or(net.and(sx, Literal.not(sy)), net.and(Literal.not(sx), Literal.not(sy), lt), net.and(sx, sy, gt));
        int equal = net.and(net.or(net.and(sx, sy), net.and(Literal.not(sx), Literal.not(sy))), Literal.not(gt), Literal.not(lt));
        return new int[] {less, equal};
    }

    private static int[] key(Net net, FloatWord f) {
        int p = f.significand().length, q = f.exponent().length;
        int[] k = java.util.Arrays.copyOf(f.significand(), p + q);
        for (int b = 0; b < q; b++) k[p + b] = net.and(f.exponent()[b], f.nonzero());
        return k;
    }

    /** {@code [a > b]} for unsigned words of one width: depth 2 over one layer of bitwise ORs. */
    static int greater(Net net, int[] a, int[] b) {
        int w = a.length;
        int[] geq = new int[w], leq = new int[w]; // a_j >= b_j, a_j <= b_j
        for (int j = 0; j < w; j++) { geq[j] = net.or(a[j], Literal.not(b[j])); leq[j] = net.or(Literal.not(a[j]), b[j]); }
        int[] terms = new int[w];
        for (int i = 0; i < w; i++) {
            int[] lits = new int[2 + 2 * (w - 1 - i)];
            lits[0] = a[i];
            lits[1] = Literal.not(b[i]);
            for (int j = i + 1, k = 2; j < w; j++) { lits[k++] = geq[j]; lits[k++] = leq[j]; }
            terms[i] = net.and(lits);
        }
        return net.or(terms);
    }
}
