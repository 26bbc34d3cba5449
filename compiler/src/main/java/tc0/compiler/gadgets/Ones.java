package tc0.compiler.gadgets;

import java.util.Arrays;

/**
 * Weights of 1 for {@link Net#and}, {@link Net#or} and {@link Net#atLeast}: one shared array, since a net
 * only reads the weights it is given (an AND of two bits per partial product made an array per gate).
 */
final class Ones {
    private static final long[] SHARED = filled(256);

    private Ones() {}

    /** An array of at least {@code n} ones; callers read it and never write it. */
    static long[] atLeast(int n) {
        return n <= SHARED.length ? SHARED : filled(n);
    }

    private static long[] filled(int n) {
        long[] w = new long[n];
        Arrays.fill(w, 1);
        return w;
    }
}
