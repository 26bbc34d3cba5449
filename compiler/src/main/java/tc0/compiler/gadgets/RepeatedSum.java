package tc0.compiler.gadgets;

import java.math.BigInteger;

/**
 * The closed count of one weighted sum for every number c of repetitions of its last part, without building a
 * shape per c: {@code shape(c)} is a fixed part and then c equal parts (a scan row: {@code e0 b_t} and one or two
 * single pairs, then {@code t - 1} pairs of one class pair). Two shapes built the ordinary way, at c0 and c0 + 1,
 * show what grows with c: per column the last run's count or a repetition's times, and the totals. {@link #at}
 * counts shape(c) as {@link SumCount#of} does with two rounds (the last two over column heights), from each
 * column's fixed runs and its one growing run, in time about (columns x bits) and no allocation but the result.
 * Null where shape(c) is not of that form or a step would leave it (the caller counts that c the ordinary way).
 */
public final class RepeatedSum {
    final int shift, width, top;
    final long c0;
    /** Per column: the fixed runs (counts, levels), then what grows: a run of {@code base + step (c - c0)} at a level, or a repetition. */
    final long[][] fixedCount;
    final int[][] fixedLevel;
    final long[] fixedHeight, growBase, growStep;
    /** Per column with a repetition: the entries of one repeated part (its height grows by this per count). */
    final long[] repeatUnit;
    final int[] growLevel;
    final SumShape.Repeat[] repeat;
    final Runs[] before;
    final BigInteger constant0, constantStep, umax0, umaxStep, neg0, negStep;
    final long distinct0, distinctStep;
    final int maxLevel;
    /** Whether the shapes' constant or negative weights went past a long while built (then {@link SumShape#wide} at every c). */
    final boolean bigState, bigUmax;
    /** constant0, constantStep, umax0, umaxStep, neg0, negStep as longs where all six fit one (the common case), else null. */
    private final long[] longs;

    private RepeatedSum(SumShape a, SumShape b, long c0, int shift, int width) {
        this.shift = shift;
        this.width = width;
        this.top = shift + width;
        this.c0 = c0;
        int n = a.ncols;
        fixedCount = new long[n][];
        fixedLevel = new int[n][];
        fixedHeight = new long[n];
        growBase = new long[n];
        growStep = new long[n];
        growLevel = new int[n];
        repeatUnit = new long[n];
        repeat = new SumShape.Repeat[n];
        before = new Runs[n];
        for (int j = 0; j < n; j++) {
            Runs ra = a.cols[j], rb = b.cols[j];
            SumShape.Repeat pa = a.repeats == null ? null : a.repeats.get(j), pb = b.repeats == null ? null : b.repeats.get(j);
            int fixed = pa != null ? ra.size : Math.max(0, ra.size - 1);
            fixedCount[j] = java.util.Arrays.copyOf(ra.count, fixed);
            fixedLevel[j] = java.util.Arrays.copyOf(ra.level, fixed);
            for (int q = 0; q < fixed; q++) fixedHeight[j] += ra.count[q];
            before[j] = new Runs();
            for (int q = 0; q < fixed; q++) before[j].append(ra.count[q], ra.level[q], SumShape.ANON);
            if (pa != null) {
                repeat[j] = pa;
                for (long u : pa.counts()) repeatUnit[j] = Math.addExact(repeatUnit[j], u);
                continue;
            }
            if (ra.size > 0) {
                growBase[j] = ra.count[ra.size - 1];
                growStep[j] = rb.count[rb.size - 1] - ra.count[ra.size - 1];
                growLevel[j] = ra.level[ra.size - 1];
            }
        }
        constant0 = a.constantExact();
        constantStep = b.constantExact().subtract(constant0);
        umax0 = a.umaxExact();
        umaxStep = b.umaxExact().subtract(umax0);
        neg0 = a.bigNeg != null ? a.bigNeg : BigInteger.valueOf(a.neg);
        negStep = (b.bigNeg != null ? b.bigNeg : BigInteger.valueOf(b.neg)).subtract(neg0);
        distinct0 = a.distinct;
        distinctStep = b.distinct - a.distinct;
        maxLevel = a.maxLevel;
        bigState = a.bigConstant != null || a.bigNeg != null;
        bigUmax = a.bigUmax != null;
        BigInteger[] six = {constant0, constantStep, umax0, umaxStep, neg0, negStep};
        long[] l = new long[6];
        boolean fit = !bigUmax;
        for (int i = 0; i < 6 && fit; i++) { fit = six[i].bitLength() <= 63; if (fit) l[i] = six[i].longValue(); }
        longs = fit ? l : null;
    }

