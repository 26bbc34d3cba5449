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

    /** {@code sum_i coeff[i] z^i mod q}, one-hot ({@code coeff[0]} the constant term). */
    static Residue of(Net net, int q, Residue z, BigInteger[] coeff, int rounds) {
        BigInteger bq = BigInteger.valueOf(q);
        int tb = 32 - Integer.numberOfLeadingZeros(q - 1);
        LinearForm sum = new LinearForm().addConstant(coeff[0].mod(bq).longValueExact());
        OneHotPowers terms = new OneHotPowers(net, z::is, z.bulk(), q, z.distinctOneHots()); // a -> a^i c mod q
        for (int i = 1; i < coeff.length; i++) {
            long c = coeff[i].mod(bq).longValueExact();
            if (c == 0) continue;
            int[] ors = terms.term(i, c);
            for (int t = 0; t < tb; t++) sum.add(ors[t], 1L << t);
        }
        return Residue.of(net, sum, q, rounds);
    }
}
