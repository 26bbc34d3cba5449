package tc0.proofs.num;

/**
 * The polynomial method's factorisation of T_g(q . k): the multinomial theorem gives
 * T_g(q . k) = sum over multi-indices |a| <= g of (q^a / a!) k^a, so with phi(q)_a = q^a / a! and psi(k)_a = k^a,
 * phi(q) . psi(k) = T_g(q . k) and the n x n matrix T_g(Q K^T) has rank at most r = C(d + g, g), the number of
 * multi-indices. Both maps list the multi-indices in one order (variable by variable, exponent 0 first).
 */
final class MonomialFeatures {
    private MonomialFeatures() {}

    /** C(d + g, g), or -1 past {@code limit}. */
    static long rank(int d, int g, long limit) {
        long r = 1; // C(d + i, i) built up i by i; exact since C(d+i, i) * (d+i+1) is divisible by i+1
        for (int i = 0; i < g; i++) {
            r = Math.multiplyExact(r, d + i + 1) / (i + 1);
            if (r > limit) return -1;
        }
        return r;
    }

    /** phi(x) (with {@code divideByFactorials}) or psi(x): the monomials of degree at most g of x's d entries. */
    static double[] of(double[] x, int g, boolean divideByFactorials) {
        int d = x.length;
        long r = rank(d, g, Integer.MAX_VALUE - 8);
        if (r < 0) throw new IllegalArgumentException("rank C(" + (d + g) + ", " + g + ") too large to build");
        double[] value = new double[(int) r];
        int[] used = new int[(int) r];
        value[0] = 1;
        int size = 1;
        for (int i = 0; i < d; i++) {
            int before = size;
            for (int m = 0; m < before; m++) { // extend every monomial so far by x_i^e / e! (or x_i^e), e >= 1
                double v = value[m];
                for (int e = 1; used[m] + e <= g; e++) {
                    v = divideByFactorials ? v * x[i] / e : v * x[i];
                    value[size] = v;
                    used[size++] = used[m] + e;
                }
            }
        }
        if (size != r) throw new IllegalStateException(size + " monomials, expected " + r);
        return value;
    }
}
