package tc0.proofs.num;

/**
 * Softmax attention out_i = sum_j A_ij v_j / sum_j A_ij with A_ij = exp(q_i . k_j / d), exact and through the
 * polynomial method (A replaced by T_g(Q K^T / d) = Phi Psi^T, never formed: O(N r d_v) instead of O(N^2 d)), over a
 * block-causal mask: token i attends to token j when block(j) <= block(i) (one block: no mask; a block per token:
 * causal; VAR's scales: a block per scale).
 */
final class PolynomialAttention {
    /** What one instance measured: the worst entry of the factored score matrix and of the output, and the rank used. */
    record Errors(double scoreRelative, double outputAbsolute, long rank) {}

    private PolynomialAttention() {}

    /** Exact softmax attention (doubles; the scores are bounded by B^2, so no overflow and no max subtracted). */
    static double[][] exact(double[][] q, double[][] k, double[][] v, int[] block) {
        int n = q.length, d = q[0].length, dv = v[0].length;
        double[][] out = new double[n][dv];
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int j = 0; j < n; j++) {
                if (block[j] > block[i]) continue;
                double a = Math.exp(dot(q[i], k[j]) / d);
                z += a;
                for (int c = 0; c < dv; c++) out[i][c] += a * v[j][c];
            }
            for (int c = 0; c < dv; c++) out[i][c] /= z;
        }
        return out;
    }

    /**
     * The factored attention: blocks in order, Psi^T V and Psi^T 1 summed over the blocks seen so far, then each query's
     * phi(q / d) against them. {@code block} must be non-decreasing (tokens listed block by block).
     */
    static double[][] factored(double[][] q, double[][] k, double[][] v, int[] block, int g) {
        int n = q.length, d = q[0].length, dv = v[0].length;
        int r = (int) MonomialFeatures.rank(d, g, Integer.MAX_VALUE - 8);
        double[][] s = new double[r][dv];
        double[] z = new double[r];
        double[][] out = new double[n][dv];
        int next = 0; // first key not yet summed
        for (int i = 0; i < n; i++) {
            if (i > 0 && block[i] < block[i - 1]) throw new IllegalArgumentException("blocks must not decrease");
            while (next < n && block[next] <= block[i]) {
                double[] psi = MonomialFeatures.of(k[next], g, false);
                for (int a = 0; a < r; a++) {
                    z[a] += psi[a];
                    for (int c = 0; c < dv; c++) s[a][c] += psi[a] * v[next][c];
                }
                next++;
            }
            double[] phi = MonomialFeatures.of(scaled(q[i], 1.0 / d), g, true);
            double den = 0;
            for (int a = 0; a < r; a++) den += phi[a] * z[a];
            for (int c = 0; c < dv; c++) {
                double num = 0;
                for (int a = 0; a < r; a++) num += phi[a] * s[a][c];
                out[i][c] = num / den;
            }
        }
        return out;
    }

    /** The factored run set beside the exact one: the worst |T_g(s) / e^s - 1| over the attended pairs, the worst output entry. */
    static Errors measure(double[][] q, double[][] k, double[][] v, int[] block, int g) {
        int n = q.length, d = q[0].length;
        double worstScore = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (block[j] > block[i]) continue;
                double s = dot(q[i], k[j]) / d;
                worstScore = Math.max(worstScore, Math.abs(ExpTaylor.value(s, g) / Math.exp(s) - 1));
            }
        }
        double[][] a = exact(q, k, v, block), b = factored(q, k, v, block, g);
        double worstOut = 0;
        for (int i = 0; i < n; i++) for (int c = 0; c < a[i].length; c++) worstOut = Math.max(worstOut, Math.abs(a[i][c] - b[i][c]));
        return new Errors(worstScore, worstOut, MonomialFeatures.rank(d, g, Long.MAX_VALUE));
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int t = 0; t < x.length; t++) s += x[t] * y[t];
        return s;
    }

    private static double[] scaled(double[] x, double f) {
        double[] y = new double[x.length];
        for (int t = 0; t < x.length; t++) y[t] = x[t] * f;
        return y;
    }
}
