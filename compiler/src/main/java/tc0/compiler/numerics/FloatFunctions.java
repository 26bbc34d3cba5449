package tc0.compiler.numerics;

import java.math.BigInteger;
import java.util.List;

/**
 * The float activations as compositions of once-rounded operations, on {@link ChiangFloat}: the reference for
 * {@code tc0.compiler.gadgets.FloatActivations} and {@code FloatGelu}. Each step is its exact result rounded once
 * (exp and log their construction's approximation rounded once, {@link FloatExpReference}, {@link FloatLogReference}):
 * <ul>
 *   <li>{@code sigmoid(x) = recip(1 + exp(-x))}: three roundings;</li>
 *   <li>{@code silu(x) = x sigmoid(x)}: four;</li>
 *   <li>{@code softplus(x) = log(1 + exp(x))}: three;</li>
 *   <li>{@code gelu(x) = x sigmoid(u)}, {@code u = c1 x + c3 x^3} with {@code c1 = 2 sqrt(2/pi)},
 *       {@code c3 = 0.044715 c1} rounded to p bits: the tanh form of GELU ({@code 0.5 (1 + tanh(y)) = sigmoid(2y)}),
 *       not the erf form; {@code x^2}, {@code x^3} rounded, {@code u} the two products rounded then their sum
 *       rounded once, then the sigmoid and the product: eight roundings.</li>
 * </ul>
 */
public final class FloatFunctions {
    private FloatFunctions() {}

    /** GELU's tanh-form constants as doubles, rounded to the format where used. */
    public static final double GELU_C1 = 2 * Math.sqrt(2 / Math.PI), GELU_C3 = 0.044715 * GELU_C1;

    public static ChiangFloat one(ChiangFloat.Format f) {
        return f.round(false, BigInteger.ONE, 0);
    }

    public static ChiangFloat negate(ChiangFloat x) {
        return new ChiangFloat(x.format(), !x.negative(), x.significand(), x.biasedExponent()).canonical();
    }

    public static ChiangFloat sigmoid(ChiangFloat x) {
        return ChiangFloat.reciprocal(ChiangFloat.add(one(x.format()), FloatExpReference.exp(negate(x))));
    }

    public static ChiangFloat silu(ChiangFloat x) {
        return ChiangFloat.multiply(x, sigmoid(x));
    }

    public static ChiangFloat softplus(ChiangFloat x) {
        return FloatLogReference.log(ChiangFloat.add(one(x.format()), FloatExpReference.exp(x)));
    }

    public static ChiangFloat gelu(ChiangFloat x) {
        ChiangFloat.Format f = x.format();
        ChiangFloat cube = ChiangFloat.multiply(ChiangFloat.multiply(x, x), x);
        ChiangFloat u = dot(List.of(FloatCodes.round(f, GELU_C1), FloatCodes.round(f, GELU_C3)), List.of(x, cube));
        return ChiangFloat.multiply(x, sigmoid(u));
    }

    /** {@code sum a_i b_i}: each product rounded, then their exact sum rounded once (a matrix product's entry). */
    public static ChiangFloat dot(List<ChiangFloat> a, List<ChiangFloat> b) {
        java.util.ArrayList<ChiangFloat> terms = new java.util.ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) terms.add(ChiangFloat.multiply(a.get(i), b.get(i)));
        return ChiangFloat.sum(a.getFirst().format(), terms);
    }
}
