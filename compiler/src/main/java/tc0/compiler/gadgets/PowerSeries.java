package tc0.compiler.gadgets;

import java.math.BigInteger;

/**
 * An integer polynomial {@code sum_i a_i z^i} modulo a small prime q, one-hot, from z's one-hot
 * {@link Residue}: each term's residue bits are ORs of {@code [z = a]} over the a where {@code a^i a_i mod q}
 * has that bit (a table of q entries), and their sum is one more {@link Residue}. Depth: z's, then 1 + 
 * {@code 2k + 4}. The float functions' series (sqrt, exp, log) evaluate their polynomials this way under one
 * {@link CrtBasis} and reconstruct the value once (Reif and Tate 1992; Hesse, Allender and Barrington 2002).
 */
final class PowerSeries {
    private PowerSeries() {}

    /**
     * {@code sum_i coeff[i] 2^(step (n - i)) z^i - less mod q}, one-hot ({@code n = coeff.length - 1}): the series'
     * coefficients at their common scale, each reduced as {@code (coeff[i] mod q) (2^(step (n-i)) mod q)}, never the
     * shifted value itself (a remainder of a number of {@code step n} bits per term and prime was most of log's
     * time at p = 256: 10^5-bit numbers, some 800 terms, 13,000 primes).
     */
    static Residue of(Net net, int q, Residue z, BigInteger[] coeff, int step, BigInteger less, int rounds) {
        return of(net, q, z, coeff, step, less, rounds, new PrimeCosets(q));
    }

    /** As above, the term tables' coset counts shared with another series of this prime ({@link PrimeCosets}). */
    static Residue of(Net net, int q, Residue z, BigInteger[] coeff, int step, BigInteger less, int rounds, PrimeCosets cosets) {
        BigInteger bq = BigInteger.valueOf(q);
        int n = coeff.length - 1;
        long[] c = new long[n + 1];
        long scale = 1 % q, unit = Residue.pow2(step, q); // 2^(step (n - i)) mod q, from i = n down
        for (int i = n; i >= 0; i--) {
            c[i] = coeff[i].mod(bq).longValueExact() * scale % q;
            scale = scale * unit % q;
        }
        c[0] = Math.floorMod(c[0] - less.mod(bq).longValueExact(), q);
        LinearForm sum = new LinearForm().addConstant(c[0]);
        OneHotPowers terms = new OneHotPowers(net, z::is, z.bulk(), q, z.distinctOneHots(), cosets); // a -> a^i c mod q
        for (int i = 1; i <= n; i++) {
            if (c[i] != 0) terms.addTo(sum, i, c[i]);
        }
        return Residue.of(net, sum, q, rounds);
    }
}
