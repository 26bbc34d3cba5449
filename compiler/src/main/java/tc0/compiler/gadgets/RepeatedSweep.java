package tc0.compiler.gadgets;

import java.math.BigInteger;

/**
 * {@link RepeatedSum#at} for many counts c of one family without redoing what does not move with c. Per c, round one
 * of each column is walked by its few group runs (no bit-by-bit writes), its gates and wires added from the group
 * sizes ({@code sum_(l<m) floor(s / 2^l) = F(s) - F(s >> m)}, F(s) = 2s - popcount(s)), and each column's heights into
 * the last round summarised by a signature: per kind of group (its bits into the last round, the top bit's level
 * offset) the number of groups and their highest level. The heights and highest levels of the last round are a
 * function of the signatures alone (sums and maxima), so the last round (its gates, wires and output columns) is
 * recomputed only when some column's signature changes: at the breakpoints of the group size g and of ceil(h / g)
 * (and of the groups' bit lengths), every few counts at n = 2^20, not at every c. The final stage, which follows the
 * constant's bits, runs per c. Exact: the same figures as {@link RepeatedSum#atDirect} at every c, in any order of c
 * ({@code RepeatedSweepTest}). Not thread-safe: one per thread ({@link RepeatedSum} keeps one for its owner thread).
 */
final class RepeatedSweep {
    /** Kinds of group per column in a signature (sizes base + 1 and base, a lone entry; more never occur). */
    static final int KINDS = 4;
    /** Past this height a column is walked at every count (the walk's int arithmetic stays far from overflow). */
    private static final long PIECE_TOP = Integer.MAX_VALUE - (1L << 20);
    private final RepeatedSum rs;
    private final int top;
    /** Per column: round one at the current count, and the signature of the cached last round. */
    private final ColumnRound[] cur, last;
    private boolean cached;
    /** Per column, a piece of counts [pieceFrom, pieceTo] where round one is {@code at + (d - pieceFrom) (next - at)}. */
    private final ColumnRound[] pieceAt, pieceNext;
    private final long[] pieceFrom, pieceTo, nextTry;
    private final boolean[] inPiece;
    /** The columns in pieces, summed: their gates and wires at d without a step per column. */
    private final PieceSums pieces;
    /** Set once the pieces' sums would pass a long: every column walked at every count from then on. */
    private boolean noPieces;
    /** The count at which the cached last round was made (pieces whose groups of a kind move need it redone at every other). */
    private long lastRoundAt = Long.MIN_VALUE;
    private final ColumnRound probe = new ColumnRound(), probeEnd = new ColumnRound();
    /** The cached last round: its gates per level, wires, whether it made groups, and its output columns. */
    private long[] lastGates;
    private long lastWires;
    /** The last round's count (reused: its wires past a long are read from it until the next recompute). */
    private final StepCount lastK;
    private boolean lastGroupGates;
    private final long[] oh;
    private final int[] omax, olast;
    /** Group size per column over heights [gLo, gHi] (SumCount.groupSize is a pow past its table). */
    private final long[] gLo, gHi;
    private final long[] gSize;
    private long[] runCount = new long[16];
    private int[] runLevel = new int[16];
    /** Per column with a repetition: its top level, the entries before its first top entry, the longest stretch below the top (once, twice or more). */
    private final int[] repTop;
    private final long[] repHead, belowTopOne, belowTopMany;
    /** The head's decisions by stretches of counts (sums of at most SumCount.MAX_TOP bits), else null. */
    final HeadSegments heads;
    /** Counts answered from the cached last round, last rounds recomputed, column rounds walked and taken from a piece (tests, trace). */
    long reused, recomputed, walked, fromPiece;

