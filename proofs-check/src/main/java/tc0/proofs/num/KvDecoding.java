package tc0.proofs.num;

import java.util.SplittableRandom;

/**
 * The KV-cache barrier's instance: N tokens with random sign keys k_j in {-1, 1}^d and value bits v_j in {0, 1}^d (N d
 * random bits in all). Query j is beta k_j with beta = 4 ln(N) (scores beta (q . k) / d: beta at the own key, about
 * beta / sqrt(d) elsewhere), so attention returns v_j up to a weight 1/N spread over the others, and the bits come out
 * as [output > 1/2]. Where every bit comes out, whatever serves these queries holds N d bits: a cache that drops a
 * token loses its bits. Tensor attention (Sanford et al.): the scores go over pairs (j, l), q . (k_j (.) k'_l), the
 * values are v_j (.) v'_l with v'_l = 1, and the query for v_j is beta (k_j (.) k'_0).
 */
final class KvDecoding {
    /** @param wrong bits decoded wrongly among those kept, @param wrongDropped among the dropped tokens' bits, @param dropped those bits */
    record Result(int tokens, int width, long bits, long wrong, long dropped, long wrongDropped) {}

    private KvDecoding() {}

    /**
     * Decodes every value bit of N tokens at width d, the cache holding every token except every {@code dropEvery}-th
     * (0: all kept); {@code tensor} over pairs of tokens.
     */
    static Result run(int tokens, int width, int dropEvery, boolean tensor, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] keys = signs(random, tokens, width), keys2 = signs(random, tokens, width);
        int[][] bits = new int[tokens][width];
        for (int[] row : bits) for (int c = 0; c < width; c++) row[c] = random.nextInt(2);
        boolean[] kept = new boolean[tokens];
        for (int j = 0; j < tokens; j++) kept[j] = dropEvery == 0 || j % dropEvery != dropEvery - 1;
        double beta = 4 * Math.log(tokens);
        long wrong = 0, dropped = 0, wrongDropped = 0;
        double[] out = new double[width];
        for (int j = 0; j < tokens; j++) {
            double[] q = tensor ? hadamard(keys[j], keys2[0]) : keys[j];
            java.util.Arrays.fill(out, 0);
            double z = 0;
            for (int i = 0; i < tokens; i++) {
                if (!kept[i]) continue;
                for (int l = 0; l < (tensor ? tokens : 1); l++) { // v'_l = 1: a pair's value is v_i
                    double s = 0;
                    for (int c = 0; c < width; c++) s += q[c] * keys[i][c] * (tensor ? keys2[l][c] : 1);
                    double a = Math.exp(beta * (s / width - 1)); // less the largest possible score: no overflow
                    z += a;
                    for (int c = 0; c < width; c++) out[c] += a * bits[i][c];
                }
            }
            for (int c = 0; c < width; c++) {
                boolean bad = (out[c] / z > 0.5 ? 1 : 0) != bits[j][c];
                if (kept[j]) {
                    if (bad) wrong++;
                } else {
                    dropped++;
                    if (bad) wrongDropped++;
                }
            }
        }
        return new Result(tokens, width, (long) tokens * width, wrong, dropped, wrongDropped);
    }

    private static double[][] signs(SplittableRandom random, int rows, int width) {
        double[][] x = new double[rows][width];
        for (double[] row : x) for (int c = 0; c < width; c++) row[c] = random.nextBoolean() ? 1 : -1;
        return x;
    }

    private static double[] hadamard(double[] a, double[] b) {
        double[] y = new double[a.length];
        for (int c = 0; c < a.length; c++) y[c] = a[c] * b[c];
        return y;
    }
}
