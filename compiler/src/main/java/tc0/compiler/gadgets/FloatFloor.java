package tc0.compiler.gadgets;

import tc0.circuits.Literal;

/**
 * {@code floor(x)} of a p-bit float (the Mamba paper's Cor 3.13, d_std), exact: a float's floor is a float again (an
 * integer of at most p significant bits; -1 is one whenever a nonzero float below 1 in magnitude exists). With {@code t = bias - E} the significand's bits below t are its fraction:
 * {@code keep_i = [E >= bias - i]}, one threshold gate over E's bits each. Three cases, chosen by the sign and
 * whether a kept-away bit was set:
 * <ul>
 *   <li>otherwise (non-negative, or a negative integer): the kept bits, the exponent unchanged (zero where nothing is
 *       kept: |x| < 1);</li>
 *   <li>negative with a fraction and |x| >= 1: the kept bits plus {@code 2^t} (a carry through the run of ones above t,
 *       each carry one AND gate), the significand {@code 2^(p-1)} and the exponent one up where the run reaches 2^p;</li>
 *   <li>negative with |x| < 1: -1, significand {@code 2^(p-1)} at exponent {@code bias - p + 1}.</li>
 * </ul>
 */
public final class FloatFloor {
    /**
     * Levels: keep 1; kept, loose, fraction bits 2; the fraction's OR and the carries 3; up and the XORs' halves 4;
     * plus and the XORs 5; plusKeeps and the incremented bits 6; each case's AND 7; the output ORs 8. No level
     * depends on p or q.
     */
    public static final int DEPTH = 8;

    private FloatFloor() {}

    public static FloatWord build(Net net, FloatWord x) {
        int[] m = x.significand(), e = x.exponent();
        int p = m.length, q = e.length, bias = 1 << (q - 1);
        long[] pow = new long[q];
        for (int j = 0; j < q; j++) pow[j] = 1L << j;
        int[] keep = new int[p], kept = new int[p], loose = new int[p];
        for (int i = 0; i < p; i++) {
            keep[i] = net.gate(e, pow, q, bias - i);
            kept[i] = net.and(m[i], keep[i]);
            loose[i] = net.or(m[i], Literal.not(keep[i])); // a kept-away bit, or a kept one: the carry passes
        }
        int[] fraction = new int[p];
        for (int i = 0; i < p; i++) fraction[i] = net.and(m[i], Literal.not(keep[i]));
        int up = net.and(x.sign(), net.or(fraction)); // negative with a fraction: the magnitude goes up
        int big = keep[p - 1], keptNonzero = kept[p - 1];
        int plus = net.and(up, big), minusOne = net.and(up, Literal.not(big)), same = Literal.not(up);

        // kept + 2^t: bit i flips where every bit below it is loose (kept and one, or kept away)
        int[] incremented = new int[p];
        for (int i = 0; i < p; i++) {
            int carry = i == 0 ? Literal.TRUE : net.and(java.util.Arrays.copyOf(loose, i));
            incremented[i] = net.and(keep[i], xor(net, m[i], carry));
        }
        int overflow = net.and(loose);
        int[] exponentUp = increment(net, e);
        // -1 = 2^(p-1) 2^(1-p); where bias - p + 1 < 0 no nonzero float is below 1 in magnitude, and minusOne folds to false
        int minusOneExponent = bias - p + 1;

        int plusKeeps = net.and(plus, Literal.not(overflow)), plusCarries = net.and(plus, overflow);
        int[] significand = new int[p], exponent = new int[q];
        for (int i = 0; i < p; i++) {
            boolean top = i == p - 1;
            significand[i] = net.or(net.and(same, kept[i]), net.and(plusKeeps, incremented[i]),
                    top ? plusCarries : Literal.FALSE, top ? minusOne : Literal.FALSE);
        }
        for (int j = 0; j < q; j++) {
            boolean oneBit = minusOneExponent >= 0 && (minusOneExponent >> j & 1) == 1;
            exponent[j] = net.or(net.and(same, keptNonzero, e[j]), net.and(plusKeeps, e[j]), net.and(plusCarries, exponentUp[j]),
                    oneBit ? minusOne : Literal.FALSE);
        }
        int sign = net.or(net.and(same, x.sign(), keptNonzero), plus, minusOne);
        return new FloatWord(significand, exponent, sign);
    }

    /** {@code a XOR b} in two levels. */
    private static int xor(Net net, int a, int b) {
        return net.and(net.or(a, b), Literal.not(net.and(a, b)));
    }

    /** {@code E + 1} modulo 2^q: bit j flips where every bit below it is one. */
    private static int[] increment(Net net, int[] e) {
        int[] out = new int[e.length];
        for (int j = 0; j < e.length; j++) out[j] = j == 0 ? Literal.not(e[0]) : xor(net, e[j], net.and(java.util.Arrays.copyOf(e, j)));
        return out;
    }
}
