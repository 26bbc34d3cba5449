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
        for (int j = 0; j < t; j++) {
            FloatWord sum = t - j == 1 ? z[t] : FloatSum.build(net, java.util.Arrays.copyOfRange(z, j + 1, t + 1), rounds);
            terms[j] = FloatProduct.multiply(net, FloatExp.exp(net, sum, rounds), b[j], rounds);
        }
        terms[t] = b[t];
        return FloatSum.build(net, terms, rounds);
    }
}
