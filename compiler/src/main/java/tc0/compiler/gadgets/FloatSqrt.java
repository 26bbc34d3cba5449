package tc0.compiler.gadgets;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import tc0.circuits.Literal;

/**
 * The square root of a p-bit float ({@link tc0.compiler.numerics.ChiangFloat#sqrt}), rounded once to nearest
 * even (so its relative error is at most {@code 2^-p}), in constant depth whatever p ({@code d_sqrt}).
 * A negative or zero x gives zero. With {@code t = m / 2^p} in {@code [1/2, 1)} and {@code c = 2^par},
 * {@code par = (e + p) mod 2}: {@code sqrt(x) = sqrt(c t) 2^h}, {@code h = floor((e + p) / 2)}, and with
 * {@code K = p + 2}, {@code R = floor(sqrt(c t) 2^K) = isqrt(M)}, {@code M = m 2^(p + 4 + par)}:
 * <ol>
 *   <li>the series {@code sqrt(c t) = sqrt(c) sum_i b_i (w / 2^p)^i}, {@code w = 2^p - m} in
 *       {@code (0, 2^(p-1)]}, {@code b_i} the coefficients of {@code sqrt(1 - z)} (Reif and Tate 1992),
 *       truncated after {@code N = K + 3} terms, the coefficients {@code sqrt(c) b_i} rounded to F fraction
 *       bits: an integer polynomial in w, formed modulo each prime of a {@link CrtBasis} (w's one-hot
 *       {@link Residue}, each term's bits ORs of it), for c = 1 and c = 2 side by side and chosen by par;
 *       less a half, reconstructed once ({@link CrtReconstruct#top}): {@code R0 = R} or {@code R - 1} (the
 *       tail and the coefficients' rounding stay below a quarter);</li>
 *   <li>{@code D0 = M - R0^2} and {@code D1 = D0 - 2 R0 - 1} exactly, two {@link WideSum}s side by side;
 *       {@code R = R0 + [D1 >= 0]}, sticky {@code [D0 != 0]} (wrong only when M is a square, and then R is a
 *       multiple of 8, whose guard bit is 0);</li>
 *   <li>{@link FloatRound} of {@code 2 R + sticky} (p + 3 bits or more), exponent {@code h - K - 1};
 *       every bit ANDed with {@code [x > 0]}.</li>
 * </ol>
 * Needs {@code q >= 2} (an even bias, so the parity of e is that of E's low bit).
 */
public final class FloatSqrt {
    private FloatSqrt() {}

    /** {@code round(sqrt(x))}, zero for {@code x <= 0}; q of at least 2 bits. */
    public static FloatWord sqrt(Net net, FloatWord x, int rounds) {
        int p = x.significand().length, q = x.exponent().length;
        return FloatWord.of(Block.call(net, "float sqrt p=" + p + " q=" + q + " rounds=" + rounds, new int[][] {x.word()},
                (n, in) -> built(n, FloatWord.of(in[0], p, q), rounds).word()), p, q);
    }

    private static FloatWord built(Net net, FloatWord x, int rounds) {
        int p = x.significand().length, q = x.exponent().length, k = p + 2;
        if (q < 2) throw new IllegalArgumentException("sqrt needs at least 2 exponent bits, not " + q);
        int[] m = x.significand(), e = x.exponent();
        int par = (p & 1) == 0 ? e[0] : Literal.not(e[0]);
        int[] r0 = seriesRoot(net, m, par, rounds);
        int[] d0 = remainder(net, m, par, r0, k + 3, false, rounds), d1 = remainder(net, m, par, r0, k + 4, true, rounds);
        int[] root = WideDivide.incrementOr(net, r0, Literal.not(d1[k + 3]), Literal.FALSE);
        int[] n = new int[root.length + 1];
        n[0] = net.or(d0);
        System.arraycopy(root, 0, n, 1, root.length);
        // h = floor((E + p) / 2) - bias / 2 = (E >> 1) + [p odd] E_0 + floor(p / 2) - bias / 2; base = h - K - 1 + bias.
        int bias = 1 << (q - 1);
        LinearForm base = new LinearForm();
        for (int b = 1; b < q; b++) base.add(e[b], 1L << (b - 1));
        if ((p & 1) == 1) base.add(e[0], 1);
        base.addConstant(p / 2 - bias / 2 - k - 1 + bias);
        FloatWord r = FloatRound.build(net, n, Literal.FALSE, base, p, q);
        int positive = net.and(x.nonzero(), Literal.not(x.sign()));
        int[] sig = new int[p], exp = new int[q];
        for (int b = 0; b < p; b++) sig[b] = net.and(r.significand()[b], positive);
        for (int b = 0; b < q; b++) exp[b] = net.and(r.exponent()[b], positive);
        return new FloatWord(sig, exp, Literal.FALSE);
    }

