package tc0.compiler.gadgets;

import java.util.Arrays;

/**
 * A p-bit float ({@link tc0.compiler.numerics.ChiangFloat}) as literals: significand (p bits), biased
 * exponent (q bits), both least significant first, and the sign. As one word: significand, then exponent,
 * then sign ({@code p + q + 1} bits).
 */
public record FloatWord(int[] significand, int[] exponent, int sign) {
    /** A float laid out as one word of {@code p + q + 1} bits. */
    public static FloatWord of(int[] word, int p, int q) {
        if (word.length != p + q + 1) throw new IllegalArgumentException("a float of p=" + p + ", q=" + q + " has " + (p + q + 1) + " bits, not " + word.length);
        return new FloatWord(Arrays.copyOfRange(word, 0, p), Arrays.copyOfRange(word, p, p + q), word[p + q]);
    }

    /** Its bits as one word: significand, exponent, sign. */
    public int[] word() {
        int p = significand.length, q = exponent.length;
        int[] w = Arrays.copyOf(significand, p + q + 1);
        System.arraycopy(exponent, 0, w, p, q);
        w[p + q] = sign;
        return w;
    }

    /** Whether the float is nonzero: its significand's top bit (a valid significand is 0 or has it set). */
    public int nonzero() { return significand[significand.length - 1]; }
}
