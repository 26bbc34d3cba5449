package tc0.compiler.gadgets;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import tc0.circuits.Literal;

/**
 * The terms of a series modulo a prime q read from one one-hot value z: term i is the table
 * {@code a -> c a^i mod q}, each of its bits an OR of {@code [z = a]} ({@link OneHotOrs}). Built gate by gate
 * (the table computed entry by entry, a^i advanced once per i), or, on a {@link TwinNet} where z's one-hot
 * literals are distinct variables on one level, counted in closed form: the fan-in of bit t is the table's
 * popcount in bit t, and since {@code a -> a^i} maps {@code Z_q^*} onto the subgroup {@code H} of d-th powers,
 * {@code d = gcd(i, q - 1)}, each element d times, the table is d copies of the coset {@code c H}. So the
 * popcounts are d times those of the coset, which depend only on q, d and the coset (told by
 * {@code log_g c mod d}): in closed form where the coset is the whole group (d = 1: the bits of 1 .. q - 1) or
 * one element (d = q - 1), else read off one walk of the group in discrete-log order ({@link PrimeCosets}) and kept
 * for this prime's later terms, not once per term (a division at p = 64 asks some 25,000 tables of up to 3,000
 * entries). The cache lives with one prime's series (or the square root's two): a cache shared by every build grew
 * without bound (some 10^5 cosets at p = 512).
 */
final class OneHotPowers {

    /** Tables whose popcounts came from a coset (tests read it to see the closed form at work). */
    static long closed;

    private final Net net;
    private final IntUnaryOperator hot;
    private final int q, bits;
    private final boolean distinct;
    private final OneHotBulk bulk; // non-null: z's one-hots counted as a family, no literal each
    private long[] power; // the gate-by-gate path: a^at mod q (made when first needed: q longs)
    private final PrimeCosets cosets; // this prime's coset popcounts (shared by the series of one prime)
    private int at;
    private int[] lits; // the closed path: hot(a), asked once
    private int level = -1; // their one level; -2: not one level (then entry by entry)
    private boolean allRead;
    private static final int UNASKED = -1, NOT_CONSTANT = -2;
    private int constantAt = UNASKED;

    /** The terms of z (one-hot {@code hot(a)}, a = 1 .. q - 1) modulo the prime q; {@code distinct} as {@link OneHotOrs#of}. */
    OneHotPowers(Net net, IntUnaryOperator hot, int q, boolean distinct) {
        this(net, hot, null, q, distinct);
    }

    /** As above, z's one-hots counted as the family {@code bulk} where it is not null. */
    OneHotPowers(Net net, IntUnaryOperator hot, OneHotBulk bulk, int q, boolean distinct) {
        this(net, hot, bulk, q, distinct, new PrimeCosets(q));
    }

    /** As above, the cosets' popcounts shared with the other series of this prime. */
    OneHotPowers(Net net, IntUnaryOperator hot, OneHotBulk bulk, int q, boolean distinct, PrimeCosets cosets) {
        if (cosets.prime() != q) throw new IllegalArgumentException("cosets of " + cosets.prime() + " for q = " + q);
        this.cosets = cosets;
        this.net = net;
        this.hot = hot;
        this.bulk = bulk;
        this.q = q;
        this.bits = 32 - Integer.numberOfLeadingZeros(q - 1);
        this.distinct = distinct;
    }

    /** Bits of the table {@code a -> c a^i mod q}, every one of them made; terms asked in increasing i. */
    int[] term(int i, long c) { return term(i, c, false); }

    /**
     * Adds term i's bits to {@code sum}, bit t weighing {@code 2^t}: where counted in closed form on a net that keeps
     * every gate, as {@link LevelLiteral}s (no node each), since the sum is all that reads them.
     */
    void addTo(LinearForm sum, int i, long c) {
        int[] ors = term(i, c, true);
        for (int t = 0; t < bits; t++) sum.add(ors[t], 1L << t);
    }

    private int[] term(int i, long c, boolean levelOnly) {
        long need = (1L << bits) - 1;
        if (net instanceof TwinNet t && t.twins() && c % q != 0) {
            if (distinct) {
                int[] out = closedTerm(t, i, Math.floorMod(c, q), need, levelOnly && LevelLiteral.mayHold(t));
                if (out != null) return out;
            } else if (constantAt() != NOT_CONSTANT) return constantTerm(i, Math.floorMod(c, q));
        }
        return OneHotOrs.of(net, hot, bulk, q, table(i, c), need, distinct);
    }

    /**
     * Where every {@code hot(a)} is a constant (z itself constant: a layer norm's division by its constant width), the
     * a whose literal is TRUE (0 where none is); else NOT_CONSTANT. Asked on a counting net only (the order the
     * literals are asked in does not matter there).
     */
    private int constantAt() {
        if (constantAt == UNASKED) {
            constantAt = 0;
            for (int a = 1; a < q && constantAt != NOT_CONSTANT; a++) {
                int lit = hot.applyAsInt(a);
                if (lit == Literal.TRUE) constantAt = constantAt == 0 ? a : NOT_CONSTANT;
                else if (lit != Literal.FALSE) constantAt = NOT_CONSTANT;
            }
        }
        return constantAt;
    }