    RepeatedSweep(RepeatedSum rs, int top) {
        this.rs = rs;
        this.top = top;
        cur = new ColumnRound[top];
        last = new ColumnRound[top];
        pieceAt = new ColumnRound[top];
        pieceNext = new ColumnRound[top];
        for (int j = 0; j < top; j++) { cur[j] = new ColumnRound(); last[j] = new ColumnRound(); pieceAt[j] = new ColumnRound(); pieceNext[j] = new ColumnRound(); }
        pieceFrom = new long[top];
        pieceTo = new long[top];
        nextTry = new long[top];
        inPiece = new boolean[top];
        pieces = new PieceSums(rs.maxLevel + 16);
        java.util.Arrays.fill(pieceFrom, 1);
        open = new int[top];
        scratch = new StepCount(rs.maxLevel + 8);
        stage = STAGE_SWEEP && StageSweep.fits(rs.shift, rs.width) ? new StageSweep(rs.shift, rs.width) : null;
        oh = new long[top];
        dh = new long[top];
        dmax = new int[top];
        omax = new int[top];
        olast = new int[top];
        gLo = new long[top];
        gHi = new long[top];
        gSize = new long[top];
        java.util.Arrays.fill(gLo, 1);
        heads = HeadSegments.fits(rs) ? new HeadSegments(rs) : null;
        int cols = rs.repeat.length;
        repTop = new int[cols];
        repHead = new long[cols];
        belowTopOne = new long[cols];
        belowTopMany = new long[cols];
        for (int j = 0; j < cols; j++) {
            SumShape.Repeat p = rs.repeat[j];
            if (p == null) continue;
            repTop[j] = p.top();
            repHead[j] = p.head();
            belowTopOne[j] = p.belowTop(1);
            belowTopMany[j] = p.belowTop(2);
        }
        lastK = new StepCount(rs.maxLevel + 8);
    }

    /** As {@link RepeatedSum#atDirect}, c >= c0 and the count's distinct terms past 1 checked by the caller. */
    ClosedSum at(long d, long distinct) { return at(d, distinct, false); }

    /** {@link #at}; {@code scratch}: counted into this sweep's one StepCount, the result's level array reused by the next call. */
    ClosedSum at(long d, long distinct, boolean scratch) {
        StepCount k = scratch ? this.scratch : new StepCount(rs.maxLevel + 8);
        if (scratch) k.reset();
        return fill(d, distinct, k) ? k.result() : null;
    }

    private final StepCount scratch;
    /** The final stage by the columns that change between counts of one last round; null: FinalStage at every count. */
    final StageSweep stage;
    /** Off: FinalStage at every count (a check: {@code -Dtc0.count.stageSweep=false}). */
    private static final boolean STAGE_SWEEP = !"false".equals(System.getProperty("tc0.count.stageSweep"));

