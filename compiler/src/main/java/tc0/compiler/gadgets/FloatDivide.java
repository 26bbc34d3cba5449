package tc0.compiler.gadgets;

import java.math.BigInteger;
import tc0.circuits.Literal;

/**
 * The quotient and the reciprocal of p-bit floats ({@link tc0.compiler.numerics.ChiangFloat#divide},
 * {@link tc0.compiler.numerics.ChiangFloat#reciprocal}), rounded once to nearest even, in constant depth
 * whatever p ({@code d_div}). Significands are already normalised, so no leading-one search is needed:
 * <ol>
 *   <li>{@code Q0 = } {@link WideDivide#seriesQuotient} of {@code x' = m_x 2^(p+3)} by {@code y' = 4 m_y}
 *       (width {@code P = p + 2}): {@code floor(m_x 2^(p+1) / m_y)} or one less, which has p + 1 or p + 2
 *       bits;</li>
 *   <li>the remainders {@code D0 = m_x 2^(p+1) - Q0 m_y}, in {@code [0, 2 m_y)}, and {@code D1 = D0 - m_y},
 *       exactly, each by one {@link WideSum} of partial products (side by side); {@code c = [D1 >= 0]} (D1's
 *       sign bit) and the sticky bit {@code [D0 != 0]} (wrong only for an exact quotient, a multiple of 4,
 *       whose guard bit, bit 0 or 1 of the quotient, is 0 anyway). Both from the sums' bits directly: a
 *       comparison of D0 with m_y would fold differently with p, and the depth would wobble;</li>
 *   <li>{@code N = 2 (Q0 + c) + sticky}: its p + 2 bits or more hold the guard bit, so rounding N is rounding
 *       the exact quotient. {@link FloatRound} with the exponent {@code E_x - E_y - (p + 2)} and the sign
 *       {@code s_x XOR s_y};</li>
 *   <li>{@code y = 0}: the largest magnitude with x's sign (positive for {@code 0 / 0}), chosen in depth 2.</li>
 * </ol>
 * Depth: the series quotient's, then the remainders' sums, the sticky bit, the increment and the rounding; the
 * same for every p (FloatDivideTest counts it). Size: {@link WideDivide}'s series at width p + 2 dominates.
 */
public final class FloatDivide {
    private FloatDivide() {}

    /**
     * {@code round(x / y)}: x and y of one format (p significand bits, q exponent bits), the result in it.
     * {@code y = 0} gives the largest magnitude with x's sign, {@code +largest} for {@code 0 / 0}.
     */
    public static FloatWord divide(Net net, FloatWord x, FloatWord y, int rounds) {
        int p = y.significand().length, q = y.exponent().length;
        if (x.significand().length != p || x.exponent().length != q) throw new IllegalArgumentException("floats of different formats");
        return FloatWord.of(Block.call(net, "float divide p=" + p + " q=" + q + " rounds=" + rounds, new int[][] {x.word(), y.word()},
                (n, in) -> divided(n, FloatWord.of(in[0], p, q), FloatWord.of(in[1], p, q), rounds).word()), p, q);
    }

    private static FloatWord divided(Net net, FloatWord x, FloatWord y, int rounds) {
        LinearForm base = new LinearForm().addUnsignedWord(x.exponent(), 1);
        return quotient(net, x.significand(), x.sign(), x.nonzero(), base, y, rounds);
    }

    /** {@code round(1 / y)}; {@code 1 / 0} gives the largest positive float. */
    public static FloatWord reciprocal(Net net, FloatWord y, int rounds) {
        int p = y.significand().length, q = y.exponent().length;
        return FloatWord.of(Block.call(net, "float reciprocal p=" + p + " q=" + q + " rounds=" + rounds, new int[][] {y.word()},
                (n, in) -> reciprocated(n, FloatWord.of(in[0], p, q), rounds).word()), p, q);
    }

    private static FloatWord reciprocated(Net net, FloatWord y, int rounds) {
        int p = y.significand().length, q = y.exponent().length;
        int[] one = new int[p]; // 1 = 2^(p-1) 2^(-(p-1)): biased exponent 2^(q-1) - (p - 1), kept as a constant
        java.util.Arrays.fill(one, Literal.FALSE);
        one[p - 1] = Literal.TRUE;
        LinearForm base = new LinearForm().addConstant((1L << (q - 1)) - (p - 1));
        return quotient(net, one, Literal.FALSE, Literal.TRUE, base, y, rounds);
    }

