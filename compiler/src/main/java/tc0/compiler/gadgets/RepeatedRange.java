package tc0.compiler.gadgets;

import java.math.BigInteger;

/**
 * {@link RepeatedSum#at} for a run of counts in one call, summed: the rows of a family (a causal {@code P @ V}'s
 * rows, one count each) add their gates per level and wires into exact totals, and their output bits are told once
 * per stretch of rows with equal bits. Per count no {@link ClosedSum}, no {@link StepCount} and no caller's profile
 * or output class: one scratch count is reset and filled by the sweep ({@link RepeatedSweep#fill}), which already
 * holds round one's columns in pieces and the last round while its signature stands; its gates are added to the
 * totals and its bits compared with the stretch's.
 *
 * <p>Why not closed over the counts: the final stage follows the constant's low bits, and where the terms are signed
 * the constant moves with the count (by the negative weights each pair adds), so its comparators differ from count
 * to count; the stage is a walk over the columns (tens), cheap beside what each row cost around it.
 *
 * <p>Totals as {@link SumForm}-free figures, the same a caller's {@code SumForm.profile(at(c))} added row by row
 * gives: gates on levels {@code >= 1}, and the wires of the rows with such a gate. Exact past a long (two limbs per
 * figure). Not thread-safe: one per family and thread.
 */
public final class RepeatedRange {
    private static final long LOW = Long.MAX_VALUE;
    private final RepeatedSum rs;
    private final StepCount k;
    /** Per level {@code hi * 2^63 + lo}, and the wires likewise, plus wires past a long per row. */
    private long[] lo = new long[8], hi = new long[8];
    private long wiresLo, wiresHi;
    /** Wires past a long, summed; whether any row had some. */
    private final Acc128 past = new Acc128();
    private boolean pastAny;
    private boolean wide, lastGates;
    /** Where the last {@link #sum} stopped, and whether at an exception (a column past an int: the caller's pastInt). */
    private int stop;

    /** Told the rows {@code [from, to)} of the counts summed share the output bits of {@code sample}. */
    public interface Outputs {
        void stretch(int from, int to, ClosedSum sample);
    }

    public RepeatedRange(RepeatedSum rs) { this(rs, null); }

    /** A range sum that takes ranges from {@code memo} and keeps its own there ({@link RangeMemo}); null: none. */
    public RepeatedRange(RepeatedSum rs, RangeMemo memo) {
        this.rs = rs;
        this.k = new StepCount(rs.maxLevel + 8);
        this.memo = memo;
    }

    private final RangeMemo memo;
    /** The family's key for the memo, made on first use. */
    private FamilyKey key;
    private boolean keyMade;
    /** Whether nothing is summed since made or cleared (only then a range is taken from, or kept in, the memo). */
    private boolean fresh = true;
    /** Rows summed with the wide mark (the memo's difference of ranges needs the count, not the mark). */
    private long wideRows;

    /** The family summed. */
    RepeatedSum family() { return rs; }

    /**
     * Adds {@code at(counts[i])} for i = from, from + 1, ... into the totals, up to {@code to} or the first count
     * {@link RepeatedSum#at} gives null for, or a sum not {@link ClosedSum#modelled}: returns that index (to where
     * all were summed). The output bits of the rows summed go to {@code out} by stretches, in order. An
     * ArithmeticException (a count past what the sweep takes) passes after the rows before it are summed and told;
     * {@link #stopped} then says the row it came at.
     */
    public int sum(long[] counts, int from, int to, Outputs out) {
        boolean wasFresh = fresh;
        fresh = false;
        if (memo == null || !wasFresh || to - from < RangeMemo.MIN) return sweep(counts, from, to, out);
        if (!keyMade) { key = FamilyKey.of(rs); keyMade = true; }
        if (key == null) return sweep(counts, from, to, out);
        stop = from;
        boolean taken;
        try {
            taken = memo.take(this, rs, key, counts, from, to, out);
        } catch (ArithmeticException past) { // a count the families were compared at passed an int: swept instead
            clear();
            fresh = false;
            taken = false;
        }
        if (taken) { stop = to; return to; }
        java.util.List<int[]> at = new java.util.ArrayList<>();
        java.util.List<ClosedSum> samples = new java.util.ArrayList<>();
        int[] room = {RangeMemo.MAX_STRETCHES}; // a range whose bits change at most rows is not kept (no list of them)
        int end = sweep(counts, from, to, (a, b, sample) -> {
            if (room[0]-- > 0) { at.add(new int[] {a, b}); samples.add(sample); }
            out.stretch(a, b, sample);
        });
        if (end == to && room[0] >= 0) memo.keep(this, key, counts, from, to, wideRows, at, samples);
        return end;
    }

