package tc0.compiler.gadgets;

import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.FloatCodes;
import tc0.compiler.numerics.FloatFunctions;

/**
 * GELU of a p-bit float in its tanh form, {@code x sigmoid(c1 x + c3 x^3)} ({@code FloatFunctions.gelu}, eight
 * roundings): {@code x^2}, {@code x^3} ({@link FloatProduct}), {@code c1 x} and {@code c3 x^3} with the constants
 * rounded to p bits, their sum ({@link FloatSum}), {@link FloatActivations#sigmoid}, the product with x.
 */
public final class FloatGelu {
    private FloatGelu() {}

    public static FloatWord gelu(Net net, FloatWord x, int rounds) {
        ChiangFloat.Format f = new ChiangFloat.Format(x.significand().length, x.exponent().length);
        FloatWord cube = FloatProduct.multiply(net, FloatProduct.multiply(net, x, x, rounds), x, rounds);
        FloatWord a = FloatProduct.multiply(net, FloatConstant.of(FloatCodes.round(f, FloatFunctions.GELU_C1)), x, rounds);
        FloatWord b = FloatProduct.multiply(net, FloatConstant.of(FloatCodes.round(f, FloatFunctions.GELU_C3)), cube, rounds);
        FloatWord u = FloatSum.build(net, new FloatWord[] {a, b}, rounds);
        return FloatProduct.multiply(net, x, FloatActivations.sigmoid(net, u, rounds), rounds);
    }
}
