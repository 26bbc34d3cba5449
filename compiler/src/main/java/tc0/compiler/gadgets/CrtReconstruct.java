package tc0.compiler.gadgets;

import java.math.BigInteger;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import tc0.circuits.Literal;

/**
 * A number {@code P < 2^bits} from its residues modulo the primes of a {@link CrtBasis} (given one-hot), in
 * constant depth with small weights: the Beame-Cook-Hoover / Hesse-Allender-Barrington route.
 * With {@code y_i = P mod q_i}, {@code h_i = (M/q_i)^(-1) mod q_i} and {@code f_i = (y_i h_i mod q_i) / q_i}:
 * <pre>
 *   P = sum_i y_i (M/q_i) h_i - M sum_i floor(y_i h_i / q_i) - M j,   j = floor(sum_i f_i)
 * </pre>
 * (each {@code y_i (M/q_i) h_i - M floor(y_i h_i / q_i)} is {@code f_i M}, and {@code P = M frac(sum f_i)}).
 * The bits of {@code y_i} and of {@code F_i = floor(y_i h_i / q_i)} are ORs of the one-hot residue (tables
 * of q_i entries); so are the bits of {@code a_i = ceil(f_i 2^T)}, the fractions rounded up to T bits with
 * {@code 2^T >= 4k} (k primes). Then {@code A = sum a_i} is within {@code [sum f_i, sum f_i + 1/4)} in units of
 * {@code 2^T}, and since {@code P / M < 1/2} ({@link CrtBasis} takes {@code M >= 2^(bits+1)}),
 * {@code [j >= t] = [A >= t 2^T]}: one gate each, weights at most {@code 2^T}. The whole right side is one
 * {@link WideSum} modulo {@code 2^bits} (the weights {@code -M 2^t} enter as residues). The tables are
 * {@link OneHotOrs} (counted in closed form where the residues' literals are distinct). Depth
 * {@code 2 + WideSum's} after the residues.
 */
public final class CrtReconstruct {
    private CrtReconstruct() {}

    /**
     * P's {@code bits} bits, from {@code residue.applyAsInt(i, y)} = the literal {@code [P mod q_i = y]}
     * (asked for {@code y >= 1} only, each perhaps several times: the caller may build it on demand).
     */
    public static int[] build(Net net, CrtBasis basis, IntBinaryOperator residue, int bits, int rounds) {
        return top(net, basis, residue, bits, 0, rounds);
    }

    /** P's bits {@code from .. bits - 1} alone ({@link WideSum#top}). */
    public static int[] top(Net net, CrtBasis basis, IntBinaryOperator residue, int bits, int from, int rounds) {
        int k = basis.size();
        int T = 64 - Long.numberOfLeadingZeros(4L * k - 1); // 2^T >= 4k
        BigInteger m = basis.modulus(), minusM = m.negate();
        WideColumns out = new WideColumns(bits);
        LinearForm jForm = new LinearForm();
        for (int i = 0; i < k; i++) {
            int q = basis.prime(i);
            long h = basis.inverse(i);
            BigInteger c = basis.coefficient(i);
            long[] fOf = new long[q], aOf = new long[q];
            long maxF = 0, maxA = 0;
            for (int y = 1; y < q; y++) {
                fOf[y] = y * h / q;
                aOf[y] = Math.ceilDiv((y * h % q) << T, q);
                maxF = Math.max(maxF, fOf[y]);
                maxA = Math.max(maxA, aOf[y]);
            }
            long yNeed = 0, fNeed = 0, aNeed = k == 1 ? 0 : (1L << bitLength(maxA)) - 1; // k = 1: j = 0, no gate reads the fractions
            for (int t = 0; t < bitLength(q - 1); t++) if (out.places(c, t)) yNeed |= 1L << t;
            for (int t = 0; t < bitLength(maxF); t++) if (out.places(m, t)) fNeed |= 1L << t;
            long[] yOf = new long[q];
            for (int y = 1; y < q; y++) yOf[y] = y;
            final int prime = i;
            IntUnaryOperator hot = y -> residue.applyAsInt(prime, y);
            boolean distinct = false;
            OneHotBulk bulk = residue instanceof PrimeMemo memo && net instanceof TwinNet t && t.twins() ? memo.bulk(i) : null;
            if (bulk != null) distinct = true;
            else if (net instanceof TwinNet t && t.twins()) { // the one-hot literals first (any order counts alike), to see them distinct
                int[] lits = new int[q];
                java.util.Arrays.fill(lits, -1);
                for (int y = 1; y < q; y++) if ((yOf[y] & yNeed | fOf[y] & fNeed | aOf[y] & aNeed) != 0) lits[y] = hot.applyAsInt(y);
                distinct = OneHotOrs.distinct(lits);
            }
            // Each word's bits as one run (placed as adding them bit by bit would; counted by heights: WideRuns).
            out.addRun(OneHotOrs.of(net, hot, bulk, q, yOf, yNeed, distinct), c);
            out.addRun(OneHotOrs.of(net, hot, bulk, q, fOf, fNeed, distinct), minusM);
            int[] aOr = OneHotOrs.of(net, hot, bulk, q, aOf, aNeed, distinct);
            for (int t = 0; t < aOr.length; t++) jForm.add(aOr[t], 1L << t);
        }
        LadderTwin jTwin = k > 1 ? jLadder(net, jForm) : null; // on a twin net: one normal form for every j
        for (int j = 1; j < k; j++) {
            if (!out.places(m)) break;
            long t = (long) j << T;
            int geq = jForm.max() < t ? Literal.FALSE : jTwin != null ? jTwin.atLeast(t - jForm.constant()) : jForm.atLeast(net, t);
            out.addRun(new int[] {geq}, minusM); // a run of one literal: placed as add places it, counted by heights on a twin net
        }
        return WideSum.top(net, out, rounds, from);
    }

    /** The twin of the gates {@code [jForm >= t]} (null where the net counts gate by gate). */
    private static LadderTwin jLadder(Net net, LinearForm jForm) {
        int n = jForm.size();
        int[] lits = new int[n];
        long[] w = new long[n];
        for (int i = 0; i < n; i++) { lits[i] = jForm.lit(i); w[i] = jForm.weight(i); }
        return LadderTwin.of(net, lits, w, n);
    }

    private static int bitLength(long v) { return 64 - Long.numberOfLeadingZeros(v); }
}
