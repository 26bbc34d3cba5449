package tc0.compiler.gadgets;

import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.FloatCodes;
import tc0.compiler.numerics.FloatRowOps;

/**
 * Layer norm of a row of k p-bit floats (no affine part) as {@code FloatRowOps.layerNorm} states, each step rounded
 * once: the mean ({@link FloatSum}, then {@link FloatDivide} by the constant k), the centred entries
 * ({@link FloatSum} of two), their squares ({@link FloatProduct}), the variance (sum, divide by k), plus eps,
 * {@link FloatSqrt}, its reciprocal ({@link FloatDivide#reciprocal}) and one product per entry. One reciprocal per
 * row, not a division per entry: k products are far smaller than k divisions.
 */
public final class FloatLayerNorm {
    private FloatLayerNorm() {}

    public static FloatWord[] build(Net net, FloatWord[] xs, int rounds) {
        int p = xs[0].significand().length, q = xs[0].exponent().length;
        ChiangFloat.Format f = new ChiangFloat.Format(p, q);
        FloatWord k = FloatConstant.of(FloatCodes.round(f, xs.length));
        FloatWord mu = FloatConstant.negate(FloatDivide.divide(net, FloatSum.build(net, xs, rounds), k, rounds));
        FloatWord[] c = new FloatWord[xs.length], sq = new FloatWord[xs.length];
        for (int i = 0; i < xs.length; i++) {
            c[i] = FloatSum.build(net, new FloatWord[] {xs[i], mu}, rounds);
            sq[i] = FloatProduct.multiply(net, c[i], c[i], rounds);
        }
        FloatWord v = FloatDivide.divide(net, FloatSum.build(net, sq, rounds), k, rounds);
        FloatWord veps = FloatSum.build(net, new FloatWord[] {v, FloatConstant.of(FloatRowOps.layerNormEps(f))}, rounds);
        FloatWord rho = FloatDivide.reciprocal(net, FloatSqrt.sqrt(net, veps, rounds), rounds);
        FloatWord[] y = new FloatWord[xs.length];
        for (int i = 0; i < xs.length; i++) y[i] = FloatProduct.multiply(net, c[i], rho, rounds);
        return y;
    }
}