    /**
     * shape(c) for c >= c0 from {@code a} = shape(c0) and {@code b} = shape(c0 + 1), built the ordinary way; null where
     * they are not a fixed part and one growing part per column, anonymous, or the count is not of two rounds.
     */
    public static RepeatedSum of(SumShape a, SumShape b, long c0, int shift, int width, int rounds) {
        if (rounds != 2 || a.ncols != b.ncols || a.maxLevel != b.maxLevel || shift < 0 || width < 1 || shift + width > SumCount.MAX_TOP) return null;
        BigInteger negA = a.bigNeg != null ? a.bigNeg : BigInteger.valueOf(a.neg), negB = b.bigNeg != null ? b.bigNeg : BigInteger.valueOf(b.neg);
        if (!b.constantExact().subtract(a.constantExact()).equals(negA.subtract(negB)) || negB.compareTo(negA) < 0) return null; // a constant grows too
        for (int j = 0; j < a.ncols; j++) {
            Runs ra = a.cols[j], rb = b.cols[j];
            if (ra.size != rb.size) return null;
            for (int q = 0; q < ra.size; q++) {
                if (ra.first[q] >= 0 || rb.first[q] >= 0 || ra.level[q] != rb.level[q]) return null;
            }
            SumShape.Repeat pa = a.repeats == null ? null : a.repeats.get(j), pb = b.repeats == null ? null : b.repeats.get(j);
            if ((pa == null) != (pb == null)) return null;
            if (pa != null) {
                for (int q = 0; q < ra.size; q++) if (ra.count[q] != rb.count[q]) return null;
                if (!java.util.Arrays.equals(pa.levels(), pb.levels()) || !java.util.Arrays.equals(pa.counts(), pb.counts()) || pb.times() != pa.times() + 1) return null;
                continue;
            }
            for (int q = 0; q + 1 < ra.size; q++) if (ra.count[q] != rb.count[q]) return null;
            if (ra.size > 0 && rb.count[ra.size - 1] < ra.count[ra.size - 1]) return null;
        }
        return new RepeatedSum(a, b, c0, shift, width);
    }

    /** The sweep for counts asked by the thread that first asked one ({@link RepeatedSweep} is not thread-safe). */
    private RepeatedSweep sweep;
    private Thread sweepOwner;
    /** Off: every count by {@link #atDirect} (a check: {@code -Dtc0.count.repeatedDirect=true}). */
    private static final boolean DIRECT = Boolean.getBoolean("tc0.count.repeatedDirect");

    /**
     * What {@link WeightedSum#closedSum} gives for shape(c), c >= c0 (saturating, two rounds), or null where this cannot
     * tell: by {@link RepeatedSweep}, which redoes the last round only where round one's groups change.
     */
    public ClosedSum at(long c) { return at(c, false); }

    /**
     * {@link #at}, its gates per level in the sweep's scratch: valid until the next call on this thread (for a caller
     * that adds them at once, as a scan's rows do: no count's arrays allocated).
     */
    public ClosedSum atScratch(long c) { return at(c, true); }

    private ClosedSum at(long c, boolean scratch) {
        long distinct = distinctAt(c);
        if (distinct < 0) return null;
        RepeatedSweep sw = sweepHere();
        return sw == null ? atDirect(c) : sw.at(c - c0, distinct, scratch);
    }

    /** shape(c)'s distinct terms, or -1 where {@link #at} gives null before counting (c below c0, at most one term). */
    long distinctAt(long c) {
        if (c < c0) return -1;
        long distinct = Math.addExact(distinct0, Math.multiplyExact(distinctStep, c - c0));
        return distinct <= 1 ? -1 : distinct;
    }

    /** This thread's sweep ({@link RepeatedRange}), made on first use; null where counts go by {@link #atDirect} (the check, another thread). */
    RepeatedSweep sweepHere() {
        if (DIRECT) return null;
        if (sweep == null) { sweep = new RepeatedSweep(this, top); sweepOwner = Thread.currentThread(); }
        return sweepOwner == Thread.currentThread() ? sweep : null;
    }