    /** The term's bits where z is the constant {@link #constantAt}: the ORs fold to the bits of {@code c z^i mod q}. */
    private int[] constantTerm(int i, long c) {
        long v = constantAt == 0 ? 0 : c * modPow(constantAt, i, q) % q;
        int[] out = new int[bits];
        for (int b = 0; b < bits; b++) out[b] = (v >>> b & 1) != 0 ? Literal.TRUE : Literal.FALSE;
        return out;
    }

    /** The table entry by entry (a^i advanced from the last term asked, in longs: q < 2^31). */
    private long[] table(int i, long c) {
        if (i < at) throw new IllegalStateException("terms asked out of order: " + i + " after " + at);
        if (power == null) {
            power = new long[q];
            Arrays.fill(power, 1);
        }
        for (; at < i; at++) for (int a = 1; a < q; a++) power[a] = power[a] * a % q;
        long cq = Math.floorMod(c, q);
        long[] term = new long[q];
        for (int a = 1; a < q; a++) term[a] = power[a] * cq % q;
        return term;
    }

    /** The term counted from its coset's popcounts, or null where a bit is one literal (then entry by entry); its bits level literals where {@code levelOnly}. */
    private int[] closedTerm(TwinNet t, int i, long c, long need, boolean levelOnly) {
        if (level == -1 && bulk != null) level = bulk.level(); // members counted below, where a live bit reads them
        if (level == -1) {
            lits = new int[q];
            for (int a = 1; a < q; a++) {
                lits[a] = hot.applyAsInt(a);
                int lv = t.level(lits[a]);
                level = a == 1 ? lv : level == lv ? lv : -2;
            }
        }
        if (level < 0) return null;
        long[] count = popcounts(i, c);
        for (long n : count) if (n == 1) return null; // a bit that is one hot(a) itself: which a is found entry by entry
        int[] out = new int[bits];
        long live = 0, some = 0; // the bits that are live gates; those that are gates
        for (int b = 0; b < bits; b++) {
            if (count[b] == 0) { out[b] = Literal.FALSE; continue; }
            some |= 1L << b;
            out[b] = levelOnly ? LevelLiteral.of(level + 1) : t.outputAt(level + 1);
            if (!levelOnly && !t.alive(out[b])) continue; // a level literal: on a net that keeps every gate, live
            t.counted(1, count[b], level + 1);
            live |= 1L << b;
        }
        closed++;
        if (bulk != null) { // a family: its members counted where a live bit reads them, no read to report
            if (allRead) return out; // every member 1 .. q - 1 counted by an earlier term: count(a) is once, not O(q) a term
            if (live == some) { // every a has some bit (c a^i is not 0), each a gate
                bulk.countRange(1, q - 1); // in closed form where the family can (ResidueTwin.countRange)
                allRead = true;
            } else if (live != 0) {
                long[] term = table(i, c);
                for (int a = 1; a < q; a++) if ((term[a] & live) != 0) bulk.count(a);
            }
            return out;
        }
        if (live == need) { // every a has some bit (c a^i is not 0): each hot(a) is read
            if (!allRead) for (int a = 1; a < q; a++) t.reads(lits[a], 1);
            allRead = true;
        } else if (live != 0) {
            long[] term = table(i, c);
            for (int a = 1; a < q; a++) if ((term[a] & live) != 0) t.reads(lits[a], Long.bitCount(term[a] & live));
        }
        return out;
    }

    /** Bit t's popcount over {@code a = 1 .. q - 1} of {@code c a^i mod q} (c not 0 modulo q), cosets cached for this prime. */
    private long[] popcounts(int i, long c) {
        int d = gcd(i, q - 1);
        return times(d, cosets.coset(d, c));
    }

    /** The same, alone (tests): nothing shared. */
    static long[] popcounts(int q, int i, long c) {
        int d = gcd(i, q - 1);
        return times(d, new PrimeCosets(q).coset(d, c));
    }

    private static long[] times(int d, long[] once) {
        long[] out = new long[once.length];
        for (int b = 0; b < out.length; b++) out[b] = d * once[b];
        return out;
    }

    /** How many of {@code 0 .. n - 1} have bit b set: full periods of {@code 2^(b+1)}, then the rest past {@code 2^b}. */
    static long onesBelow(long n, int b) {
        long period = 1L << (b + 1), half = 1L << b;
        return n / period * half + Math.max(0, n % period - half);
    }

    private static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    private static long modPow(long base, long e, long q) {
        long r = 1 % q, b = Math.floorMod(base, q);
        for (; e > 0; e >>= 1) {
            if ((e & 1) != 0) r = r * b % q;
            b = b * b % q;
        }
        return r;
    }
}
