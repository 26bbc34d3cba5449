package tc0.compiler.gadgets;

import java.math.BigInteger;
import tc0.circuits.Literal;

/**
 * The natural logarithm of a p-bit float, relative error at most {@code 2^-p} (rounded to nearest from a
 * fixed-point value with {@code F = 3p + jBits + 3} fraction bits, {@code jBits} those of {@code 2^(q-1) + p + 1}), in constant depth whatever p
 * ({@code d_log}; the Mamba paper's Lemma 4.1 asks {@code 2^-p}). {@code log x} for {@code x <= 0} is the
 * largest negative float (the limit {@code log 0+}, saturated). With {@code t = m / 2^p} in {@code [1/2, 1)}
 * and {@code j = e + p}: {@code log x = j ln 2 + log t}, and when {@code m = 2^(p-1)} (x a power of two)
 * {@code t = 1} and {@code j - 1} instead, so that {@code log 1 = 0} exactly.
 * <ol>
 *   <li>{@code S = -log t = sum_(i>=1) z^i / i}, {@code z = w / 2^p}, {@code w = 2^p - m} in {@code (0, 2^(p-1))}:
 *       N terms, coefficients {@code round(2^F' / i)}, an integer polynomial in w modulo each prime of one
 *       {@link CrtBasis} ({@link PowerSeries}), reconstructed once at F fraction bits (Reif and Tate 1992;
 *       Hesse, Allender and Barrington 2002);</li>
 *   <li>{@code L = (j - h) round(2^F ln 2) - S} and {@code -L} by two {@link WideSum}s side by side (j from the
 *       exponent's bits, h = [x is a power of two]); the magnitude chosen by L's sign bit;</li>
 *   <li>{@link FloatRound} of {@code |L|} with exponent {@code -F} and L's sign; the case {@code x <= 0}.</li>
 * </ol>
 * The absolute error before rounding is below {@code (3 + |j|) 2^-F <= 2^-(3p+2)}, and {@code |log x| > 2^-p} for
 * every float but 1, so the relative error before rounding is below {@code 2^-(2p+2)}. That suffices for
 * {@code 2^-p} after rounding: rounding the approximation y' of y differs from rounding y only where a midpoint
 * {@code mu} lies between them, and then the error is at most {@code ulp/2 + |y - y'|} over
 * {@code y >= 2^k + ulp/2 - |y - y'|} (the least midpoint of y's binade {@code [2^k, 2^(k+1))}, {@code ulp = 2^(k+1-p)}),
 * which is at most {@code 2^-p} when {@code |y - y'| <= 2^(k-2p) / (1 + 2^-p)}; elsewhere the rounding is y's own,
 * within {@code ulp/2 <= 2^-p y}. (With {@code F = 2p + 8} the bound was {@code 2^-p (1 + 2^-3)}, and
 * {@code 1.000005 2^-p} was measured at p >= 16.)
 */
public final class FloatLog {
    private FloatLog() {}

    /** Bits beyond {@code 3p + jBits} in the fixed-point logarithm: {@code (3 + |j|) 2^-F <= 2^-(3p+2)}. */
    static final int GUARD = 3;

    /** {@code round(log x)}; the largest negative float for {@code x <= 0}. */
    public static FloatWord log(Net net, FloatWord x, int rounds) {
        int p = x.significand().length, q = x.exponent().length;
        return FloatWord.of(Block.call(net, "float log p=" + p + " q=" + q + " rounds=" + rounds, new int[][] {x.word()},
                (n, in) -> built(n, FloatWord.of(in[0], p, q), rounds).word()), p, q);
    }

