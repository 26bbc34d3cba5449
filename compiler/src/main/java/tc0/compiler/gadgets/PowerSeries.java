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
        long[] term = new long[q]; // a -> a^i c mod q
        long[] power = new long[q]; // a^i mod q, advanced once per i (q < 2^31: products fit a long)
        java.util.Arrays.fill(power, 1);
        for (int i = 1; i < coeff.length; i++) {
            for (int a = 1; a < q; a++) power[a] = power[a] * a % q;
            long c = coeff[i].mod(bq).longValueExact();
            if (c == 0) continue;
            for (int a = 1; a < q; a++) term[a] = power[a] * c % q;
            int[] ors = OneHotOrs.of(net, z::is, q, term, (1L << tb) - 1, z.distinctOneHots());
            for (int t = 0; t < tb; t++) sum.add(ors[t], 1L << t);
        }
        return Residue.of(net, sum, q, rounds);
    }
}
