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
            int cLow = basis.coefficientLowestSetBit(i); // c_i itself is not made: its bits are worked out when read (WideRuns)
            long maxF = (q - 1) * h / q, maxA = Math.ceilDiv((long) (q - 1) << T, q); // y h mod q reaches q - 1
            long yNeed = 0, fNeed = 0, aNeed = k == 1 ? 0 : (1L << bitLength(maxA)) - 1; // k = 1: j = 0, no gate reads the fractions
            for (int t = 0; t < bitLength(q - 1); t++) if ((long) cLow + t < bits) yNeed |= 1L << t;
            for (int t = 0; t < bitLength(maxF); t++) if (out.places(m, t)) fNeed |= 1L << t;
            final int prime = i;
            IntUnaryOperator hot = y -> residue.applyAsInt(prime, y);
            OneHotBulk bulk = residue instanceof PrimeMemo memo && net instanceof TwinNet t && t.twins() ? memo.bulk(i) : null;
            int[] yOr, fOr, aOr;
            if (bulk != null) { // the tables' bit counts in closed form (TablePopcounts), entries only where a bit is one member
                // Each table rises with y (a: with y h mod q), so its top bit, where one entry has it, is the largest's.
                int yLast = q - 1, aLast = (int) ((q - 1) * modInverse(h, q) % q); // y h = q - 1 mod q
                yOr = OneHotOrs.family(net, bulk, q, TablePopcounts.identity(q, bitLength(q - 1)), yNeed,
                        yNeed == (1L << bitLength(q - 1)) - 1 ? 1 : -1, yLast, () -> yTable(q));
                fOr = OneHotOrs.family(net, bulk, q, TablePopcounts.floors(q, h, bitLength(maxF)), fNeed,
                        fNeed == (1L << bitLength(maxF)) - 1 ? (int) Math.ceilDiv(q, h) : -1, yLast, () -> fTable(q, h));
                aOr = OneHotOrs.family(net, bulk, q, TablePopcounts.fractions(q, T, bitLength(maxA)), aNeed, 1, aLast, () -> aTable(q, h, T));
            } else {
                long[] yOf = yTable(q), fOf = fTable(q, h), aOf = aTable(q, h, T);
                boolean distinct = false;
                if (net instanceof TwinNet t && t.twins()) { // the one-hot literals first (any order counts alike), to see them distinct
                    int[] lits = new int[q];
                    java.util.Arrays.fill(lits, -1);
                    for (int y = 1; y < q; y++) if ((yOf[y] & yNeed | fOf[y] & fNeed | aOf[y] & aNeed) != 0) lits[y] = hot.applyAsInt(y);
                    distinct = OneHotOrs.distinct(lits);
                }
                yOr = OneHotOrs.of(net, hot, q, yOf, yNeed, distinct);
                fOr = OneHotOrs.of(net, hot, q, fOf, fNeed, distinct);
                aOr = OneHotOrs.of(net, hot, q, aOf, aNeed, distinct);
            }
            // Each word's bits as one run (placed as adding them bit by bit would; counted by heights: WideRuns).
            out.addRun(yOr, cLow, () -> basis.coefficientWords(prime, bits));
            out.addRun(fOr, minusM);
            for (int t = 0; t < aOr.length; t++) jForm.add(aOr[t], 1L << t);
        }
        LadderTwin jTwin = k > 1 ? jLadder(net, jForm) : null; // on a twin net: one normal form for every j
        long jMax = jForm.max(); // once: asked per j it was k^2 T steps (4.6 x 10^9 for a division at p = 512)
        for (int j = 1; j < k; j++) {
            if (!out.places(m)) break;
            long t = (long) j << T;
            int geq = jMax < t ? Literal.FALSE : jTwin != null ? jTwin.atLeast(t - jForm.constant()) : jForm.atLeast(net, t);
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

    private static long modInverse(long h, long q) {
        return java.math.BigInteger.valueOf(h).modInverse(java.math.BigInteger.valueOf(q)).longValueExact();
    }

    private static long[] yTable(int q) {
        long[] t = new long[q];
        for (int y = 1; y < q; y++) t[y] = y;
        return t;
    }

    /** {@code F_y = floor(y h / q)}. */
    private static long[] fTable(int q, long h) {
        long[] t = new long[q];
        for (int y = 1; y < q; y++) t[y] = y * h / q;
        return t;
    }

    /** {@code a_y = ceil(f_y 2^T)}, {@code f_y = (y h mod q) / q}. */
    private static long[] aTable(int q, long h, int T) {
        long[] t = new long[q];
        for (int y = 1; y < q; y++) t[y] = Math.ceilDiv((y * h % q) << T, q);
        return t;
    }

    private static int bitLength(long v) { return 64 - Long.numberOfLeadingZeros(v); }
}