    /** {@link #at} into {@code k} (fresh or {@link StepCount#reset}): false where at gives null. */
    boolean fill(long d, long distinct, StepCount k) {
        int satLevel = rs.maxLevel + 1;
        long[] head = new long[5]; // hiKind, loKind, wide, the constant's low bits 0..63 and 64..127
        BigInteger low = null;
        if (heads != null) heads.head(d, distinct, k, satLevel, head); // held over stretches of counts: no BigInteger per count
        else low = rs.fastHead(d, distinct, k, satLevel, head) ? null : rs.head(d, distinct, k, satLevel, head);
        int hiKind = (int) head[0], loKind = (int) head[1];
        k.wide = head[2] != 0;
        boolean beyond = top > SumCount.BUILT_TOP;
        boolean same = cached;
        if (spanValid && d >= spanFrom && d <= spanTo) { // every column in a piece holds at d: only the open ones walked
            fromPiece += top - nOpen;
            spanValid = false; // until the open list is whole again (a walk may stop part way)
            int kept = 0;
            for (int i = 0; i < nOpen; i++) {
                int j = open[i];
                ColumnRound c = cur[j];
                if (!walk(j, d, c)) return false;
                if (same) same = sameSignature(c, last[j]);
                if (piece(j, d, c)) { spanFrom = Math.max(spanFrom, pieceFrom[j]); spanTo = Math.min(spanTo, pieceTo[j]); }
                else { c.addTo(k); open[kept++] = j; }
            }
            nOpen = kept;
            spanValid = true;
        } else {
            spanValid = false;
            for (int j = 0; j < top; j++) {
                if (inPiece[j]) {
                    if (d >= pieceFrom[j] && d <= pieceTo[j]) { fromPiece++; continue; }
                    pieces.leave(pieceAt[j], pieceNext[j], pieceFrom[j]);
                    inPiece[j] = false;
                }
                ColumnRound c = cur[j];
                if (!walk(j, d, c)) return false; // a repetition written out run by run: the ordinary count
                if (same) same = sameSignature(c, last[j]);
                if (!piece(j, d, c)) c.addTo(k);
            }
            openColumns();
        }
        if (pieces.volatiles > 0 && d != lastRoundAt) same = false; // a piece's groups of one kind rise or fall with d
        if (!pieces.addTo(k, d)) { // past a long in the pieces' sums: every column walked from here on
            noPieces = true;
            for (int j = 0; j < top; j++) inPiece[j] = false;
            spanValid = false;
            pieces.clear();
            cached = false;
            k.reset();
            return fill(d, distinct, k);
        }
        if (same) reused++;
        else {
            cached = false; // until the last round below is whole (it may throw part way)
            // A column in a piece keeps in cur the round it entered with: its signature, unless its groups of a kind move.
            if (pieces.volatiles > 0) for (int j = 0; j < top; j++) if (inPiece[j]) cur[j].setOnLine(pieceAt[j], pieceNext[j], d - pieceFrom[j]);
            if (!lastRound()) return false;
            if (stage != null) stage.newColumns();
            for (int j = 0; j < top; j++) last[j].copySignature(cur[j]);
            cached = true;
            lastRoundAt = d;
            recomputed++;
        }
        for (int l = 0; l < lastGates.length; l++) if (lastGates[l] != 0) k.gate(lastGates[l], 0, l);
        k.addWires(lastWires, 1);
        if (lastK.pastAny) k.addPast(lastK.past);
        k.anyGroupGates |= lastGroupGates;
        long lo, hi; // the constant's bits 0..63 and 64..127
        if (heads != null && beyond) { lo = head[3]; hi = head[4]; } // from the stretches: RepeatedSum's low without the BigInteger
        else {
            BigInteger wideConstant = beyond ? low : null;
            long constant = beyond ? 0 : low != null ? low.longValueExact() : head[3];
            if (wideConstant == null && RepeatedSum.pastLong(oh, top, constant)) { wideConstant = BigInteger.valueOf(constant); k.wide = true; }
            lo = wideConstant == null ? constant : wideConstant.longValue();
            hi = wideConstant == null ? 0 : wideConstant.shiftRight(64).longValue();
        }
        if (stage == null || !stage.run(k, oh, omax, olast, lo, hi, hiKind, loKind, satLevel)) k.finalStage(oh, omax, olast, rs.shift, rs.width, lo, hi, hiKind, loKind, satLevel);
        return true;
    }

    /**
     * The columns not in a piece, and the counts {@code [spanFrom, spanTo]} where every column in a piece holds (the
     * pieces' common part): a count there walks only the open columns, not all {@code top} (mamba's rows: 62 columns,
     * about 1.6 walked a count).
     */
    private final int[] open;
    private int nOpen;
    private long spanFrom, spanTo;
    private boolean spanValid;

    /** The open list and the pieces' common span, from inPiece, pieceFrom and pieceTo. */
    private void openColumns() {
        nOpen = 0;
        spanFrom = Long.MIN_VALUE;
        spanTo = Long.MAX_VALUE;
        for (int j = 0; j < top; j++) {
            if (!inPiece[j]) open[nOpen++] = j;
            else { spanFrom = Math.max(spanFrom, pieceFrom[j]); spanTo = Math.min(spanTo, pieceTo[j]); }
        }
        spanValid = true;
    }

    /** Column j's height at d, and its growth per count (0: the same at every count). */
    private long height(int j, long d) {
        if (j >= rs.fixedCount.length) return 0;
        long h = rs.fixedHeight[j];
        if (rs.repeat[j] != null) return Math.addExact(h, rs.repeatUnit[j] * Math.addExact(rs.repeat[j].times(), d));
        return Math.addExact(h, Math.addExact(rs.growBase[j], Math.multiplyExact(rs.growStep[j], d)));
    }

    private long step(int j) {
        if (j >= rs.fixedCount.length) return 0;
        return rs.repeat[j] != null ? rs.repeatUnit[j] : rs.growStep[j];
    }

