package tc0.compiler.gadgets;

import java.math.BigInteger;

/** One count in progress ({@link RepeatedSum}, {@link RepeatedSweep}): SumCount's figures, made step by step as it makes them. */
final class StepCount {
    long[] perLevel;
    long wires;
    /**
     * Wires past a long (SumCount's split: the ones that did not fit added here), in two words ({@link #wiresPast}
     * as SumCount gives it): a dot of 2^40 terms adds some at every column of every count, no BigInteger per add.
     */
    final Acc128 past = new Acc128();
    /** Whether any wires went past (SumCount's wiresPast not null), even 0 of them. */
    boolean pastAny;
    boolean wide, modelled = true, countExact = true, anyGroupGates;
    ClosedSum.Kind[] bitKind;
    int[] bitLevel;
    boolean[] bitNegated;

    StepCount(int levels) { perLevel = new long[levels]; }

    /** Back to nothing counted (a range reuses one per count; the level array is kept). */
    void reset() {
        if (usedFrom < usedTo) java.util.Arrays.fill(perLevel, usedFrom, Math.min(usedTo, perLevel.length), 0);
        usedFrom = Integer.MAX_VALUE;
        usedTo = 0;
        wires = 0;
        past.clear();
        pastAny = false;
        wide = false;
        modelled = countExact = true;
        anyGroupGates = false;
        bitKind = null;
        bitLevel = null;
        bitNegated = null;
    }

    /** The levels written since made or reset, [usedFrom, usedTo) (all the array can hold at first): reset clears only these. */
    private int usedFrom = 0, usedTo = Integer.MAX_VALUE;

    void gate(long count, long fanIn, int level) {
        if (count == 0) return;
        if (level < usedFrom) usedFrom = level;
        if (level >= usedTo) usedTo = level + 1;
        if (level >= perLevel.length) perLevel = java.util.Arrays.copyOf(perLevel, Math.max(level + 1, perLevel.length * 2));
        perLevel[level] = Math.addExact(perLevel[level], count);
        if (fanIn != 0) addWires(count, fanIn); // 0 wires change nothing
    }

    /** Adds {@code count x fanIn >= 0} wires, past a long into {@link #wiresPast} (a dot of 2^40 terms: 2^66 wires). */
    void addWires(long count, long fanIn) {
        long hi = Math.multiplyHigh(count, fanIn), lo = count * fanIn;
        if (hi == 0 && lo >= 0) {
            long s = wires + lo;
            if (s >= 0) { wires = s; return; }
        }
        past.addProduct(count, fanIn);
        pastAny = true;
    }

    void addPast(BigInteger w) { past.add(w); pastAny = true; }

    void addPast(Acc128 w) { past.add(w); pastAny = true; }

    /** The wires past a long, null where none went past (SumCount's). */
    BigInteger wiresPast() { return pastAny ? past.value() : null; }

    /** The result: wires past a long, if any, as {@link ClosedSum#wiresPast}. */
    ClosedSum result() { return new ClosedSum(perLevel, wires, bitKind, bitLevel, bitNegated, modelled, wide, countExact, wiresPast()); }

    int satGate(long umax, long thr, long distinct, int level) {
        if (thr <= 0) return 1;
        if (umax < thr) return -1;
        gate(1, distinct, level);
        return 2;
    }

    int satGate(BigInteger umax, BigInteger thr, long distinct, int level) {
        if (thr.signum() <= 0) return 1;
        if (umax.compareTo(thr) < 0) return -1;
        gate(1, distinct, level);
        return 2;
    }

    /** SumCount.compress of one column with two rounds left, into heights {@code dh} and highest levels {@code dmax}. */
    void roundOne(long[] count, int[] level, int runs, int j, int top, long[] dh, int[] dmax) {
        long h = 0;
        for (int q = 0; q < runs; q++) h += count[q];
        if (h == 0) return;
        if (h == 1) { put(dh, dmax, j, 1, level[0]); return; }
        heights.to(j, top, dh, dmax);
        RunWalk.roundOne(count, level, runs, h, SumCount.groupSize(h, 2), heights);
    }

