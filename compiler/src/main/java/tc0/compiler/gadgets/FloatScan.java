package tc0.compiler.gadgets;

/**
 * One output of the selective scan on log-decays, unrolled to constant depth ({@code FloatRowOps.scan}):
 * {@code h_t = sum_(j<=t) E_(j,t) b_j}, {@code E_(j,t) = exp(z_(j+1) + ... + z_t)} with the exponent's sum rounded
 * once ({@link FloatSum}; one term is exact), {@link FloatExp} of it, each product rounded ({@link FloatProduct};
 * the j = t term is b_t, exact), and their sum rounded once. Depth {@code d_sum + d_exp + d_std + d_sum}
 * whatever t and p; {@code t(t+1)/2} exps for a line of t + 1.
 */
public final class FloatScan {
    private FloatScan() {}

    /** {@code h_t} for {@code t = z.length - 1}, from {@code z_0..z_t}, {@code b_0..b_t} (z_0 is not read). */
    public static FloatWord step(Net net, FloatWord[] z, FloatWord[] b, int rounds) {
        int t = z.length - 1;
        FloatWord[] terms = new FloatWord[t + 1];
        for (int j = 0; j < t; j++) terms[j] = term(net, java.util.Arrays.copyOfRange(z, j + 1, t + 1), b[j], rounds);
        terms[t] = b[t];
        return FloatSum.build(net, terms, rounds);
    }

    /**
     * {@code round(exp(round(z_1 + ... + z_L)) b)}: a {@link Block}, so that a counting net counts the terms of one
     * length once (step t has a term of every length 1 .. t, and the steps of a line, and the lines, repeat them:
     * counted inline, a line of n was n^2 / 2 sums of up to n floats, gate by gate, each held node by node).
     */
    static FloatWord term(Net net, FloatWord[] zs, FloatWord b, int rounds) {
        int p = b.significand().length, q = b.exponent().length, len = zs.length;
        int[][] in = new int[len + 1][];
        for (int k = 0; k < len; k++) in[k] = zs[k].word();
        in[len] = b.word();
        return FloatWord.of(Block.call(net, "float scan term of " + len + " p=" + p + " q=" + q + " rounds=" + rounds, in, (n, xs) -> {
            FloatWord[] ws = new FloatWord[len];
            for (int k = 0; k < len; k++) ws[k] = FloatWord.of(xs[k], p, q);
            FloatWord sum = len == 1 ? ws[0] : FloatSum.build(n, ws, rounds);
            return FloatProduct.multiply(n, FloatExp.exp(n, sum, rounds), FloatWord.of(xs[len], p, q), rounds).word();
        }), p, q);
    }
}
