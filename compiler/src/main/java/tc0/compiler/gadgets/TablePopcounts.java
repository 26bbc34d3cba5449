package tc0.compiler.gadgets;

/**
 * How many entries of a Chinese-remainder table have bit t set, in closed form, for the tables read from a one-hot
 * residue at every class {@code 1 .. q - 1} ({@link CrtReconstruct}'s y, F and a, {@link IteratedProduct}'s
 * logarithms): a pass over the q classes per table and prime was the most of a count's time at p = 512 (sum q = 1.4 x
 * 10^9). Bit t of X is {@code floor(X / 2^t) - 2 floor(X / 2^(t+1))}, and the F and a tables are floors of linear
 * functions, so their bit counts are floor sums ({@link #floorSum}, Euclid's steps: O(log q)).
 */
final class TablePopcounts {
    private TablePopcounts() {}

    /** The table {@code y -> y}, y = 1 .. q - 1. */
    static long[] identity(int q, int bits) {
        long[] c = new long[bits];
        for (int t = 0; t < bits; t++) c[t] = OneHotPowers.onesBelow(q, t);
        return c;
    }

    /** A table whose entries are {@code 0 .. q - 2}, each once (the discrete logarithms of 1 .. q - 1). */
    static long[] logs(int q, int bits) {
        long[] c = new long[bits];
        for (int t = 0; t < bits; t++) c[t] = OneHotPowers.onesBelow(q - 1, t);
        return c;
    }

    /** {@code y -> floor(y h / q)}, y = 1 .. q - 1. */
    static long[] floors(int q, long h, int bits) {
        long[] c = new long[bits];
        for (int t = 0; t < bits; t++) c[t] = floorSum(q, (long) q << t, h, 0) - 2 * floorSum(q, (long) q << (t + 1), h, 0);
        return c;
    }

    /**
     * {@code y -> ceil((y h mod q) 2^T / q)}, y = 1 .. q - 1, h prime to q: {@code y h mod q} runs over 1 .. q - 1, so
     * the entries are {@code floor((r 2^T + q - 1) / q)}, r = 1 .. q - 1.
     */
    static long[] fractions(int q, int T, int bits) {
        long[] c = new long[bits];
        long a = 1L << T, b = a + q - 1; // r = r' + 1, r' = 0 .. q - 2
        for (int t = 0; t < bits; t++) c[t] = floorSum(q - 1, (long) q << t, a, b) - 2 * floorSum(q - 1, (long) q << (t + 1), a, b);
        return c;
    }

    /** {@code sum_(i=0..n-1) floor((a i + b) / m)}, n, m positive, a, b not negative (exact where the sums fit a long). */
    static long floorSum(long n, long m, long a, long b) {
        long sum = 0;
        while (true) {
            if (a >= m) {
                sum = Math.addExact(sum, Math.multiplyExact(n * (n - 1) / 2, a / m));
                a %= m;
            }
            if (b >= m) {
                sum = Math.addExact(sum, Math.multiplyExact(n, b / m));
                b %= m;
            }
            long yMax = Math.addExact(Math.multiplyExact(a, n), b);
            if (yMax < m) return sum;
            n = yMax / m;
            b = yMax % m;
            long t = m;
            m = a;
            a = t;
        }
    }
}