    /**
     * Ranges of at least this many counts are swept in two halves at once, the second on another thread with a sweep
     * and totals of its own, added after ({@code -Dtc0.count.rangeSplit=N}; 0: never). Tests set it low.
     */
    static int SPLIT_MIN = Integer.getInteger("tc0.count.rangeSplit", 1 << 16);
    private static final boolean CORES = Runtime.getRuntime().availableProcessors() > 1;
    /** The sweep this range counts with instead of the family's (the second half of a split range), else null. */
    private RepeatedSweep own;
    /** Set on a second half whose first half stopped early: it stops at its next check (its rows are not used). */
    private volatile boolean cancelled;

    /** {@link #sum} by the sweep, count by count; a long range in two halves at once ({@link RangeSplit}). */
    private int sweep(long[] counts, int from, int to, Outputs out) {
        if (own == null && SPLIT_MIN > 0 && CORES && to - from >= SPLIT_MIN && rs.sweepHere() != null) return RangeSplit.sweep(this, counts, from, to, out);
        return sweepRows(counts, from, to, out);
    }

    /** A range for the second half of a split: its own sweep, no memo. */
    RepeatedRange secondHalf() {
        RepeatedRange r = new RepeatedRange(rs);
        r.own = new RepeatedSweep(rs, rs.top);
        return r;
    }

    void cancel() { cancelled = true; }

    /** The sweep's figures of a second half into the family's (the trace). */
    void addSweepStats(RepeatedRange half) {
        RepeatedSweep mine = rs.sweepHere();
        if (mine == null || half.own == null) return;
        mine.reused += half.own.reused;
        mine.recomputed += half.own.recomputed;
        mine.walked += half.own.walked;
        mine.fromPiece += half.own.fromPiece;
    }

    /** The rows the other range summed (a later half of this one's counts) added to these totals, as if summed here. */
    void addTotals(RepeatedRange o, boolean anyRows) {
        if (o.lo.length > lo.length) { lo = java.util.Arrays.copyOf(lo, o.lo.length); hi = java.util.Arrays.copyOf(hi, o.lo.length); }
        for (int l = 0; l < o.lo.length; l++) {
            long s = lo[l] + o.lo[l];
            if (s < 0) { s &= LOW; hi[l]++; }
            lo[l] = s;
            hi[l] += o.hi[l];
        }
        long w = wiresLo + o.wiresLo;
        if (w < 0) { w &= LOW; wiresHi++; }
        wiresLo = w;
        wiresHi += o.wiresHi;
        if (o.pastAny) { past.add(o.past); pastAny = true; }
        wide |= o.wide;
        wideRows += o.wideRows;
        if (anyRows) lastGates = o.lastGates;
    }

    /** Where the last sweep stopped (set by {@link RangeSplit} after joining the halves). */
    void stoppedAt(int i) { stop = i; }

    /** {@link #sweep} of one range of counts on this thread. */
    int sweepRows(long[] counts, int from, int to, Outputs out) {
        int sFrom = from;
        ClosedSum sample = null;
        stop = from;
        try {
            RepeatedSweep sw = own != null ? own : rs.sweepHere();
            for (int i = from; i < to; i++) {
                stop = i;
                if ((i & 4095) == 0 && cancelled) return i;
                ClosedSum cs = null;
                long c = counts[i];
                long distinct = rs.distinctAt(c);
                if (distinct < 0) return i;
                long d = c - rs.c0;
                if (sw == null) { // the direct check, or another thread: row by row, the same figures
                    cs = rs.at(c);
                    if (cs == null || !cs.modelled()) return i;
                    add(cs.gatesPerLevel(), cs.wires(), cs.wiresPast(), null, cs.wide());
                } else {
                    k.reset();
                    if (!sw.fill(d, distinct, k) || !k.modelled) return i;
                    add(k.perLevel, k.wires, null, k.pastAny ? k.past : null, k.wide);
                }
                ClosedSum.Kind[] kind = cs != null ? cs.bitKind() : k.bitKind;
                int[] level = cs != null ? cs.bitLevel() : k.bitLevel;
                boolean[] neg = cs != null ? cs.bitNegated() : k.bitNegated;
                if (sample != null && sameBits(kind, level, neg, sample)) continue;
                if (sample != null) out.stretch(sFrom, i, sample);
                sFrom = i;
                // The stage's bit arrays are new per count; the level array is the scratch's: copied.
                sample = cs != null ? cs : new ClosedSum(k.perLevel.clone(), k.wires, kind, level, neg, k.modelled, k.wide, k.countExact, k.wiresPast());
            }
            stop = to;
            return to;
        } finally {
            if (sample != null) out.stretch(sFrom, stop, sample);
        }
    }