    /** The quotient of {@code (-1)^xSign m_x 2^(xExponent - bias)} by y; {@code xExponent} a biased exponent's form. */
    private static FloatWord quotient(Net net, int[] mx, int xSign, int xNonzero, LinearForm xExponent, FloatWord y, int rounds) {
        int p = mx.length, q = y.exponent().length, width = p + 2;
        int[] my = y.significand();
        int[] yn = new int[width], xn = new int[2 * width - 1];
        java.util.Arrays.fill(yn, Literal.FALSE);
        java.util.Arrays.fill(xn, Literal.FALSE);
        System.arraycopy(my, 0, yn, 2, p);
        System.arraycopy(mx, 0, xn, p + 3, p);
        int[] q0 = WideDivide.seriesQuotient(net, xn, yn, rounds);
        // D0 = m_x 2^(p+1) - Q0 m_y lies in [0, 2^(p+1)): exact modulo 2^(p+2); D1 = D0 - m_y in [-2^p, 2^p),
        // beside it, as a two's complement word of p + 3 bits. Q0 + 1 is the quotient iff D1 >= 0. The sticky
        // bit is [D0 != 0]: it is wrong only for an exact quotient Q0 + 1, which is a multiple of 4
        // (m_x 2^(p+1) = Q m_y, m_y < 2^p), so its guard bit is 0 and the rounding goes down either way.
        int[] d0 = remainder(net, mx, my, q0, width, false, rounds), d1 = remainder(net, mx, my, q0, width + 1, true, rounds);
        int up = Literal.not(d1[width]);
        int sticky = net.or(d0);
        int[] quotient = WideDivide.incrementOr(net, q0, up, Literal.FALSE);
        int[] n = new int[width + 1];
        n[0] = sticky;
        System.arraycopy(quotient, 0, n, 1, width);
        // N 2^(e_x - e_y - (p + 2)); FloatRound's base is the exponent of N's unit plus the bias.
        LinearForm base = new LinearForm().addAll(xExponent).addUnsignedWord(y.exponent(), -1).addConstant((1L << (q - 1)) - (p + 2));
        int sign = FloatProduct.parity(net, new int[] {xSign, y.sign()});
        FloatWord r = FloatRound.build(net, n, sign, base, p, q);
        return byZero(net, r, Literal.not(y.nonzero()), net.and(xSign, xNonzero));
    }

    /** {@code m_x 2^(p+1) - Q0 m_y} (less {@code m_y} where asked) modulo {@code 2^width}: one {@link WideSum}. */
    private static int[] remainder(Net net, int[] mx, int[] my, int[] q0, int width, boolean lessOne, int rounds) {
        int p = mx.length;
        WideColumns d = new WideColumns(width);
        for (int b = 0; b < p; b++) d.addShifted(mx[b], b + p + 1);
        if (lessOne) d.addUnsigned(my, BigInteger.ONE.negate());
        for (int a = 0; a < q0.length; a++) {
            for (int b = 0; b < p && a + b < width; b++) d.add(net.and(q0[a], my[b]), BigInteger.ONE.shiftLeft(a + b).negate());
        }
        return WideSum.build(net, d, rounds);
    }

    /** {@code r}, or the largest magnitude with sign {@code s} where {@code zero} holds. */
    private static FloatWord byZero(Net net, FloatWord r, int zero, int s) {
        int p = r.significand().length, q = r.exponent().length;
        int[] sig = new int[p], exp = new int[q];
        for (int b = 0; b < p; b++) sig[b] = net.or(net.and(r.significand()[b], Literal.not(zero)), zero);
        for (int b = 0; b < q; b++) exp[b] = net.or(net.and(r.exponent()[b], Literal.not(zero)), zero);
        int sign = net.or(net.and(r.sign(), Literal.not(zero)), net.and(s, zero));
        return new FloatWord(sig, exp, sign);
    }
}
