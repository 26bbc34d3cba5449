package tc0.compiler.gadgets;

import java.math.BigInteger;
import tc0.circuits.Literal;

/**
 * The exact quotient {@code floor(x / y)} of unsigned p-bit words in constant depth, through the power
 * series {@code 1/z = sum_i (1 - z)^i} (Reif and Tate 1992; Hesse, Allender and Barrington 2002); {@code y = 0}
 * gives {@code 2^p - 1} (all ones, the limit from above as for {@code Fixed.div}).
 * <ol>
 *   <li>Normalisation: the leading one {@code L_s = [y_s - sum_(s' > s) y_s' >= 1]} (depth 1);
 *       {@code y' = y 2^(p-1-s)} in {@code [2^(p-1), 2^p)} and {@code x' = x 2^(p-1-s)} by
 *       {@code OR_s (L_s AND ...)} (depth 3).</li>
 *   <li>With {@code w = 2^p - y'} in {@code (0, 2^(p-1)]} and {@code N = p - 1}, the truncated series
 *       {@code G = sum_(i=0..N) w^i 2^((N-i)p) = (2^((N+1)p) - w^(N+1)) / y'}, below {@code 2^(Np+1)}, is
 *       formed modulo each prime q of a {@link CrtBasis}: {@code w mod q} one-hot ({@link Residue}), each term
 *       {@code w^i 2^((N-i)p) mod q} as bits that are ORs of it (a table {@code a -> a^i C_i mod q}), their
 *       sum modulo q one-hot again. Times {@code x' mod q} through discrete logarithms (as
 *       {@link IteratedProduct}), then one {@link CrtReconstruct}, top bits only:
 *       {@code Q0 = floor(x' G / 2^((N+1)p))}. Since {@code x' / y' - x' G / 2^((N+1)p) = (x / y) (w / 2^p)^(N+1)
 *       < 2^p 2^(-(N+1)) = 1}, {@code Q0} is the true quotient or one less.</li>
 *   <li>{@code Q = Q0 + [x - (Q0 + 1) y >= 0]}: the sign of one {@link WideSum} of partial products, its last
 *       gate folded into the increment's carries; the increment and an OR with {@code [y = 0]} in depth 2 over the
 *       sign's ladder ({@link #incrementOr(Net, int[], WideSum.Terms, int)}).</li>
 * </ol>
 * Depth independent of p; size polynomial (the CRT step dominates: about {@code p^2 / log p} primes of
 * {@code O(log p)} bits, each with {@code N} term tables).
 */
public final class WideDivide {
    private WideDivide() {}

    /** {@code floor(x / y)} as p bits ({@code x.length == y.length == p}); all ones for {@code y = 0}. */
    public static int[] quotient(Net net, int[] x, int[] y, int rounds) {
        int p = y.length;
        if (x.length != p) throw new IllegalArgumentException("widths " + x.length + " and " + p);
        int[] lead = leadingOne(net, y);
        int[] yn = shifted(net, lead, y, p);
        int[] xn = shifted(net, lead, x, 2 * p - 1);
        int[] q0 = seriesQuotient(net, xn, yn, rounds);
        return corrected(net, x, y, q0, rounds);
    }

