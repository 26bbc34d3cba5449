package tc0.compiler.gadgets;

import tc0.circuits.Literal;

/**
 * The largest (or smallest) of m p-bit floats by value, exact, in constant depth whatever p and m: one
 * {@link FloatCompare} per pair (depth 6), entry i chosen where it beats every earlier entry and is not beaten by a
 * later one (the first of equals; one AND), its word picked by {@link Select#oneHot} (2), a zero made canonical
 * (exponent and sign ANDed with the significand's top bit, 1). Reference: {@code FloatRowOps.max}.
 */
public final class FloatMax {
    private FloatMax() {}

    public static FloatWord max(Net net, FloatWord[] xs) {
        return pick(net, xs, true);
    }

    public static FloatWord min(Net net, FloatWord[] xs) {
        return pick(net, xs, false);
    }

    private static FloatWord pick(Net net, FloatWord[] xs, boolean largest) {
        int m = xs.length;
        if (m == 1) return canonical(net, xs[0]);
        int[][] less = new int[m][m], equal = new int[m][m]; // less[i][j] = [x_i < x_j], i < j
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                int[] c = FloatCompare.build(net, xs[i], xs[j]);
                less[i][j] = c[0];
                equal[i][j] = c[1];
            }
        }
        int[] chosen = new int[m];
        int[][] words = new int[m][];
        for (int i = 0; i < m; i++) {
            int[] lits = new int[m - 1];
            int k = 0;
            // beats x_j for j < i strictly (x_j < x_i, or > for min); not beaten by x_j for j > i (x_i >= x_j, or <=)
            for (int j = 0; j < i; j++) lits[k++] = largest ? less[j][i] : net.and(Literal.not(less[j][i]), Literal.not(equal[j][i]));
            for (int j = i + 1; j < m; j++) lits[k++] = largest ? Literal.not(less[i][j]) : net.or(less[i][j], equal[i][j]);
            chosen[i] = net.and(lits);
            words[i] = xs[i].word();
        }
        int p = xs[0].significand().length, q = xs[0].exponent().length;
        return canonical(net, FloatWord.of(Select.oneHot(net, chosen, words), p, q));
    }

    /** Zero with exponent 0 and sign 0. */
    static FloatWord canonical(Net net, FloatWord x) {
        int nz = x.nonzero();
        int[] exp = new int[x.exponent().length];
        for (int b = 0; b < exp.length; b++) exp[b] = net.and(x.exponent()[b], nz);
        return new FloatWord(x.significand(), exp, net.and(x.sign(), nz));
    }
}
