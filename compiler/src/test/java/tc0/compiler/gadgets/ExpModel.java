package tc0.compiler.gadgets;

import java.math.BigInteger;
import tc0.compiler.numerics.ChiangFloat;

/**
 * What {@link FloatExp} computes, step by step on BigInteger with its plan's constants: the circuit is checked
 * bit-exact against it where it builds, and its error is measured against BigDecimal at every p.
 */
final class ExpModel {
    private ExpModel() {}

    static ChiangFloat exp(ChiangFloat x) {
        ChiangFloat.Format f = x.format();
        FloatExp.Plan plan = new FloatExp.Plan(f.p(), f.q());
        if (!x.isZero() && x.biasedExponent() >= plan.firstBig) return x.negative() ? f.zero() : f.largest(false);
        // X = floor(|x| 2^G); signed.
        int shift = x.exponent() + plan.g;
        BigInteger big = x.isZero() ? BigInteger.ZERO : shift >= 0 ? x.significand().shiftLeft(shift) : x.significand().shiftRight(-shift);
        if (x.negative()) big = big.negate();
        BigInteger k = big.multiply(plan.c).add(BigInteger.ONE.shiftLeft(plan.g + plan.t - 1)).shiftRight(plan.g + plan.t);
        BigInteger r = big.shiftLeft(plan.w - plan.g).subtract(k.multiply(plan.ln2));
        BigInteger sum = BigInteger.ZERO, power = BigInteger.ONE;
        for (int i = 0; i <= plan.n; i++) {
            sum = sum.add(plan.coeff[i].multiply(power).shiftLeft(plan.w * (plan.n - i)));
            power = power.multiply(r);
        }
        BigInteger r0 = sum.shiftRight(plan.top);
        return f.round(false, r0, k.intValueExact() - f.p() - FloatExp.GUARD);
    }
}