    /**
     * {@code Q0 + [x - (Q0 + 1) y >= 0]}, or all ones for {@code y = 0}: 13 levels over Q0 (the AND, the sign's
     * {@link WideSum} to its top block's ladder, the carries, the bits) whatever p.
     */
    static int[] corrected(Net net, int[] x, int[] y, int[] q0, int rounds) {
        int p = y.length;
        // c = [x - (Q0 + 1) y >= 0], from the sign of that difference in a two's complement word.
        int dw = 2 * p + 2;
        WideColumns d = new WideColumns(dw);
        d.addUnsigned(x, BigInteger.ONE);
        d.addUnsigned(y, BigInteger.ONE.negate());
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) d.add(net.and(q0[a], y[b]), BigInteger.ONE.shiftLeft(a + b).negate());
        }
        // The sign's last gate is folded into the increment's carries. As a bit, the sign is one gate over its block's
        // ladder, or that ladder's gate itself where the block's constants fold the gate (p <= 128: 3-column blocks,
        // the top block's columns one bit each, two of them TRUE), so the division was 56 deep to p = 128 and 57 from
        // 160 (4-column blocks); read through its ladder, 56 at every p.
        WideSum.Terms sign = WideSum.topBitTerms(net, d, rounds);
        return incrementOr(net, q0, sign, Literal.not(net.or(y)));
    }

    /**
     * {@code (v + c) OR z} as {@link #incrementOr(Net, int[], int, int)}, with {@code c = NOT [sum w_i l_i >= 1]} given
     * by the terms of that gate (whose sum is 0 or 1): carry {@code k_t = c AND v_0 AND ... AND v_(t-1)} is the one
     * gate {@code [v_0 + ... + v_(t-1) - sum w_i l_i >= t]}, one level above the terms, not two.
     */
    static int[] incrementOr(Net net, int[] v, WideSum.Terms notC, int z) {
        int p = v.length, n = notC.lits().length;
        int[] carry = new int[p + 1];
        carry[p] = Literal.FALSE; // v + c < 2^width: no carry out of the top bit
        for (int t = 0; t < p; t++) {
            int[] lits = new int[t + n];
            long[] w = new long[t + n];
            for (int j = 0; j < t; j++) { lits[j] = v[j]; w[j] = 1; }
            for (int i = 0; i < n; i++) { lits[t + i] = notC.lits()[i]; w[t + i] = -notC.weights()[i]; }
            carry[t] = net.gate(lits, w, t + n, t);
        }
        int[] out = new int[p];
        for (int t = 0; t < p; t++) out[t] = net.gate(new int[] {v[t], carry[t], carry[t + 1], z}, new long[] {1, 1, -2, 2}, 1);
        return out;
    }

    /**
     * {@code (v + c) OR z} bitwise, for {@code v + c < 2^width}, in depth 2: the carries
     * {@code k_t = c AND v_0 AND ... AND v_(t-1)} are one gate each, and bit t is
     * {@code [v_t + k_t - 2 k_(t+1) + 2 z >= 1]} ({@code v_t XOR k_t}, since {@code k_(t+1) = v_t AND k_t}).
     */
    static int[] incrementOr(Net net, int[] v, int c, int z) {
        int p = v.length;
        int[] carry = new int[p + 1];
        carry[p] = Literal.FALSE; // v + c < 2^width: no carry out of the top bit
        for (int t = 0; t < p; t++) {
            int[] and = new int[t + 1];
            and[0] = c;
            System.arraycopy(v, 0, and, 1, t);
            carry[t] = t == 0 ? c : net.and(and);
        }
        int[] out = new int[p];
        for (int t = 0; t < p; t++) out[t] = net.gate(new int[] {v[t], carry[t], carry[t + 1], z}, new long[] {1, 1, -2, 2}, 1);
        return out;
    }

    /**
     * For {@code y'} in {@code [2^(p-1), 2^p)} and {@code x' < 2^(2p-1)}: {@code Q0 = floor(x' G / 2^((N+1)p))}
     * (p bits), which is {@code floor(x'/y')} or one less: {@code (x / y) (w / 2^p)^(N+1) < 2^(p-N-1) = 1}.
     * The product {@code x' G} is formed modulo each prime (discrete logarithms, as {@link IteratedProduct})
     * and reconstructed once, top bits only.
     */
    static int[] seriesQuotient(Net net, int[] xn, int[] yn, int rounds) {
        int p = yn.length, n = Math.max(1, p - 1);
        int bits = xn.length + n * p + 1; // x' G < 2^(2p - 1) 2^(Np + 1)
        CrtBasis basis = CrtBasis.covering(bits);
        PrimeMemo memo = PrimeMemo.lazy(basis, i -> {
            int q = basis.prime(i);
            if (net instanceof TwinNet t && t.twins() && !t.keepsEveryGate()) { // a count that drops dead gates: G first
                Residue g = seriesResidue(net, q, yn, n, rounds);
                boolean zero = g.isConstant() && g.is(0) == Literal.TRUE; // every product member FALSE: x's residue not built (it would die)
                return new IteratedProduct.ProductResidue(net, basis, i, new Residue[] {zero ? g : Residue.ofUnsigned(net, xn, 0, q, rounds), g}, rounds);
            }
            Residue[] factors = {Residue.ofUnsigned(net, xn, 0, q, rounds), seriesResidue(net, q, yn, n, rounds)};
            return new IteratedProduct.ProductResidue(net, basis, i, factors, rounds);
        }, IteratedProduct.ProductResidue::is, IteratedProduct.ProductResidue::bulk);
        int[] top = CrtReconstruct.top(net, basis, memo, bits, (n + 1) * p, rounds);
        return top; // bits - (N+1)p = p of them
    }

    /** {@code L_s = [y_s = 1 and y_s' = 0 for s' > s]}, one gate each. */
    static int[] leadingOne(Net net, int[] y) {
        int p = y.length;
        int[] lead = new int[p];
        for (int s = 0; s < p; s++) {
            int[] lits = java.util.Arrays.copyOfRange(y, s, p);
            long[] w = new long[lits.length];
            java.util.Arrays.fill(w, -1);
            w[0] = 1;
            lead[s] = net.gate(lits, w, lits.length, 1);
        }
        return lead;
    }

    /** {@code v 2^(p-1-s)} for the one-hot leading position s, as {@code width} bits. */
    static int[] shifted(Net net, int[] lead, int[] v, int width) {
        int p = lead.length;
        int[] out = new int[width];
        int[] terms = new int[p];
        for (int b = 0; b < width; b++) {
            int n = 0;
            for (int s = 0; s < p; s++) {
                int j = b - (p - 1 - s);
                if (j >= 0 && j < v.length) terms[n++] = net.and(lead[s], v[j]);
            }
            out[b] = n == 0 ? Literal.FALSE : net.or(java.util.Arrays.copyOf(terms, n));
        }
        return out;
    }

    /** {@code G mod q} one-hot: {@code sum_i (w^i mod q) C_i} with {@code C_i = 2^((N-i)p) mod q}, reduced. */
    private static Residue seriesResidue(Net net, int q, int[] yn, int n, int rounds) {
        int p = yn.length;
        LinearForm wForm = new LinearForm().addConstant(1); // w = 2^p - y' = (2^p - 1 - y') + 1
        for (int b = 0; b < p; b++) wForm.add(Literal.not(yn[b]), Residue.pow2(b, q));
        Residue w = Residue.of(net, wForm, q, rounds);
        LinearForm sum = new LinearForm().addConstant(Residue.pow2(n * p, q)); // i = 0: w^0 = 1
        OneHotPowers terms = new OneHotPowers(net, w::is, w.bulk(), q, w.distinctOneHots()); // a -> a^i C_i mod q
        for (int i = 1; i <= n; i++) terms.addTo(sum, i, Residue.pow2((n - i) * p, q));
        return Residue.of(net, sum, q, rounds);
    }
}
