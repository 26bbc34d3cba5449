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
    // Counted one by one (made when first needed: a count holds thousands of residues of primes up to 10^6) ...
    private java.util.BitSet classSingles, oneHotSingles;
    // ... or as one range ({@link #countRange}): members rangeFrom .. rangeTo, ladder classes classFrom .. classTo and 0 where zeroClass.
    private int rangeFrom = 1, rangeTo = 0, classFrom = 1, classTo = 0;
    private boolean zeroClass;
    private long[] breaks; // where fanIn(a) may change, 0 .. q (made when first needed)
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
        return twin.minFanIn() < 2 ? null : twin;
    }

    /** A twin with these ladder bounds over {@code size} fresh terms (tests: the closed forms against the walks). */
    static ResidueTwin forTest(TwinNet net, int q, long lo, long hi, long smax, int size) {
        int[] lits = new int[size];
        for (int i = 0; i < size; i++) lits[i] = net.freshAt(0);
        return new ResidueTwin(net, q, lo, hi, smax, lits, 0);
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
        if (memberCounted(a)) return;
        if (oneHotSingles == null) oneHotSingles = new java.util.BitSet();
        oneHotSingles.set(a);
        countClass(a);
        countClass((a + 1) % q);
        net.counted(1, fanIn(a), level + 2);
    }

    private boolean memberCounted(int a) {
        return rangeFrom <= a && a <= rangeTo || oneHotSingles != null && oneHotSingles.get(a);
    }

    private boolean classCounted(int c) {
        return classFrom <= c && c <= classTo || c == 0 && zeroClass || classSingles != null && classSingles.get(c);
    }

    /**
     * One-hots {@code from .. to} counted, as {@link #count} for each in turn would count them, in closed form: their
     * fan-ins summed over the stretches of a where fanIn(a) is one value ({@link #breaks}), the ladder classes they read
     * ({@code from .. to + 1} modulo q) as counts of v in residue classes, less what single counts counted before. A
     * second range not inside the first is counted one by one.
     */
    void countRange(int from, int to) {
        if (from > to) return;
        if (rangeFrom <= from && to <= rangeTo) return;
        if (rangeFrom <= rangeTo) { // a second range: rare, one by one
            for (int a = from; a <= to; a++) count(a);
            return;
        }
        long[] b = breaks();
        long[] members = new long[b.length]; // members of from .. to in stretch k, less those counted singly
        for (int k = 0; k + 1 < b.length; k++) members[k] = Math.max(0, Math.min(b[k + 1] - 1, to) - Math.max(b[k], from) + 1);
        if (oneHotSingles != null) {
            for (int a = oneHotSingles.nextSetBit(from); a >= 0 && a <= to; a = oneHotSingles.nextSetBit(a + 1)) {
                int k = java.util.Arrays.binarySearch(b, a);
                members[k >= 0 ? k : -k - 2]--;
            }
        }
        int cTo = Math.min(to + 1, q - 1);
        boolean zero = to == q - 1 && !(from <= 0); // class 0 read by member q - 1, apart from [from, cTo]
        long ladder = ladderGates(from, cTo) + (zero ? ladderGates(0, 0) : 0);
        if (classSingles != null) {
            for (int c = classSingles.nextSetBit(0); c >= 0; c = classSingles.nextSetBit(c + 1)) {
                if (from <= c && c <= cTo || c == 0 && zero) ladder -= ladderGates(c, c);
            }
        }
        rangeFrom = from;
        rangeTo = to;
        classFrom = from;
        classTo = cTo;
        zeroClass = zero;
        countLadder(ladder);
        for (int k = 0; k + 1 < b.length; k++) if (members[k] > 0) net.counted(members[k], fanIn((int) b[k]), level + 2);
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
        if (classCounted(c)) return;
        if (classSingles == null) classSingles = new java.util.BitSet();
        classSingles.set(c);
        countLadder(inRange(c, Long.MAX_VALUE / 4, lo, hi));
    }

    private void countLadder(long n) {
        if (n == 0) return;
        net.counted(n, size, level + 1);
        if (termsRead) return;
        termsRead = true; // a net needs only whether a term is read (the first class counted reads each): not q passes over them
        for (int lit : termLits) net.reads(lit, n);
    }

    /** The ladder gates of classes {@code c1 .. c2}: the v in {@code lo .. hi} (all positive) with {@code v mod q} there. */
    long ladderGates(int c1, int c2) {
        if (c1 > c2 || hi < lo) return 0;
        return upTo(hi, c1, c2) - upTo(lo - 1, c1, c2);
    }

    /** The v in {@code 0 .. x} with {@code v mod q} in {@code c1 .. c2}. */
    private long upTo(long x, int c1, int c2) {
        if (x < 0) return 0;
        long n = x + 1;
        return n / q * (c2 - c1 + 1) + Math.max(0, Math.min(n % q, c2 + 1) - c1);
    }

    /**
     * The a in {@code 0 .. q} where fanIn(a) may change, sorted: fanIn is made of counts of v = a mod q in ranges
     * {@code [L, R]} (clipped to {@code 0 .. smax}), each one value for a between {@code L mod q} and {@code (R + 1) mod q}.
     */
    private long[] breaks() {
        if (breaks != null) return breaks;
        long[] ends = {hi, hi - 1, lo - 1, lo - 2}; // the ranges' upper ends; their lower: lo, lo - 1 and 0
        long[] at = new long[9];
        at[0] = 0;
        at[1] = q;
        at[2] = Math.floorMod(Math.max(lo, 0), q);
        at[3] = Math.floorMod(Math.max(lo - 1, 0), q);
        for (int k = 0; k < ends.length; k++) at[4 + k] = Math.floorMod(Math.max(Math.min(ends[k], smax) + 1, 0), q);
        at[8] = Math.min(smax + 1, q); // no term past smax
        return breaks = java.util.Arrays.stream(at).sorted().distinct().toArray();
    }

    /** The least fan-in of a one-hot {@code 0 .. q - 1}, one fanIn per stretch of {@link #breaks}. */
    long minFanIn() {
        long[] b = breaks();
        long min = Long.MAX_VALUE;
        for (int k = 0; k + 1 < b.length; k++) min = Math.min(min, fanIn((int) b[k]));
        return min;
    }

    /** The fan-ins of one-hots {@code from .. to} summed, one fanIn per stretch of {@link #breaks}. */
    long sumFanIn(int from, int to) {
        long[] b = breaks();
        long sum = 0;
        for (int k = 0; k + 1 < b.length; k++) {
            long s = Math.max(b[k], from), e = Math.min(b[k + 1] - 1, to);
            if (s <= e) sum += (e - s + 1) * fanIn((int) b[k]);
        }
        return sum;
    }

    /** fanIn(a) one a at a time (tests). */
    long fanInAt(int a) { return fanIn(a); }
}