    /** The walk's groups of column j into heights (reused: one per count). */
    private final Heights heights = new Heights();

    private final class Heights implements RunWalk.Sink {
        private int j, top;
        private long[] dh;
        private int[] dmax;

        void to(int j, int top, long[] dh, int[] dmax) { this.j = j; this.top = top; this.dh = dh; this.dmax = dmax; }

        @Override public void single(long q, int level) { put(dh, dmax, j, q, level); }

        @Override public void groups(long q, long s, int level) { emitGroups(q, s, level, j, top, dh, dmax, null, null, null); }
    }

    /**
     * The last round: each column of two or more entries as one group, a single entry passed on, into
     * {@code oh}, {@code omax}, {@code olast}. Columns past an int's bits too (as SumCount's, over longs).
     */
    boolean lastRound(long[] dh, int[] dmax, int top, long[] oh, int[] omax, int[] olast) {
        for (int j = 0; j < top; j++) {
            long h = dh[j];
            if (h == 0) continue;
            if (h == 1) { out(oh, omax, olast, j, 1, dmax[j]); continue; }
            emitGroups(1, h, dmax[j], j, top, null, null, oh, omax, olast);
        }
        return true;
    }

    /** SumCount.emitGroups: into heights (dh, dmax) in round one, into the last round's columns (oh, omax, olast) after. */
    void emitGroups(long q, long s, int level, int j, int top, long[] dh, int[] dmax, long[] oh, int[] omax, int[] olast) {
        anyGroupGates = true;
        gate(Math.multiplyExact(q, s), s, level + 1);
        int nb = Math.min(top - j, 64 - Long.numberOfLeadingZeros(s));
        long bitGates = 0, fanIn = 0;
        for (int l = 0; l < nb; l++) {
            long changes = s >> l;
            int lv = changes >= 2 ? level + 2 : level + 1;
            if (changes >= 2) { bitGates++; fanIn += changes; }
            if (dh != null) put(dh, dmax, j + l, q, lv); else out(oh, omax, olast, j + l, q, lv);
        }
        if (bitGates > 0) {
            gate(Math.multiplyExact(q, bitGates), 0, level + 2);
            addWires(q, fanIn);
        }
    }

    private static void put(long[] dh, int[] dmax, int j, long q, int level) {
        if (q == 0) return;
        if (dh[j] == 0 || level > dmax[j]) dmax[j] = level;
        dh[j] += q;
    }

    void out(long[] oh, int[] omax, int[] olast, int j, long q, int level) {
        if (q == 0) return;
        if (oh[j] == 0 || level > omax[j]) omax[j] = level;
        oh[j] += q;
        olast[j] = level;
    }

    /** The final stage ({@link FinalStage}) over the last round's columns given as heights, highest and last levels (all entries anonymous). */
    void finalStage(long[] oh, int[] omax, int[] olast, int shift, int width, long constant, BigInteger wideConstant, int hiKind, int loKind, int satLevel) {
        long lo = wideConstant == null ? constant : wideConstant.longValue(), hi = wideConstant == null ? 0 : wideConstant.shiftRight(64).longValue();
        finalStage(oh, omax, olast, shift, width, lo, hi, hiKind, loKind, satLevel);
    }

    /** {@link #finalStage} with the constant's bits as limbs: {@code lo} bits 0..63, {@code hi} bits 64..127. */
    void finalStage(long[] oh, int[] omax, int[] olast, int shift, int width, long lo, long hi, int hiKind, int loKind, int satLevel) {
        FinalStage st = FinalStage.local().run(perLevel, oh, oh, omax, olast, shift, width, lo, hi, hiKind, loKind, satLevel, anyGroupGates);
        if (st.wiresPast != null) addPast(st.wiresPast);
        perLevel = st.perLevel;
        usedFrom = 0; // the stage writes the array itself: from 0 up to its depth
        usedTo = Math.max(usedTo, st.depth + 1);
        addWires(st.wires, 1);
        bitKind = st.bitKind;
        bitLevel = st.bitLevel;
        bitNegated = st.bitNegated;
        modelled &= st.modelled;
        countExact &= st.countExact;
    }
}