    private static FloatWord built(Net net, FloatWord x, int rounds) {
        Plan plan = new Plan(x.significand().length, x.exponent().length);
        int p = plan.p, q = plan.q;
        int[] m = x.significand();
        int[] pow2 = new int[p]; // x is a power of two: m = 2^(p-1)
        pow2[0] = m[p - 1];
        for (int b = 0; b < p - 1; b++) pow2[b + 1] = Literal.not(m[b]);
        int h = net.and(pow2);
        int[] s = seriesTop(net, m, h, plan, rounds);
        // L = (j - h) LN - S with j = E - bias + p, as a two's complement word of `width` bits, and -L.
        int width = plan.f + plan.jBits + 2;
        WideColumns plus = new WideColumns(width), minus = new WideColumns(width);
        for (int sign = 1; sign >= -1; sign -= 2) {
            WideColumns c = sign == 1 ? plus : minus;
            BigInteger ln = plan.ln2.multiply(BigInteger.valueOf(sign));
            for (int b = 0; b < q; b++) c.add(x.exponent()[b], ln.shiftLeft(b));
            c.addConstant(ln.multiply(BigInteger.valueOf(p - (1L << (q - 1)))));
            c.add(h, ln.negate());
            for (int b = 0; b < s.length; b++) c.add(s[b], BigInteger.ONE.shiftLeft(b).multiply(BigInteger.valueOf(-sign)));
        }
        int[] l = WideSum.build(net, plus, rounds), nl = WideSum.build(net, minus, rounds);
        int negative = l[width - 1];
        int[] magnitude = new int[width - 1];
        for (int b = 0; b < width - 1; b++) magnitude[b] = net.or(net.and(l[b], Literal.not(negative)), net.and(nl[b], negative));
        FloatWord r = FloatRound.build(net, magnitude, negative, new LinearForm().addConstant((1L << (q - 1)) - plan.f), p, q);
        int bad = Literal.not(net.and(x.nonzero(), Literal.not(x.sign()))); // x <= 0
        int[] sig = new int[p], exp = new int[q];
        for (int b = 0; b < p; b++) sig[b] = net.or(r.significand()[b], bad);
        for (int b = 0; b < q; b++) exp[b] = net.or(r.exponent()[b], bad);
        return new FloatWord(sig, exp, net.or(r.sign(), bad));
    }

    /** The widths and constants of one format. */
    static final class Plan {
        final int p, q, f, fc, n, jBits, bits, top;
        final BigInteger ln2;
        final BigInteger[] coeff; // round(2^F' / i), coeff[0] = 0

        Plan(int p, int q) {
            if (q < 2) throw new IllegalArgumentException("log needs at least 2 exponent bits, not " + q);
            this.p = p;
            this.q = q;
            jBits = 32 - Integer.numberOfLeadingZeros((1 << (q - 1)) + p + 1);
            f = 3 * p + jBits + GUARD;
            // N: the tail z^(N+1) / ((N+1)(1 - z)) <= 2^-N / (N+1) below 2^-(F+1).
            n = terms(f);
            fc = f + (32 - Integer.numberOfLeadingZeros(n)) + 1;
            bits = p * n + fc; // S < ln 2 < 1
            top = p * n + fc - f;
            ln2 = FloatExp.Plan.log2(new java.math.MathContext(f / 3 + 30)).multiply(new java.math.BigDecimal(BigInteger.ONE.shiftLeft(f)))
                    .setScale(0, java.math.RoundingMode.HALF_EVEN).toBigIntegerExact();
            coeff = new BigInteger[n + 1];
            coeff[0] = BigInteger.ZERO;
            for (int i = 1; i <= n; i++) {
                BigInteger[] qr = BigInteger.ONE.shiftLeft(fc).divideAndRemainder(BigInteger.valueOf(i));
                coeff[i] = qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(i)) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
            }
        }
    }

    /**
     * The least N with {@code 2^-N / (N+1) < 2^-(F+1)}, i.e. {@code 2^(F+1-N) < N + 1}, in integers: as doubles both
     * sides underflow to 0 from F of about 1074 (p of about 354), and the loop ran to the int's overflow.
     */
    static int terms(int f) {
        int n = 1;
        while (n <= f + 1 && (f + 1 - n >= 62 || (1L << (f + 1 - n)) >= n + 1)) n++;
        return n;
    }

    /** {@code floor(S_int / 2^top)}: S at F fraction bits, F bits; {@code w = 0} where h holds. */
    static int[] seriesTop(Net net, int[] m, int h, Plan plan, int rounds) {
        int p = plan.p;
        CrtBasis basis = CrtBasis.covering(plan.bits);
        int notH = Literal.not(h);
        int[] gated = new int[p];
        for (int b = 0; b < p; b++) gated[b] = net.and(Literal.not(m[b]), notH);
        PrimeMemo memo = PrimeMemo.lazy(basis, i -> {
            int q = basis.prime(i);
            LinearForm wForm = new LinearForm().add(notH, 1); // w = (2^p - 1 - m) + 1, all 0 where h
            for (int b = 0; b < p; b++) wForm.add(gated[b], Residue.pow2(b, q));
            return PowerSeries.of(net, q, Residue.of(net, wForm, q, rounds), plan.coeff, p, BigInteger.ZERO, rounds); // coeff[i] 2^(p (N - i))
        }, Residue::is, Residue::bulk);
        return CrtReconstruct.top(net, basis, memo, plan.bits, plan.top, rounds);
    }
}