    /**
     * After a walk at d: where column j's groups keep their size g, number N and base size b over the next counts
     * (h up to min(g's range, N g, (b + 1) N - 1)), and the groups holding its fixed entries and the next one are all
     * of b + 1 entries (so they stay put as the last groups grow), round one there is linear in d: its gates of each
     * level and its wires are h less the fixed groups' part, and the groups of b + 1 and b rise and fall by the step.
     * Taken from the walks at d and d + 1, checked against a walk at the piece's last count (none where it fails).
     * True where column j entered a piece at d (its round then counted by {@link PieceSums}).
     */
    private boolean piece(int j, long d, ColumnRound c) {
        if (noPieces) return false;
        long step = step(j);
        ColumnRound at = pieceAt[j], next = pieceNext[j];
        long to;
        if (step == 0) { // the same runs at every count
            at.copyFrom(c);
            next.copyFrom(c);
            to = Long.MAX_VALUE;
        } else {
            if (d < nextTry[j]) return false;
            long h = height(j, d);
            if (h < 16 || h > PIECE_TOP || !(h >= gLo[j] && h <= gHi[j])) return false;
            long g = gSize[j], n = (h + g - 1) / g, b = h / n, extra = h % n, fixed = rs.fixedHeight[j];
            if (extra * (b + 1) < fixed + 2 * (b + 1)) { nextTry[j] = d + 1; return false; }
            long hEnd = Math.min(Math.min(gHi[j], n * g), Math.min((b + 1) * n - 1, PIECE_TOP));
            to = d + (hEnd - h) / step;
            if (to - d < 4) return false;
            if (!walk(j, d + 1, probe) || !walk(j, to, probeEnd) || !probeEnd.onLine(c, probe, to - d)) { nextTry[j] = d + 4; return false; }
            at.copyFrom(c);
            next.copyFrom(probe);
        }
        if (!pieces.enter(at, next, d)) return false;
        pieceFrom[j] = d;
        pieceTo[j] = to;
        inPiece[j] = true;
        return true;
    }

    /** Round one of column j at d by its runs (Count.roundOne's walk) into {@code c}; false where a repetition must be written out. */
    private boolean walk(int j, long d, ColumnRound c) {
        walked++;
        c.clear();
        int runs = 0;
        if (j < rs.fixedCount.length) {
            long[] fc = rs.fixedCount[j];
            int[] fl = rs.fixedLevel[j];
            if (fc.length + 1 > runCount.length) { runCount = new long[fc.length + 1]; runLevel = new int[fc.length + 1]; }
            for (int q = 0; q < fc.length; q++) { runCount[runs] = fc[q]; runLevel[runs++] = fl[q]; }
            if (rs.repeat[j] != null) { // Repeat.groupsReachTheTop with what does not move with d kept
                long times = rs.repeat[j].times() + d, hr = Math.multiplyExact(rs.repeatUnit[j], times), p0 = rs.fixedHeight[j], h = p0 + hr;
                if (!SumShape.Repeat.reachTheTop(repTop[j], times > 1 ? belowTopMany[j] : belowTopOne[j], repHead[j], rs.before[j], p0, h, groupSize(j, h))) return false;
                runs = append(runCount, runLevel, runs, hr, repTop[j]);
            } else if (rs.growBase[j] > 0 || rs.growStep[j] > 0) {
                runs = append(runCount, runLevel, runs, Math.addExact(rs.growBase[j], Math.multiplyExact(rs.growStep[j], d)), rs.growLevel[j]);
            }
        }
        roundOne(c, runCount, runLevel, runs, j);
        return true;
    }

    /** StepCount.roundOne's gates and wires, and its heights as a signature, into c. */
    private void roundOne(ColumnRound c, long[] count, int[] level, int runs, int j) {
        long h = 0;
        for (int q = 0; q < runs; q++) h += count[q];
        if (h == 0) return;
        if (h == 1) { c.sign(1, 0, 1, level[0]); return; }
        sink.c = c;
        sink.j = j;
        RunWalk.roundOne(count, level, runs, h, groupSize(j, h), sink); // past an int too (SumCount's long group size)
    }

    /** The walk's groups of column j into a round's figures and signature (reused). */
    private final Signatures sink = new Signatures();

    private final class Signatures implements RunWalk.Sink {
        ColumnRound c;
        int j;

        @Override public void single(long q, int level) { c.sign(1, 0, q, level); }

        @Override public void groups(long q, long s, int level) { RepeatedSweep.this.groups(c, q, s, level, j); }
    }

