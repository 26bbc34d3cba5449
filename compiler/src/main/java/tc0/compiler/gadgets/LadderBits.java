package tc0.compiler.gadgets;

import tc0.circuits.IntList;
import tc0.circuits.Literal;
import tc0.circuits.LongList;

/**
 * A block ladder's bits counted from its {@link LadderTwin}'s normal form, on a net that keeps every gate
 * ({@link TwinNet#keepsEveryGate}): no literal per ladder gate. Bit t is {@code sum_m ±[V >= m 2^t] >= 1} (plus at odd
 * m, minus at even), and the ladder's gates are TRUE below {@code lo}, FALSE above {@code hi} and distinct gates of one
 * fan-in on one level between (the twin's normal form); so the bit's gate is, as {@link CountingNet} folds it, a
 * constant, one ladder gate itself, or a gate over the odd and even multiples of {@code 2^t} in {@code lo .. hi}.
 * The ladder gates made are those some asked bit reads, the multiples of {@code 2^t} for the lowest t asked (a bit's
 * gates include every higher one's): counted in bulk when a lower bit is asked. A block split's ladders hold some
 * {@code H 2^b} gates each (log at p = 256: about 15,000 blocks of 8 x 10^4), one node and one memo entry each before.
 */
final class LadderBits {
    /** Ladders counted here so far (tests read it to see it at work). */
    static long made;

    private final TwinNet net;
    private final LadderTwin twin;
    private final long lo, hi, max; // gates at v in lo .. hi (after the ladder's constant), bits over v in 1 .. max
    private int lowest = Long.SIZE; // the lowest bit asked: the gates at its multiples are counted
    // A bit that is one ladder gate: that gate's v and literal (at most one per bit asked, so a few; no boxed map per ladder).
    private LongList singleV;
    private IntList singleLit;

    private LadderBits(TwinNet net, LadderTwin twin, long lo, long hi, long max) {
        this.net = net;
        this.twin = twin;
        this.lo = lo;
        this.hi = hi;
        this.max = max;
        made++;
    }

    /** The bits of {@code V = constant + sum}, {@code [V >= v] = twin.atLeast(v - constant)}; null where not modelled. */
    static LadderBits of(Net net, LadderTwin twin, long constant, long max) {
        if (twin == null || twin.size() < 2 || !(net instanceof TwinNet t) || !t.keepsEveryGate()) return null;
        long lo = Math.max(1, Math.addExact(twin.firstGate(), constant)), hi = Math.min(max, Math.addExact(twin.lastGate(), constant));
        return new LadderBits(t, twin, lo, hi, max);
    }

    /** Bit t of V, as {@code WideSum.Ladder.bit} makes it gate by gate; each t asked once (the ladder memoises it). */
    int bit(int t) {
        if (t < lowest) { // the gates at the multiples of 2^t not counted yet
            long more = multiples(lo, hi, t) - (lowest < Long.SIZE ? multiples(lo, hi, lowest) : 0);
            net.counted(more, twin.size(), twin.gateLevel());
            lowest = t;
        }
        long top = (max >>> t) << t; // the bit's terms: m 2^t for m = 1 .. max >> t
        long threshold = 1 - (odd(1, Math.min(lo - 1, top), t) - even(1, Math.min(lo - 1, top), t)); // TRUE terms folded
        long pos = odd(lo, Math.min(hi, top), t), neg = even(lo, Math.min(hi, top), t);
        if (-neg >= threshold) return Literal.TRUE;
        if (pos < threshold) return Literal.FALSE;
        if (pos + neg == 1) { // the one ladder gate in range itself
            long v = Math.ceilDiv(lo, 1L << t) << t;
            int lit = single(v); // counted above with the others
            return neg == 1 ? Literal.not(lit) : lit;
        }
        net.counted(1, pos + neg, twin.gateLevel() + 1);
        return net.freshAt(twin.gateLevel() + 1);
    }

    /** The literal of ladder gate v, made on first use (bits t and t' can be the same gate). */
    private int single(long v) {
        if (singleV == null) { singleV = new LongList(); singleLit = new IntList(); }
        for (int k = 0; k < singleV.size(); k++) if (singleV.get(k) == v) return singleLit.get(k);
        int lit = net.freshAt(twin.gateLevel());
        singleV.add(v);
        singleLit.add(lit);
        return lit;
    }

    /** The multiples of {@code 2^l} in {@code from .. to}. */
    private static long multiples(long from, long to, int l) {
        if (from > to || l >= Long.SIZE - 1) return 0;
        long a = Math.ceilDiv(from, 1L << l), b = to >> l;
        return Math.max(0, b - a + 1);
    }

    /** The odd multiples {@code k 2^l} (k odd) in {@code from .. to}. */
    static long odd(long from, long to, int l) {
        if (from > to) return 0;
        long a = Math.ceilDiv(from, 1L << l), b = to >> l;
        return a > b ? 0 : (b + 1) / 2 - a / 2;
    }

    /** The even multiples {@code k 2^l} (k even, k >= 1) in {@code from .. to}. */
    static long even(long from, long to, int l) {
        if (from > to) return 0;
        long a = Math.ceilDiv(from, 1L << l), b = to >> l;
        return a > b ? 0 : b - a + 1 - ((b + 1) / 2 - a / 2);
    }
}
