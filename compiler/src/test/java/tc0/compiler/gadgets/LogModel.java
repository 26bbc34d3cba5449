package tc0.compiler.gadgets;

import java.math.BigInteger;
import tc0.compiler.numerics.ChiangFloat;

/** What {@link FloatLog} computes, step by step on BigInteger with its plan's constants. */
final class LogModel {
    private LogModel() {}

    static ChiangFloat log(ChiangFloat x) {
        ChiangFloat.Format f = x.format();
        if (x.isZero() || x.negative()) return f.largest(true);
        FloatLog.Plan plan = new FloatLog.Plan(f.p(), f.q());
        int p = f.p(), h = x.significand().equals(BigInteger.ONE.shiftLeft(p - 1)) ? 1 : 0;
        BigInteger w = h == 1 ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(p).subtract(x.significand());
        BigInteger s = BigInteger.ZERO;
        for (int i = 1; i <= plan.n; i++) s = s.add(plan.coeff[i].multiply(w.pow(i)).shiftLeft(p * (plan.n - i)));
        BigInteger l = plan.ln2.multiply(BigInteger.valueOf(x.exponent() + p - h)).subtract(s.shiftRight(plan.top));
        return f.round(l.signum() < 0, l.abs(), -plan.f);
    }
}
