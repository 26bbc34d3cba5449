package tc0.compiler.gadgets;

import tc0.circuits.GateTerms;
import tc0.circuits.Literal;

/**
 * The counting twin of a {@link Residue}'s ladder {@code [S' >= v]} and one-hots {@code [S mod q = a]}: every
 * ladder gate has the same terms (the word's bits, normalised once as the builder normalises them: constants and
 * negations folded into the threshold, repeated nodes merged), so {@code [S' >= v]} is TRUE for v up to some
 * {@code lo - 1}, a gate of fan-in {@code size} on level {@code 1 + } the terms' highest for v in {@code lo .. hi},
 * and FALSE past hi. One-hot a reads the ladder at {@code v = a, a + q, ...} (plus) and {@code v + 1} (minus):
 * its real terms and its threshold, less the TRUE ones, are counts of v in a residue class, O(1) each.
 * Modelled where every one-hot {@code a = 0 .. q - 1} is a gate of at least two terms (checked when made; else
 * the residue is built gate by gate): then one-hot a, made when first asked, is a {@link TwinNet#outputAt} literal
 * on the level above the ladder, counted where it is live, and the ladder gates of classes a and a + 1 (those it
 * reads) are counted when a live one-hot first reads them: what the builder keeps of gates it makes on demand.
 */
final class ResidueTwin {
    private final TwinNet net;
    private final int q, size, level;
    private final long lo, hi, smax;
    private final int[] termLits; // the ladder's terms, plain literals of distinct nodes
    private final java.util.BitSet classCounted; // a bit per class: a count holds thousands of residues of primes up to 10^5
    private final java.util.BitSet oneHotCounted;
    private boolean termsRead;

    private ResidueTwin(TwinNet net, int q, long lo, long hi, long smax, int[] termLits, int level) {
        this.net = net;
        this.q = q;
        this.lo = lo;
        this.hi = hi;
        this.smax = smax;
        this.termLits = termLits;
        this.size = termLits.length;
        this.level = level;
        this.classCounted = new java.util.BitSet(q);
        this.oneHotCounted = new java.util.BitSet(q);
    }

    /** The twin of the residue over this word, or null where some one-hot would fold (built gate by gate then). */
    static ResidueTwin of(TwinNet net, int q, int[] word, long[] wordWeight, long smax) {
        GateTerms terms = new GateTerms();
        long t0 = terms.load(word, wordWeight, word.length, 0, Long.MAX_VALUE); // [S' >= v] is [terms >= v + t0]
        int size = terms.size();
        if (size < 2 || smax < q - 1) return null;
        long minSum = 0, maxSum = 0;
        int[] lits = new int[size];
        int level = 0;
        for (int i = 0; i < size; i++) {
            long w = terms.weights()[i];
            if (w > 0) maxSum = Math.addExact(maxSum, w); else minSum = Math.addExact(minSum, w);
            lits[i] = Literal.of(terms.nodes()[i], false);
            level = Math.max(level, net.level(lits[i]));
        }
        long lo = Math.max(1, minSum - t0 + 1), hi = Math.min(smax, maxSum - t0);
        ResidueTwin twin = new ResidueTwin(net, q, lo, hi, smax, lits, level);
        for (int a = 0; a < q; a++) if (twin.fanIn(a) < 2) return null;
        return twin;
    }

    /** One-hot a: counted now where live (with the ladder classes it reads, where not yet counted). */
    int is(int a) {
        int out = net.outputAt(level + 2);
        if (!net.alive(out)) return out; // nothing reads it: neither it nor the ladder it alone reads is kept
        count(a);
        return out;
    }

    /** The one-hots' level. */
    int oneHotLevel() { return level + 2; }

    /** One-hot a counted, with the ladder classes it reads, unless it was. */
    void count(int a) {
        if (oneHotCounted.get(a)) return;
        oneHotCounted.set(a);
        countClass(a);
        countClass((a + 1) % q);
        net.counted(1, fanIn(a), level + 2);
    }

    /**
     * The number of real terms of one-hot a, or 0 where it folds to a constant, 1 where to one ladder literal:
     * plus {@code [S' >= v]} and minus {@code [S' >= v + 1]} for {@code v = a, a + q, ... <= smax}.
     */
    private long fanIn(int a) {
        if (a > smax) return 0; // no term: FALSE
        long top = a + (smax - a) / q * q; // the last v
        long pos = inRange(a, top, lo, hi), neg = inRange(a, top, lo - 1, hi - 1);
        long truePlus = inRange(a, top, Long.MIN_VALUE / 4, lo - 1), trueMinus = inRange(a, top, Long.MIN_VALUE / 4, lo - 2);
        long threshold = 1 - truePlus + trueMinus;
        if (-neg >= threshold || pos < threshold) return 0;
        return pos + neg;
    }

    /** The number of v in {@code a, a + q, ..., top} with {@code from <= v <= to}. */
    private long inRange(long a, long top, long from, long to) {
        long first = Math.max(a, from), last = Math.min(top, to);
        if (first > last) return 0;
        long k0 = Math.ceilDiv(first - a, q), k1 = Math.floorDiv(last - a, q);
        return Math.max(0, k1 - k0 + 1);
    }

    /** The ladder gates {@code [S' >= v]}, v = c mod q, the first time a one-hot reads them. */
    private void countClass(int c) {
        if (classCounted.get(c)) return;
        classCounted.set(c);
        long n = inRange(c, Long.MAX_VALUE / 4, lo, hi);
        if (n == 0) return;
        net.counted(n, size, level + 1);
        if (termsRead) return;
        termsRead = true; // a net needs only whether a term is read (the first class counted reads each): not q passes over them
        for (int lit : termLits) net.reads(lit, n);
    }
}
