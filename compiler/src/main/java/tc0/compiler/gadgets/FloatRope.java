package tc0.compiler.gadgets;

import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.FloatRowOps;

/**
 * A RoPE rotation of a pair of p-bit floats at a constant angle ({@code FloatRowOps.rope}): the coefficients cos and
 * sin rounded to p bits once when the circuit is built, {@code (c x - s y, s x + c y)}, each output its two products
 * rounded ({@link FloatProduct}) and their sum rounded once ({@link FloatSum}), as a matrix product's entry.
 */
public final class FloatRope {
    private FloatRope() {}

    public static FloatWord[] pair(Net net, FloatWord x, FloatWord y, double angle, int rounds) {
        ChiangFloat[] cs = FloatRowOps.ropeCoefficients(new ChiangFloat.Format(x.significand().length, x.exponent().length), angle);
        FloatWord c = FloatConstant.of(cs[0]), s = FloatConstant.of(cs[1]);
        FloatWord cx = FloatProduct.multiply(net, c, x, rounds), sy = FloatProduct.multiply(net, s, y, rounds);
        FloatWord sx = FloatProduct.multiply(net, s, x, rounds), cy = FloatProduct.multiply(net, c, y, rounds);
        return new FloatWord[] {FloatSum.build(net, new FloatWord[] {cx, FloatConstant.negate(sy)}, rounds),
            FloatSum.build(net, new FloatWord[] {sx, cy}, rounds)};
    }
}
