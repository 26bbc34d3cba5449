package tc0.compiler.gadgets;

import tc0.circuits.Literal;

/**
 * sigmoid, SiLU and softplus of p-bit floats, composed of the rounded float operations (each rounds once, so
 * the result carries up to three roundings: a few units in the last place, not {@code 2^-p}); depth the sum
 * of the parts' (the Mamba paper's Lemmas B.4, B.5 add them the same way):
 * <ul>
 *   <li>{@code sigmoid(x) = 1 / (1 + exp(-x))}: d_exp + d_std + d_div;</li>
 *   <li>{@code silu(x) = x sigmoid(x)}: d_exp + d_std + d_div + d_std;</li>
 *   <li>{@code softplus(x) = log(1 + exp(x))}: d_exp + d_std + d_log.</li>
 * </ul>
 * softplus rounds {@code 1 + exp(x)} before its log, so for {@code x < -1} the bits of {@code exp(x)} below
 * 1's last place are lost and the relative error grows like {@code 2^-p / softplus(x)} (18% at p = 8,
 * x = -4): the composition as the papers write it, not a faithful softplus there.
 * The constant 1 is a float of the format ({@code 2^(p-1) 2^(-(p-1))}); the format needs
 * {@code p - 1 <= 2^(q-1)} for it.
 */
public final class FloatActivations {
    private FloatActivations() {}

    public static FloatWord sigmoid(Net net, FloatWord x, int rounds) {
        FloatWord e = FloatExp.exp(net, new FloatWord(x.significand(), x.exponent(), Literal.not(x.sign())), rounds);
        return FloatDivide.reciprocal(net, FloatSum.build(net, new FloatWord[] {one(x), e}, rounds), rounds);
    }

    public static FloatWord silu(Net net, FloatWord x, int rounds) {
        return FloatProduct.multiply(net, x, sigmoid(net, x, rounds), rounds);
    }

    public static FloatWord softplus(Net net, FloatWord x, int rounds) {
        return FloatLog.log(net, FloatSum.build(net, new FloatWord[] {one(x), FloatExp.exp(net, x, rounds)}, rounds), rounds);
    }

    /** 1 in x's format, as constants. */
    static FloatWord one(FloatWord x) {
        int p = x.significand().length, q = x.exponent().length, e = (1 << (q - 1)) - (p - 1);
        if (e < 0) throw new IllegalArgumentException("1 is not a float of p = " + p + ", q = " + q);
        int[] sig = new int[p], exp = new int[q];
        for (int b = 0; b < p; b++) sig[b] = b == p - 1 ? Literal.TRUE : Literal.FALSE;
        for (int b = 0; b < q; b++) exp[b] = (e >> b & 1) != 0 ? Literal.TRUE : Literal.FALSE;
        return new FloatWord(sig, exp, Literal.FALSE);
    }
}
