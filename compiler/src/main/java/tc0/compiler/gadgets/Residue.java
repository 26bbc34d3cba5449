package tc0.compiler.gadgets;

import java.util.Arrays;
import tc0.circuits.Literal;

/**
 * A linear form's residue modulo a small modulus q, one-hot: {@link #is(int) is(a)} = {@code [S mod q = a]}.
 * The weights are reduced modulo q first, so {@code S <= terms q}; then
 * <ol>
 *   <li>S as a binary word by {@link WeightedSum#exact} (depth {@code 2k + 2}, whatever the number of terms);
 *       for a power-of-two q only its low {@code log2 q} bits, which are the residue;</li>
 *   <li>{@code S' = sum_t S_t (2^t mod q)}, which is S modulo q but at most {@code bits(S) q}: a ladder
 *       {@code [S' >= v]}, one gate per v (depth 1);</li>
 *   <li>{@code [S mod q = a] = [sum_(v = a mod q) ([S' >= v] - [S' >= v + 1]) >= 1]} (depth 1).</li>
 * </ol>
 * Gates are made when first asked for ({@link #is}), so a residue nobody reads costs nothing and none is
 * left dead. On a {@link TwinNet} the ladder and the one-hots are counted in closed form where every one-hot
 * is a gate of two or more terms ({@link ResidueTwin}). Depth {@code 2k + 4}. Sizes: the weighted sum of the terms, {@code bits(S) q} ladder gates of
 * fan-in {@code bits(S)}, q gates of fan-in about {@code 2 bits(S)}.
 */
public final class Residue {
    private final Net net;
    private final int q;
    private final int[] word; // S's bits (or its low log2 q bits for a power-of-two q)
    private final long[] wordWeight; // 2^t mod q
    private final long smax;
    private final int[] ladder; // [S' >= v] at v - 1, made on demand (-1: not yet)
    private int[] oneHot; // made when first asked: a bulk count asks few
    private final ResidueTwin twin; // non-null: the ladder and the one-hots counted in closed form

    private Residue(Net net, int q, int[] word) {
        this.net = net;
        this.q = q;
        this.word = word;
        this.wordWeight = new long[word.length];
        long s = 0;
        for (int t = 0; t < word.length; t++) {
            // Two's complement: the top bit weighs -2^(w-1); S >= 0, so it is 0, but it is a literal all the same.
            long w = t == word.length - 1 && !powerOfTwo(q) ? Math.floorMod(-pow2(t, q), q) : pow2(t, q);
            wordWeight[t] = w;
            if (!Literal.isConstant(word[t]) || word[t] == Literal.TRUE) s += w;
        }
        this.smax = s;
        this.twin = net instanceof TwinNet t && t.twins() ? ResidueTwin.of(t, q, word, wordWeight, smax) : null;
        this.ladder = twin != null ? null : new int[Math.toIntExact(smax)];
        if (ladder != null) Arrays.fill(ladder, -1);
    }

    /** The residue of {@code form} modulo {@code q >= 2}. */
    public static Residue of(Net net, LinearForm form, int q, int rounds) {
        if (q < 2) throw new IllegalArgumentException("modulus " + q);
        LinearForm r = new LinearForm();
        for (int i = 0; i < form.size(); i++) r.add(form.lit(i), Math.floorMod(form.weight(i), q));
        r.addConstant(Math.floorMod(form.constant(), q));
        int[] word;
        if (r.size() == 0) word = constantWord(r.constant());
        else if (powerOfTwo(q)) word = WeightedSum.build(net, r, 0, Integer.numberOfTrailingZeros(q), false, rounds);
        else word = WeightedSum.exact(net, r, rounds);
        return new Residue(net, q, word);
    }

    /** The residue of an unsigned word (bit j weighs 2^j) plus a constant. */
    public static Residue ofUnsigned(Net net, int[] x, long constant, int q, int rounds) {
        LinearForm f = new LinearForm();
        for (int j = 0; j < x.length; j++) f.add(x[j], pow2(j, q));
        return of(net, f.addConstant(Math.floorMod(constant, q)), q, rounds);
    }

    public int modulus() { return q; }

    /** Whether the residue is a constant (every bit of its word is): then {@link #is} makes no gate. */
    boolean isConstant() {
        for (int lit : word) if (!Literal.isConstant(lit)) return false;
        return true;
    }

    /** Whether every one-hot literal asked for is a distinct gate of its own (counted by a twin, a fresh literal). */
    boolean distinctOneHots() { return twin != null; }

    /** The one-hots as one family ({@link OneHotBulk}) where the net counts them so; else null. */
    OneHotBulk bulk() {
        if (twin == null || !((TwinNet) net).bulkOneHots()) return null;
        return new OneHotBulk() {
            @Override public int level() { return twin.oneHotLevel(); }
            @Override public void count(int a) { twin.count(a); }
            @Override public void countRange(int from, int to) { twin.countRange(from, to); }
            @Override public int literal(int a) { return is(a); }
        };
    }

    /** {@code [S mod q = a]}. */
    public int is(int a) {
        if (oneHot == null) {
            oneHot = new int[q];
            Arrays.fill(oneHot, -1);
        }
        if (oneHot[a] >= 0) return oneHot[a];
        if (twin != null) return oneHot[a] = twin.is(a);
        int n = (int) (smax / q + 2) * 2;
        int[] lits = new int[n];
        long[] w = new long[n];
        int k = 0;
        for (long v = a; v <= smax; v += q) {
            lits[k] = atLeast(v);
            w[k++] = 1;
            lits[k] = atLeast(v + 1);
            w[k++] = -1;
        }
        oneHot[a] = k == 0 ? Literal.FALSE : net.gate(lits, w, k, 1);
        return oneHot[a];
    }

    private int atLeast(long v) {
        if (v <= 0) return Literal.TRUE;
        if (v > smax) return Literal.FALSE;
        int i = (int) v - 1;
        if (ladder[i] < 0) ladder[i] = net.gate(word, wordWeight, word.length, v);
        return ladder[i];
    }

    /** {@code 2^t mod q}. */
    static long pow2(int t, long q) {
        if (t < 0 || q >= 1L << 31) return java.math.BigInteger.TWO.modPow(java.math.BigInteger.valueOf(t), java.math.BigInteger.valueOf(q)).longValueExact();
        long r = 1 % q, b = 2 % q; // square and multiply: every product below q^2 < 2^62
        for (int e = t; e > 0; e >>= 1) {
            if ((e & 1) != 0) r = r * b % q;
            b = b * b % q;
        }
        return r;
    }

    private static boolean powerOfTwo(int q) { return Integer.bitCount(q) == 1; }

    private static int[] constantWord(long c) {
        int[] w = new int[64 - Long.numberOfLeadingZeros(c) + 1];
        for (int t = 0; t < w.length; t++) w[t] = (c >>> t & 1) != 0 ? Literal.TRUE : Literal.FALSE;
        return w;
    }
}