    /** The sweep's figures for the trace: last rounds reused and recomputed, column rounds walked and taken from pieces. */
    public String sweepTrace() {
        long[] s = sweepStats();
        return (s == null ? "no sweep" : "last rounds reused " + s[0] + ", recomputed " + s[1] + "; column rounds walked " + s[2] + ", from pieces " + s[3]
                + "; final stages by columns " + s[4] + ", output columns redone " + s[5])
                + "; " + top + " columns, the constant's step " + constantStep;
    }

    long[] sweepStats() {
        if (sweep == null) return null;
        StageSweep st = sweep.stage;
        return new long[] {sweep.reused, sweep.recomputed, sweep.walked, sweep.fromPiece, st == null ? 0 : st.counts, st == null ? 0 : st.redone};
    }

    /** {@link #at} column by column and bit by bit, every round at every c (the reference the sweep is checked against). */
    public ClosedSum atDirect(long c) {
        long distinct = distinctAt(c);
        if (distinct < 0) return null;
        long d = c - c0;
        StepCount k = new StepCount(maxLevel + 8);
        int satLevel = maxLevel + 1;
        long[] head = new long[4]; // hiKind, loKind, wide (0/1), the constant's low bits (top <= 61)
        BigInteger low = fastHead(d, distinct, k, satLevel, head) ? null : head(d, distinct, k, satLevel, head);
        int hiKind = (int) head[0], loKind = (int) head[1];
        k.wide = head[2] != 0;
        boolean beyond = top > SumCount.BUILT_TOP;
        // Round 1 over each column's runs (fixed, then the growing one), into heights and highest levels.
        long[] dh = new long[top];
        int[] dmax = new int[top];
        long[] runCount = new long[16];
        int[] runLevel = new int[16];
        for (int j = 0; j < top; j++) {
            int runs = 0;
            if (j < fixedCount.length) {
                long[] fc = fixedCount[j];
                int[] fl = fixedLevel[j];
                if (fc.length + 1 > runCount.length) { runCount = new long[fc.length + 1]; runLevel = new int[fc.length + 1]; }
                for (int q = 0; q < fc.length; q++) { runCount[runs] = fc[q]; runLevel[runs++] = fl[q]; }
                if (repeat[j] != null) {
                    SumShape.Repeat p = repeat[j];
                    SumShape.Repeat r = new SumShape.Repeat(p.levels(), p.counts(), p.times() + d);
                    if (!r.groupsReachTheTop(2, before[j])) return null; // written out run by run: the ordinary count
                    runs = appendRun(runCount, runLevel, runs, r.height(), r.top());
                } else if (growBase[j] > 0 || growStep[j] > 0) {
                    runs = appendRun(runCount, runLevel, runs, Math.addExact(growBase[j], Math.multiplyExact(growStep[j], d)), growLevel[j]);
                }
            }
            k.roundOne(runCount, runLevel, runs, j, top, dh, dmax);
        }
        // The last round: each column of two or more as one group; then the final stage over heights and levels.
        long[] oh = new long[top];
        int[] omax = new int[top], olast = new int[top];
        if (!k.lastRound(dh, dmax, top, oh, omax, olast)) return null;
        BigInteger wideConstant = beyond ? low : null;
        long constant = beyond ? 0 : low != null ? low.longValueExact() : head[3];
        if (wideConstant == null && pastLong(oh, top, constant)) { wideConstant = BigInteger.valueOf(constant); k.wide = true; }
        k.finalStage(oh, omax, olast, shift, width, constant, wideConstant, hiKind, loKind, satLevel);
        return k.result();
    }

