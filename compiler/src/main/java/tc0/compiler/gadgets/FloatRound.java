package tc0.compiler.gadgets;

import tc0.circuits.Literal;

/**
 * Rounds an exact magnitude to a p-bit float ({@link tc0.compiler.numerics.ChiangFloat.Format#round}) in
 * constant depth: the value is {@code (-1)^sign N 2^(e0)} for an unsigned word N of any width W, and the
 * result's biased exponent is {@code base + L - (p - 1) + carry}, L the position of N's leading one,
 * {@code base} a small linear form the caller gives (its exponents' bits and a constant). Layers:
 * <ol>
 *   <li>{@code lead_i = N_i AND no higher bit}, and {@code low_k = OR_(j<k) N_j} (depth 1);</li>
 *   <li>the p bits T below and at the lead, the guard bit and the sticky bit: ORs over i of
 *       {@code lead_i AND ...} (depth 3);</li>
 *   <li>round up {@code u = g AND (sticky OR T_0)} (4); carries {@code c_t = u AND T_0 .. T_(t-1)} (5);
 *       {@code T_t XOR c_t = [T_t + c_t - 2 c_(t+1) >= 1]} (6); {@code c_p} is the significand's
 *       overflow to {@code 2^p}, which moves the exponent up one (the significand is then {@code 2^(p-1)},
 *       its top bit set as for every nonzero result);</li>
 *   <li>the exponent V: a ladder {@code [V >= v]} for {@code v = 0 .. 2^q} (6) and its bits (7); then
 *       saturation at {@code V >= 2^q}, flush to zero at {@code V < 0} (9).</li>
 * </ol>
 * Depth 9 over its inputs whatever p and W; {@code O(W p + p^2 + 2^q (W + q))} wires.
 */
public final class FloatRound {
    private FloatRound() {}

    public static FloatWord build(Net net, int[] n, int sign, LinearForm base, int p, int q) {
        int w = n.length;
        int[] lead = new int[w], low = new int[w + 1];
        for (int i = 0; i < w; i++) {
            int[] lits = new int[w - i];
            lits[0] = n[i];
            for (int j = i + 1; j < w; j++) lits[j - i] = Literal.not(n[j]);
            lead[i] = net.and(lits);
        }
        low[0] = Literal.FALSE;
        for (int k = 1; k <= w; k++) low[k] = net.or(java.util.Arrays.copyOf(n, k));
        int nonzero = low[w];
        // T_t: bit (i - (p - 1) + t) of N where the lead is i; guard: bit i - p; sticky: any bit below i - p.
        int[] t = new int[p];
        for (int b = 0; b < p; b++) t[b] = select(net, lead, n, b - (p - 1));
        int guard = select(net, lead, n, -p);
        int[] stickyTerms = new int[w];
        int m = 0;
        for (int i = p + 1; i < w; i++) stickyTerms[m++] = net.and(lead[i], low[i - p]);
        int sticky = m == 0 ? Literal.FALSE : net.or(java.util.Arrays.copyOf(stickyTerms, m));
        int up = net.gate(new int[] {guard, sticky, t[0]}, new long[] {2, 1, 1}, 3, 3);
        int[] carry = new int[p + 1];
        for (int b = 0; b <= p; b++) {
            int[] lits = new int[b + 1];
            lits[0] = up;
            System.arraycopy(t, 0, lits, 1, b);
            carry[b] = net.and(lits);
        }
        int[] rounded = new int[p];
        for (int b = 0; b < p; b++) rounded[b] = net.gate(new int[] {t[b], carry[b], carry[b + 1]}, new long[] {1, 1, -2}, 3, 1);
        // The exponent V = base + L - (p - 1) + carry_p.
        LinearForm v = new LinearForm().addAll(base).addConstant(-(p - 1)).add(carry[p], 1);
        for (int i = 0; i < w; i++) v.add(lead[i], i);
        int top = 1 << q;
        int[] atLeast = new int[top + 1];
        for (int x = 0; x <= top; x++) atLeast[x] = v.atLeast(net, x);
        int inRange = atLeast[0], saturate = atLeast[top];
        int[] vbits = new int[q];
        for (int b = 0; b < q; b++) {
            int k = (top - 1) >> b; // the multiples j 2^b in [1, 2^q)
            int[] lits = new int[k];
            long[] ws = new long[k];
            for (int j = 1; j <= k; j++) { lits[j - 1] = atLeast[j << b]; ws[j - 1] = (j & 1) != 0 ? 1 : -1; }
            vbits[b] = k == 0 ? Literal.FALSE : net.gate(lits, ws, k, 1);
        }
        int big = net.and(saturate, nonzero);
        int[] sig = new int[p], exp = new int[q];
        for (int b = 0; b < p - 1; b++) sig[b] = net.or(net.and(rounded[b], inRange, Literal.not(saturate)), big);
        sig[p - 1] = net.and(nonzero, inRange);
        for (int b = 0; b < q; b++) exp[b] = net.or(net.and(vbits[b], nonzero, inRange, Literal.not(saturate)), big);
        return new FloatWord(sig, exp, net.and(sign, nonzero, inRange));
    }

    /** {@code OR_i (lead_i AND N_(i + offset))}: N's bit at a fixed offset from its leading one. */
    private static int select(Net net, int[] lead, int[] n, int offset) {
        int w = n.length, m = 0;
        int[] terms = new int[w];
        for (int i = 0; i < w; i++) {
            int j = i + offset;
            if (j >= 0 && j < w) terms[m++] = net.and(lead[i], n[j]);
        }
        return m == 0 ? Literal.FALSE : net.or(java.util.Arrays.copyOf(terms, m));
    }
}