    /** q groups of s >= 2 entries at {@code level} in column j: Count.emitGroups's gates, the heights as a signature entry. */
    private void groups(ColumnRound c, long q, long s, int level, int j) {
        c.groups = true;
        long entries = Math.multiplyExact(q, s);
        c.gate(entries, level + 1);
        c.addWires(entries, s);
        int nb = Math.min(top - j, 64 - Long.numberOfLeadingZeros(s));
        int bitGates = ColumnCut.bitGates(s, nb);
        int topOff = bitGates == nb ? 2 : 1; // bits l < bitGates at level + 2; the top one at level + 1 where it is no gate
        if (bitGates > 0) {
            c.gate(Math.multiplyExact(q, bitGates), level + 2);
            c.addWires(q, ColumnCut.bitGatesFanIn(s, bitGates));
        }
        c.sign(nb, topOff, q, level);
    }

    private static boolean sameSignature(ColumnRound a, ColumnRound b) {
        if (a.ns != b.ns) return false;
        for (int e = 0; e < a.ns; e++) if (a.key[e] != b.key[e] || a.q[e] != b.q[e] || a.slv[e] != b.slv[e]) return false;
        return true;
    }

    /** The heights and highest levels the signatures give, then RepeatedSum's last round over them; false where it cannot tell. */
    private boolean lastRound() {
        long[] dh = this.dh;
        int[] dmax = this.dmax;
        if (!spread.heights(cur, top, dh, dmax)) spreadByBits(cur, top, dh, dmax);
        StepCount kl = lastK;
        kl.reset();
        java.util.Arrays.fill(oh, 0);
        java.util.Arrays.fill(omax, 0);
        java.util.Arrays.fill(olast, 0);
        if (!spread.lastRound(kl, dh, dmax, top, oh, omax, olast) && !kl.lastRound(dh, dmax, top, oh, omax, olast)) return false;
        lastGates = kl.perLevel;
        lastWires = kl.wires;
        lastGroupGates = kl.anyGroupGates;
        return true;
    }

    /** The signatures' spread into the last round's heights and highest levels bit by bit (where {@link SpreadColumns} declines). */
    static void spreadByBits(ColumnRound[] cur, int top, long[] dh, int[] dmax) {
        java.util.Arrays.fill(dh, 0);
        java.util.Arrays.fill(dmax, 0);
        for (int j = 0; j < top; j++) {
            ColumnRound c = cur[j];
            for (int e = 0; e < c.ns; e++) {
                int key = c.key[e], nb = key >> 2, topOff = key & 3, lv = c.slv[e];
                long q = c.q[e];
                for (int l = 0; l < nb; l++) {
                    int at = lv + (l == nb - 1 ? topOff : 2);
                    if (dh[j + l] == 0 || at > dmax[j + l]) dmax[j + l] = at;
                    dh[j + l] += q;
                }
            }
        }
    }

    /** The last round's spreads by ranges (scratch). */
    private final SpreadColumns spread = new SpreadColumns();

    /** The last round's input, heights and highest levels (scratch). */
    private final long[] dh;
    private final int[] dmax;

    /**
     * SumCount.groupSize(h, 2), remembered per column over the heights where it holds (ceil(sqrt h) is g on ((g-1)^2, g^2]);
     * columns past an int's bits by SumCount's long expression, remembered likewise.
     */
    private long groupSize(int j, long h) {
        if (h >= gLo[j] && h <= gHi[j]) return gSize[j];
        // The range guessed from the square root and confirmed at its two ends by SumCount's own expression: it rises with
        // h (Math.pow is semi-monotonic), so equal at both ends is equal between. Two pow calls a new range, not four: a
        // column whose height passes a range at every count (tensor attention's S @ V at 2^20) asks one at every count.
        long g = (long) Math.ceil(Math.sqrt((double) h));
        long lo = h, hi = h;
        long a = (g - 1) * (g - 1) + 1, b = g * g; // g < 2^31 (checked first): no overflow
        if (g >= 3 && g < (1L << 31) && a <= h && h <= b && SumCount.groupSize(a, 2) == g && SumCount.groupSize(b, 2) == g) { lo = a; hi = b; }
        else g = SumCount.groupSize(h, 2);
        gLo[j] = lo;
        gHi[j] = hi;
        gSize[j] = g;
        return g;
    }

    private static int append(long[] count, int[] level, int runs, long c, int lv) {
        if (c == 0) return runs;
        if (runs > 0 && level[runs - 1] == lv) { count[runs - 1] += c; return runs; }
        count[runs] = c;
        level[runs] = lv;
        return runs + 1;
    }
}
