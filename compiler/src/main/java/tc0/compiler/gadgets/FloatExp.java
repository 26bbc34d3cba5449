package tc0.compiler.gadgets;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import tc0.circuits.Literal;

/**
 * {@code exp(x)} of a p-bit float, relative error at most {@code 2^-p (1 + 2^-3)} (rounded to nearest from an
 * approximation good to {@code p + GUARD} bits; Lemma 3.14 asks {@code 2^-p}), in constant depth whatever p
 * ({@code d_exp}). With {@code B = bits(p + bias + 2)}:
 * <ol>
 *   <li>range: {@code e >= B - p + 1} means {@code |x| >= 2^B > (p + bias + 2) ln 2}: the result saturates
 *       (x > 0) or flushes to zero (x < 0). Otherwise {@code X = |x| 2^G}, truncated, {@code G = p + GUARD + 4},
 *       is aligned from the significand by ORs over the exponent's values ({@link FloatSum}'s alignment), B + G
 *       bits; below {@code 2^-G} it is 0, and so is x's effect (the result rounds to 1);</li>
 *   <li>range reduction: {@code k = round(x / ln 2)} from the top bits of one {@link WideSum} of
 *       {@code ±X c}, {@code c = round(2^T / ln 2)} (a two's complement word of {@code B + 2} bits), and
 *       {@code r = x - k ln 2}, {@code |r| < 0.36}, never as bits: {@code r_W = ±X 2^(W-G) - k L},
 *       {@code L = round(2^W ln 2)}, enters each prime's {@link Residue} as a linear form of X's and k's bits;</li>
 *   <li>the series {@code sum_(i<=N) r^i / i!} with coefficients rounded to F bits, an integer polynomial in
 *       {@code r_W}, formed modulo each prime of one {@link CrtBasis} (each term's bits ORs of the one-hot
 *       residue) and reconstructed once, top {@code p + GUARD + 1} bits: {@code R0 ~ exp(r) 2^(p + GUARD)}
 *       (Reif and Tate 1992; Hesse, Allender and Barrington 2002);</li>
 *   <li>{@link FloatRound} of R0 with the exponent {@code k - p - GUARD} (k's bits in the base form); then the
 *       saturation or flush of step 1 in depth 2.</li>
 * </ol>
 * Needs {@code q >= 2}.
 */
public final class FloatExp {
    private FloatExp() {}

    /** Bits kept beyond p before the one rounding. */
    public static final int GUARD = 6;

    /** {@code exp(x)} rounded (saturated above the range, flushed to zero below it). */
    public static FloatWord exp(Net net, FloatWord x, int rounds) {
        int p = x.significand().length, q = x.exponent().length;
        return FloatWord.of(Block.call(net, "float exp p=" + p + " q=" + q + " rounds=" + rounds, new int[][] {x.word()},
                (n, in) -> built(n, FloatWord.of(in[0], p, q), rounds).word()), p, q);
    }

    private static FloatWord built(Net net, FloatWord x, int rounds) {
        Plan plan = new Plan(x.significand().length, x.exponent().length);
        int p = plan.p, q = plan.q, s = x.sign();
        // Step 1: out of range, and X's bits.
        int big = plan.firstBig < (1 << q) ? net.and(x.nonzero(), new LinearForm().addUnsignedWord(x.exponent(), 1).atLeast(net, plan.firstBig)) : Literal.FALSE;
        int[] xw = new int[plan.xBits];
        int[] pos = new int[plan.xBits], neg = new int[plan.xBits];
        for (int j = 0; j < plan.xBits; j++) {
            xw[j] = aligned(net, x, plan, j);
            pos[j] = net.and(xw[j], Literal.not(s));
            neg[j] = net.and(xw[j], s);
        }
        // Step 2: k = floor((±X c + 2^(G+T-1)) / 2^(G+T)), B + 2 bits two's complement.
        int zw = plan.g + plan.t + plan.kBits;
        WideColumns z = new WideColumns(zw);
        for (int j = 0; j < plan.xBits; j++) { z.add(pos[j], plan.c.shiftLeft(j)); z.add(neg[j], plan.c.shiftLeft(j).negate()); }
        z.addConstant(BigInteger.ONE.shiftLeft(plan.g + plan.t - 1));
        int[] k = WideSum.top(net, z, rounds, plan.g + plan.t);
        // Step 3: the series modulo each prime, one reconstruction.
        CrtBasis basis = CrtBasis.covering(plan.bits);
        PrimeMemo memo = PrimeMemo.lazy(basis, i -> series(net, basis.prime(i), plan, pos, neg, k, rounds), Residue::is, Residue::bulk);
        int[] r0 = CrtReconstruct.top(net, basis, memo, plan.bits, plan.top, rounds);
        // Step 4: R0 2^(k - p - GUARD), rounded; then the range's ends.
        LinearForm base = new LinearForm().addWord(k, 1).addConstant((1L << (q - 1)) - p - GUARD);
        FloatWord r = FloatRound.build(net, r0, Literal.FALSE, base, p, q);
        int keep = Literal.not(big), saturate = net.and(big, Literal.not(s));
        int[] sig = new int[p], exp = new int[q];
        for (int b = 0; b < p; b++) sig[b] = net.or(net.and(r.significand()[b], keep), saturate);
        for (int b = 0; b < q; b++) exp[b] = net.or(net.and(r.exponent()[b], keep), saturate);
        return new FloatWord(sig, exp, Literal.FALSE);
    }

