package tc0.compiler.gadgets;

import java.math.BigInteger;
import tc0.circuits.Literal;
import tc0.compiler.numerics.ChiangFloat;

/** A float known when the circuit is built, as constant literals (no gate); zero canonical. */
public final class FloatConstant {
    private FloatConstant() {}

    public static FloatWord of(ChiangFloat x) {
        ChiangFloat c = x.canonical();
        int p = c.format().p(), q = c.format().q();
        int[] sig = new int[p], exp = new int[q];
        BigInteger m = c.significand();
        for (int k = 0; k < p; k++) sig[k] = m.testBit(k) ? Literal.TRUE : Literal.FALSE;
        for (int k = 0; k < q; k++) exp[k] = (c.biasedExponent() >> k & 1) != 0 ? Literal.TRUE : Literal.FALSE;
        return new FloatWord(sig, exp, c.negative() ? Literal.TRUE : Literal.FALSE);
    }

    /** {@code -x}: the sign negated (wiring). */
    public static FloatWord negate(FloatWord x) {
        return new FloatWord(x.significand(), x.exponent(), Literal.not(x.sign()));
    }
}
