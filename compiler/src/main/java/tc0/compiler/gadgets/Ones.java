package tc0.compiler.gadgets;

import java.util.Arrays;

/**
 * Weights of 1 for {@link Net#and}, {@link Net#or} and {@link Net#atLeast}, and the thresholds 1, 2, 3, ...
 * of a count's bank: shared arrays, since a net only reads what it is given (an AND of two bits per partial
 * product made an array per gate).
 */
final class Ones {
    private static final long[] SHARED = filled(256);

    private Ones() {}

    /** An array of at least {@code n} ones; callers read it and never write it. */
    static long[] atLeast(int n) {
        return n <= SHARED.length ? SHARED : filled(n);
    }

    private static final long[] ASCENDING = ascending(256);

    /** An array that starts 1, 2, ..., n (thresholds [count >= t] of a bank); callers read it and never write it. */
    static long[] upTo(int n) {
        return n <= ASCENDING.length ? ASCENDING : ascending(n);
    }

    private static long[] ascending(int n) {
        long[] t = new long[n];
        for (int k = 0; k < n; k++) t[k] = k + 1;
        return t;
    }

    private static long[] filled(int n) {
        long[] w = new long[n];
        Arrays.fill(w, 1);
        return w;
    }
}