    /** Whether a row's output bits are the sample's: kinds, levels and polarities all (a class names all three). */
    static boolean sameBits(ClosedSum.Kind[] kind, int[] level, boolean[] neg, ClosedSum sample) {
        return java.util.Arrays.equals(kind, sample.bitKind()) && java.util.Arrays.equals(level, sample.bitLevel())
                && java.util.Arrays.equals(neg, sample.bitNegated());
    }

    /** The index the last {@link #sum} stopped at (the row of its exception, where it threw). */
    public int stopped() { return stop; }

    /** A row's figures into the totals; its wires past a long as {@code bigPast} or {@code pastWords} (null: none). */
    private void add(long[] perLevel, long wires, BigInteger bigPast, Acc128 pastWords, boolean wideRow) {
        boolean first = true; // SumForm.profile: the wires go with the first gate level, none without a gate
        for (int l = 1; l < perLevel.length; l++) {
            long g = perLevel[l];
            if (g == 0) continue;
            if (l >= lo.length) { lo = java.util.Arrays.copyOf(lo, Math.max(l + 1, 2 * lo.length)); hi = java.util.Arrays.copyOf(hi, lo.length); }
            long s = lo[l] + g;
            if (s < 0) { s &= LOW; hi[l]++; }
            lo[l] = s;
            if (first) {
                long w = wiresLo + wires;
                if (w < 0) { w &= LOW; wiresHi++; }
                wiresLo = w;
                if (bigPast != null) { past.add(bigPast); pastAny = true; }
                if (pastWords != null) { past.add(pastWords); pastAny = true; }
                first = false;
            }
        }
        lastGates = !first;
        wide |= wideRow;
        if (wideRow) wideRows++;
    }

    /** The totals set to these (from the memo): gates per level {@code gates[l]} (each under 2^126), wires, marks. */
    void load(BigInteger[] gates, BigInteger wiresTotal, boolean wideAny, boolean last) {
        clear();
        fresh = false;
        if (gates.length > lo.length) { lo = new long[gates.length]; hi = new long[gates.length]; }
        for (int l = 0; l < gates.length; l++) { hi[l] = limbHi(gates[l]); lo[l] = gates[l].longValue() & LOW; }
        wiresHi = limbHi(wiresTotal);
        wiresLo = wiresTotal.longValue() & LOW;
        wide = wideAny;
        lastGates = last;
    }

    private static long limbHi(BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 126) throw new IllegalStateException("a range's total out of range: " + v);
        return v.shiftRight(63).longValueExact();
    }

    /** Levels the totals may hold gates on (0 .. levels - 1). */
    public int levels() { return lo.length; }

    /** The summed rows' gates on level {@code l}, exactly. */
    public BigInteger gatesAt(int l) { return l < lo.length ? big(hi[l], lo[l]) : BigInteger.ZERO; }

    /** The summed rows' wires (of rows with a gate), exactly. */
    public BigInteger wires() {
        BigInteger w = big(wiresHi, wiresLo);
        return pastAny ? w.add(past.value()) : w;
    }

    /** Whether some row summed was wide ({@link ClosedSum#wide}). */
    public boolean wide() { return wide; }

    /** Whether the last row summed had a gate (on a level {@code >= 1}). */
    public boolean lastGates() { return lastGates; }

    /** Back to no rows summed. */
    public void clear() {
        java.util.Arrays.fill(lo, 0);
        java.util.Arrays.fill(hi, 0);
        wiresLo = wiresHi = 0;
        past.clear();
        pastAny = false;
        wide = lastGates = false;
        wideRows = 0;
        fresh = true;
    }

    private static BigInteger big(long h, long l) {
        BigInteger low = BigInteger.valueOf(l);
        return h == 0 ? low : BigInteger.valueOf(h).shiftLeft(63).add(low);
    }
}
