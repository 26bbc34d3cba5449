package tc0.proofs.num;

import java.util.SplittableRandom;

/**
 * A concrete attention input with entries bounded by B: Q and K uniform in [-B, B], V uniform in [-1, 1], d = d_v =
 * ceil(log2 N), and the extremes written in (the last two queries all +B and all -B, the first two keys all -B and all
 * +B), so that the scores q . k / d reach both ends -B^2 and B^2 of the range the degree is chosen for. The extreme
 * queries are the last tokens: under a block-causal mask they attend to every key.
 */
record AttentionInstance(double[][] q, double[][] k, double[][] v, int[] block, double bound) {
    static AttentionInstance of(TokenLayout layout, int log2n, double bound, long seed) {
        int[] block = layout.blocks(log2n);
        int n = block.length, d = width(n);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] q = new double[n][d], k = new double[n][d], v = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                q[i][c] = bound * (2 * random.nextDouble() - 1);
                k[i][c] = bound * (2 * random.nextDouble() - 1);
                v[i][c] = 2 * random.nextDouble() - 1;
            }
        }
        if (n >= 2) {
            java.util.Arrays.fill(q[n - 1], bound);
            java.util.Arrays.fill(q[n - 2], -bound);
            java.util.Arrays.fill(k[0], -bound);
            java.util.Arrays.fill(k[1], bound);
        }
        return new AttentionInstance(q, k, v, block, bound);
    }

    /** d = d_v = ceil(log2 N), at least 1. */
    static int width(int tokens) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(tokens - 1));
    }

    int tokens() {
        return block.length;
    }

    int width() {
        return q[0].length;
    }
}