    /**
     * The saturation gates, whether the sum is wide and its constant's low bits at c = c0 + d, over longs: the same
     * decisions as {@link #head} wherever every number fits a long; false (nothing decided) where one might not.
     */
    boolean fastHead(long d, long distinct, StepCount k, int satLevel, long[] head) {
        if (longs == null || top > SumCount.BUILT_TOP || width - 1 + shift > 61) return false;
        // No exceptions here: a count past a long is the common case at large n (mamba's rows at 65536: every row), and a
        // thrown ArithmeticException per row cost more than the exact head it falls back to.
        long cb = line(longs[0], longs[1], d), umax = line(longs[2], longs[3], d), neg = line(longs[4], longs[5], d);
        if (cb == Long.MIN_VALUE || umax == Long.MIN_VALUE || neg == Long.MIN_VALUE) return false;
        long un = umax - neg;
        if (((umax ^ neg) & (umax ^ un)) < 0) return false; // head's umax - neg: past 63 bits only past a long
        long hb = shift > 0 ? 1L << (shift - 1) : 0, bb = 1L << (width - 1 + shift); // bb <= 2^61, |cb| < 2^63
        if (cb > Long.MAX_VALUE / 4 || cb < Long.MIN_VALUE / 4) return false; // the steps and thresholds below stay longs
        long hiStep = bb - cb, loStep = -bb - cb, hiThr = hiStep - hb, loThr = loStep - hb;
        head[2] = bigState ? 1 : 0; // umax within a long: not wide by it; c + half and the thresholds are longs
        head[0] = k.satGate(umax, hiThr, distinct, satLevel);
        int g = k.satGate(umax, loThr, distinct, satLevel);
        head[1] = g == 2 ? 2 : -g;
        head[3] = Math.floorMod(cb + hb, 1L << top);
        return true;
    }

    /** {@code a + s d} where it fits a long and is not Long.MIN_VALUE; Long.MIN_VALUE otherwise (the caller then goes exact). */
    static long line(long a, long s, long d) {
        long p = s * d;
        if (Math.multiplyHigh(s, d) != (p >> 63)) return Long.MIN_VALUE;
        long r = a + p;
        if (((a ^ r) & (p ^ r)) < 0) return Long.MIN_VALUE;
        return r;
    }

    /** {@link #fastHead} over exact values: returns the constant's low bits (mod 2^top). */
    BigInteger head(long d, long distinct, StepCount k, int satLevel, long[] head) {
        BigInteger bd = BigInteger.valueOf(d);
        BigInteger cb = constant0.add(constantStep.multiply(bd)), umax = umax0.add(umaxStep.multiply(bd)), neg = neg0.add(negStep.multiply(bd));
        // SumShape's wide(): its constant or negative sum past a long once, or its positive weights' sum past 63 bits. The
        // growing part adds no constant but its negative weights (checked in of), so while shape(c) is built its partial
        // sums lie between those of shape(c0) and shape(c): one passed a long exactly where the sum at c does.
        boolean big = bigState || cb.bitLength() > 63 || neg.bitLength() > 63;
        boolean umaxBig = bigUmax || umax.bitLength() > 63;
        boolean shapeWide = big || umaxBig && umax.subtract(neg).bitLength() > 63;
        boolean wide = shapeWide || top > SumCount.BUILT_TOP;
        BigInteger hb = shift > 0 ? BigInteger.ONE.shiftLeft(shift - 1) : BigInteger.ZERO, bb = BigInteger.ONE.shiftLeft(width - 1 + shift);
        BigInteger hiStep = bb.subtract(cb), loStep = bb.negate().subtract(cb), hiThr = hiStep.subtract(hb), loThr = loStep.subtract(hb);
        // The builder's c + half and thresholds are longs: wide where one passes (SumCount decides so over exact values).
        if (cb.add(hb).bitLength() > 63) wide = true;
        if (Math.max(Math.max(hiStep.bitLength(), loStep.bitLength()), Math.max(hiThr.bitLength(), loThr.bitLength())) > 63) wide = true;
        head[2] = wide ? 1 : 0;
        head[0] = k.satGate(umax, hiThr, distinct, satLevel);
        int g = k.satGate(umax, loThr, distinct, satLevel);
        head[1] = g == 2 ? 2 : -g;
        return cb.add(hb).mod(BigInteger.ONE.shiftLeft(top));
    }

    /** Appends a run, merged into the last one at the same level (as {@link Runs#append} merges anonymous runs). */
    private static int appendRun(long[] count, int[] level, int runs, long c, int lv) {
        if (c == 0) return runs;
        if (runs > 0 && level[runs - 1] == lv) { count[runs - 1] += c; return runs; }
        count[runs] = c;
        level[runs] = lv;
        return runs + 1;
    }

    /** SumCount's columnSumsPastLong over the last round's heights. */
    static boolean pastLong(long[] oh, int top, long constant) {
        long v = constant;
        for (int j = 0; j < top; j++) {
            long h = oh[j];
            if (h == 0) continue;
            if (64 - Long.numberOfLeadingZeros(h) + j > 61) return true;
            v += h << j;
            if (v >>> 62 != 0) return true;
        }
        return false;
    }
}
