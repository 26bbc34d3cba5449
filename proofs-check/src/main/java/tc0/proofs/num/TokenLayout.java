package tc0.proofs.num;

/**
 * Which tokens attend to which, as the papers count them: a sequence of n tokens with no mask (Alman and Song), or
 * VAR's scales 1 x 1, 2 x 2, 4 x 4 .. n x n listed coarse to fine, each token attending to its own scale and every
 * coarser one (block-causal), N = (4^(k+1) - 1) / 3 tokens for n = 2^k.
 */
enum TokenLayout {
    SEQUENCE("a sequence of n tokens, no mask"),
    SCALES("VAR's scales 1, 2, 4 .. n (N = (4n^2 - 1) / 3 tokens), block-causal over scales");

    final String description;

    TokenLayout(String description) {
        this.description = description;
    }

    /** ln N for n = 2^k (k up to 2^40: the sweep's n have millions of digits, so no N is formed). */
    double lnTokens(long k) {
        return switch (this) {
            case SEQUENCE -> k * Math.log(2);
            // (4^(k+1) - 1) / 3 = 4^(k+1) / 3 * (1 - 4^-(k+1)); the last factor is exact enough as log1p
            case SCALES -> (k + 1) * 2 * Math.log(2) - Math.log(3) + Math.log1p(-Math.pow(4, -(k + 1)));
        };
    }

    /** Each token's block for n = 2^k, blocks in order (the built instances). */
    int[] blocks(int k) {
        return switch (this) {
            case SEQUENCE -> new int[1 << k];
            case SCALES -> {
                int[] b = new int[(int) (((1L << (2 * k + 2)) - 1) / 3)];
                int t = 0;
                for (int s = 0; s <= k; s++) for (int c = 0; c < 1 << (2 * s); c++) b[t++] = s;
                yield b;
            }
        };
    }
}