    /** Terms of the series: {@code K + 3}. */
    static int terms(int p) { return p + 5; }

    /** Fraction bits of the coefficients: {@code K + 3 + bits(N + 1)}. */
    static int fraction(int p) { return p + 5 + (32 - Integer.numberOfLeadingZeros(terms(p) + 1)); }

    /**
     * {@code B_i = round(sqrt(c) b_i 2^F)}, {@code b_i} the coefficients of {@code sqrt(1 - z)}:
     * {@code b_0 = 1}, {@code b_i = b_(i-1) (2i - 3) / (2i)} with a minus sign from i = 1 on.
     */
    static BigInteger[] coefficients(int p, boolean two) {
        int n = terms(p), f = fraction(p);
        MathContext mc = new MathContext(f / 3 + 40, RoundingMode.HALF_EVEN);
        BigDecimal scale = new BigDecimal(BigInteger.ONE.shiftLeft(f)), c = two ? BigDecimal.TWO.sqrt(mc) : BigDecimal.ONE;
        BigDecimal b = BigDecimal.ONE;
        BigInteger[] out = new BigInteger[n + 1];
        for (int i = 0; i <= n; i++) {
            if (i == 1) b = BigDecimal.valueOf(-1).divide(BigDecimal.TWO, mc);
            else if (i > 1) b = b.multiply(BigDecimal.valueOf(2L * i - 3)).divide(BigDecimal.valueOf(2L * i), mc);
            out[i] = b.multiply(c, mc).multiply(scale).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        }
        return out;
    }

    /**
     * {@code R0 = floor(A / 2^(pN + F - K))}, {@code A = sum_i B_i w^i 2^(p(N-i)) - 2^(pN + F - K - 1)} with the
     * coefficients of c = 2^par: K + 1 bits.
     */
    static int[] seriesRoot(Net net, int[] m, int par, int rounds) {
        int p = m.length, k = p + 2, n = terms(p), f = fraction(p);
        int top = p * n + f - k, bits = p * n + f + 1; // A < sqrt(2) 2^(pN + F) (1 + 2^-6)
        BigInteger[][] coeff = {coefficients(p, false), coefficients(p, true)};
        BigInteger half = BigInteger.ONE.shiftLeft(top - 1);
        CrtBasis basis = CrtBasis.covering(bits);
        PrimeMemo memo = PrimeMemo.lazy(basis, i -> {
            int q = basis.prime(i);
            LinearForm wForm = new LinearForm().addConstant(1); // w = 2^p - m = (2^p - 1 - m) + 1
            for (int b = 0; b < p; b++) wForm.add(Literal.not(m[b]), Residue.pow2(b, q));
            Residue w = Residue.of(net, wForm, q, rounds);
            PrimeCosets cosets = new PrimeCosets(q); // one walk of the group for both series
            return new Residue[] {PowerSeries.of(net, q, w, coeff[0], p, half, rounds, cosets), PowerSeries.of(net, q, w, coeff[1], p, half, rounds, cosets)}; // B_i 2^(p(N-i)) w^i - half
        }, (sums, v) -> OneHotSelect.member(net, sums[0], sums[1], par, v), sums -> OneHotSelect.bulk(net, sums[0], sums[1], par));
        return CrtReconstruct.top(net, basis, memo, bits, top, rounds);
    }

    /**
     * {@code M - R0^2} (less {@code 2 R0 + 1} where asked) modulo {@code 2^width}, {@code M = m 2^(p + 4 + par)}:
     * one {@link WideSum}; {@code R0^2} as {@code R0_a} at {@code 2^(2a)} and {@code R0_a AND R0_b} at
     * {@code 2^(a+b+1)} for {@code a < b}.
     */
    private static int[] remainder(Net net, int[] m, int par, int[] r0, int width, boolean next, int rounds) {
        int p = m.length;
        WideColumns d = new WideColumns(width);
        for (int b = 0; b < p; b++) {
            d.addShifted(net.and(m[b], Literal.not(par)), p + 4 + b);
            d.addShifted(net.and(m[b], par), p + 5 + b);
        }
        for (int a = 0; a < r0.length; a++) {
            d.add(r0[a], BigInteger.ONE.shiftLeft(2 * a).negate());
            for (int b = a + 1; b < r0.length && a + b + 1 < width; b++) d.add(net.and(r0[a], r0[b]), BigInteger.ONE.shiftLeft(a + b + 1).negate());
            if (next) d.add(r0[a], BigInteger.ONE.shiftLeft(a + 1).negate());
        }
        if (next) d.addConstant(BigInteger.ONE.negate());
        return WideSum.build(net, d, rounds);
    }
}