    /** The widths and constants of one format. */
    static final class Plan {
        final int p, q, g, bBits, xBits, firstBig, t, kBits, w, n, f, bits, top;
        final BigInteger c, ln2;
        final BigInteger[] coeff; // round(2^F / i!)

        Plan(int p, int q) {
            if (q < 2) throw new IllegalArgumentException("exp needs at least 2 exponent bits, not " + q);
            this.p = p;
            this.q = q;
            int bias = 1 << (q - 1);
            bBits = 32 - Integer.numberOfLeadingZeros(p + bias + 2);
            g = p + GUARD + 4;
            xBits = bBits + g;
            firstBig = bBits - p + 1 + bias; // the least biased exponent out of range
            t = bBits + 8;
            kBits = bBits + 2;
            w = g + kBits + 2;
            n = terms(p);
            f = p + GUARD + 3 + (32 - Integer.numberOfLeadingZeros(n + 1));
            bits = w * n + f + 1; // exp(r) < 2
            top = w * n + f - (p + GUARD);
            MathContext mc = new MathContext((w + t + f) / 3 + 30, RoundingMode.HALF_EVEN);
            BigDecimal ln = log2(mc);
            c = new BigDecimal(BigInteger.ONE.shiftLeft(t)).divide(ln, mc).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
            ln2 = ln.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(w))).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
            coeff = new BigInteger[n + 1];
            BigInteger fact = BigInteger.ONE;
            for (int i = 0; i <= n; i++) {
                if (i > 0) fact = fact.multiply(BigInteger.valueOf(i));
                BigInteger[] qr = BigInteger.ONE.shiftLeft(f).divideAndRemainder(fact);
                coeff[i] = qr[1].shiftLeft(1).compareTo(fact) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
            }
        }

        /**
         * N, the least with {@code 0.36^N / N! < 2^-(p + GUARD + 3)}, i.e. {@code 9^N 2^(p + GUARD + 3) < 25^N N!}, in
         * integers: in doubles (as chosen before) the limit is subnormal from p of about 1013 and 0 from about 1065, where
         * the loop ran to the int's overflow. The same N wherever the doubles are normal (ExpSeriesLengthTest).
         */
        static int terms(int p) {
            BigInteger lhs = BigInteger.valueOf(9).shiftLeft(p + GUARD + 3), rhs = BigInteger.valueOf(25);
            int n = 1;
            while (lhs.compareTo(rhs) >= 0) {
                n++;
                lhs = lhs.multiply(BigInteger.valueOf(9));
                rhs = rhs.multiply(BigInteger.valueOf(25L * n));
            }
            return n;
        }

        /** ln 2 = 2 atanh(1/3) = sum 2 / ((2j + 1) 3^(2j + 1)). */
        static BigDecimal log2(MathContext mc) {
            BigDecimal sum = BigDecimal.ZERO, power = BigDecimal.ONE.divide(BigDecimal.valueOf(3), mc), ninth = BigDecimal.ONE.divide(BigDecimal.valueOf(9), mc);
            BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
            for (int j = 0; power.compareTo(eps) > 0; j++) {
                sum = sum.add(power.multiply(BigDecimal.TWO).divide(BigDecimal.valueOf(2L * j + 1), mc), mc);
                power = power.multiply(ninth, mc);
            }
            return sum;
        }
    }

    /** Bit j of {@code X = floor(|x| 2^G)}: {@code OR_E ([E = v] AND m_(j - (v - bias) - G))}. */
    private static int aligned(Net net, FloatWord x, Plan plan, int j) {
        int p = plan.p, q = plan.q, bias = 1 << (q - 1);
        int[] terms = new int[1 << q];
        int cnt = 0;
        for (int v = 0; v < Math.min(1 << q, plan.firstBig); v++) {
            int b = j - (v - bias) - plan.g;
            if (b < 0 || b >= p) continue;
            int[] lits = new int[q + 1];
            for (int t = 0; t < q; t++) lits[t] = ((v >> t) & 1) != 0 ? x.exponent()[t] : Literal.not(x.exponent()[t]);
            lits[q] = x.significand()[b];
            terms[cnt++] = net.and(lits);
        }
        return cnt == 0 ? Literal.FALSE : net.or(java.util.Arrays.copyOf(terms, cnt));
    }

    /** {@code sum_i C_i r_W^i 2^(W(N-i)) mod q} one-hot, {@code r_W = ±X 2^(W-G) - k L} read from its residue. */
    private static Residue series(Net net, int q, Plan plan, int[] pos, int[] neg, int[] k, int rounds) {
        BigInteger bq = BigInteger.valueOf(q);
        LinearForm rForm = new LinearForm();
        for (int j = 0; j < pos.length; j++) {
            long unit = Residue.pow2(j + plan.w - plan.g, q);
            rForm.add(pos[j], unit).add(neg[j], Math.floorMod(-unit, q));
        }
        long l = plan.ln2.mod(bq).longValueExact();
        for (int t = 0; t < k.length; t++) {
            long weight = l * Residue.pow2(t, q) % q; // -k L: bit t of k weighs -2^t L, the top bit +2^t L
            rForm.add(k[t], t == k.length - 1 ? weight : Math.floorMod(-weight, q));
        }
        Residue r = Residue.of(net, rForm, q, rounds);
        return PowerSeries.of(net, q, r, plan.coeff, plan.w, BigInteger.ZERO, rounds); // coeff[i] 2^(W (N - i))
    }
}
