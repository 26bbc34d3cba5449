package tc0.compiler.gadgets;

/**
 * {@link SumCount}'s count of a saturating sum of anonymous entries that all start at one level, with two
 * compression rounds, over plain arrays of column heights: the same groups, gates, levels and final stage, none
 * of its runs. For sums counted by the million whose columns share that shape (RoPE's rotated pairs of plain
 * words, {@link Rope#pairSums}). The rounds depend only on the heights, so sums that differ only in their constant
 * share them ({@link #close} once per constant). Where any number would pass a long, {@link #close} says so (null)
 * and the caller counts with {@link SumCount} instead.
 */
final class HeightsSum {
    private final int level, top;
    private final long[] perLevel;
    private long wires;
    private boolean anyGroupGates;
    /** The final stage's columns: entries and their highest level. */
    private final long[] height;
    private final int[] maxLevel;
    /** Round one's output (round two's columns): entries and highest level, as {@link SumCount}'s dense round. */
    private final long[] midHeight;
    private final int[] midMax;

    private HeightsSum(int level, int top) {
        this.level = level;
        this.top = top;
        perLevel = new long[level + 8];
        height = new long[top];
        maxLevel = new int[top];
        midHeight = new long[top];
        midMax = new int[top];
    }

    /**
     * The two rounds over columns {@code 0 .. top - 1} of {@code h[j]} entries at {@code level} (columns past h
     * empty); null where a count passes a long.
     */
    static HeightsSum twoRounds(long[] h, int level, int top) {
        try {
            return rounds(h, level, top);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static HeightsSum rounds(long[] h, int level, int top) {
        HeightsSum s = new HeightsSum(level, top);
        long[] mid = s.midHeight, fin = s.height;
        int[] midMax = s.midMax, finMax = s.maxLevel;
        long g1 = 0, g2 = 0, w = 0; // the first round's table gates, all one and two levels above level
        boolean tabled = false;
        for (int j = 0; j < top; j++) {
            long c = j < h.length ? h[j] : 0;
            if (c <= 1) { if (c == 1) put(mid, midMax, j, 1, level); continue; }
            if (c < EFFECTS && j + REACH[0][(int) c] <= top) {
                int ci = (int) c;
                g1 += G1[0][ci];
                g2 += G2[0][ci];
                w += W[0][ci];
                tabled = true;
                spread(mid, midMax, PACK[0], ci * SPAN, NPACK[0][ci], level, j);
                continue;
            }
            long groups, base, extra;
            if (c < CUTS) {
                int cut = CUT[(int) c];
                groups = cut & 0x3ff;
                base = cut >>> 10 & 0x3ff;
                extra = cut >>> 20;
            } else {
                groups = ColumnCut.groups(c, 2);
                base = ColumnCut.base(c, groups);
                extra = ColumnCut.extra(c, groups);
            }
            s.groups(true, extra, base + 1, level, j);
            s.groups(true, groups - extra, base, level, j);
        }
        if (tabled) { // table sums stay far below a long: at most 128 entries a column, top columns
            s.anyGroupGates = true;
            s.perLevel[level + 1] = Math.addExact(s.perLevel[level + 1], g1);
            s.perLevel[level + 2] = Math.addExact(s.perLevel[level + 2], g2);
            s.wires = Math.addExact(s.wires, w);
        }
        long[] perLevel = s.perLevel;
        for (int j = 0; j < top; j++) { // the last round: each column of two or more one group at its highest level
            long c = mid[j];
            if (c == 1) put(fin, finMax, j, 1, midMax[j]);
            else if (c > 1 && c < EFFECTS && j + REACH[1][(int) c] <= top) {
                int ci = (int) c, lv = midMax[j];
                s.anyGroupGates = true;
                perLevel[lv + 1] += G1[1][ci];
                perLevel[lv + 2] += G2[1][ci];
                s.wires += W[1][ci];
                spread(fin, finMax, PACK[1], ci * SPAN, NPACK[1][ci], lv, j);
            }
            else if (c > 1) s.groups(false, 1, c, midMax[j], j);
        }
        return s;
    }

    /** A table entry's puts ({@link #PACK}: offset, level step, entries) for a column at {@code lv} at column j. */
    private static void spread(long[] h, int[] mx, int[] pack, int from, int count, int lv, int j) {
        for (int at = from, end = from + count; at < end; at++) {
            int p = pack[at], t = j + (p & 7), lt = lv + (p >>> 3 & 3);
            if (h[t] == 0 || lt > mx[t]) mx[t] = lt;
            h[t] += p >>> 5;
        }
    }

    private static void put(long[] h, int[] mx, int j, long q, int lv) {
        if (h[j] == 0 || lv > mx[j]) mx[j] = lv;
        h[j] += q;
    }

    /**
     * Per round (0 the first of two, 1 the last) and column height c below {@link #EFFECTS}, what {@link #groups}
     * does with the column where no output bit passes the top ({@link #REACH}): gates one and two levels above its
     * level, wires, and per offset l the entries put in column j + l ({@code ADD}) and their highest level above
     * the column's ({@code OFF}, -1 none). A table lookup a column instead of two {@link #groups} calls.
     */
    static final int EFFECTS = 128, SPAN = 8; // package-visible: RopeRow reads the tables too
    static final long[][] G1 = new long[2][EFFECTS], G2 = new long[2][EFFECTS], W = new long[2][EFFECTS];
    private static final int[][] ADD = new int[2][EFFECTS * SPAN], OFF = new int[2][EFFECTS * SPAN];
    static final int[][] REACH = new int[2][EFFECTS];

    static {
        for (int k = 0; k < 2; k++) {
            java.util.Arrays.fill(OFF[k], -1);
            for (int c = 2; c < EFFECTS; c++) {
                if (k == 1) { effect(1, c, 1, c); continue; }
                long groups = ColumnCut.groups(c, 2), base = ColumnCut.base(c, groups), extra = ColumnCut.extra(c, groups); // CUT is not made yet
                effect(0, c, extra, base + 1);
                effect(0, c, groups - extra, base);
            }
        }
    }

    /** {@link #groups}' effect of q groups of {@code size} on a column of height c, unclipped, into round k's table. */
    private static void effect(int k, int c, long q, long size) {
        if (q == 0) return;
        if (size == 1) { effectPut(k, c, 0, q, 0); return; }
        G1[k][c] += q * size;
        W[k][c] += q * size * size;
        for (int l = 0, nb = 64 - Long.numberOfLeadingZeros(size); l < nb; l++) {
            long changes = size >> l;
            if (changes >= 2) {
                G2[k][c] += q;
                W[k][c] += q * changes;
                effectPut(k, c, l, q, 2);
            } else effectPut(k, c, l, q, 1);
        }
    }

    /**
     * {@link #ADD} and {@link #OFF} per round and height, only the offsets that get entries, packed: offset (bits
     * 0-2), level step (3-4), entries (5-); {@link #NPACK} of them from {@code c * SPAN}.
     */
    static final int[][] PACK = new int[2][EFFECTS * SPAN], NPACK = new int[2][EFFECTS];

    static {
        for (int k = 0; k < 2; k++) {
            for (int c = 2; c < EFFECTS; c++) {
                for (int l = 0; l < REACH[k][c]; l++) {
                    int q = ADD[k][c * SPAN + l];
                    if (q > 0) PACK[k][c * SPAN + NPACK[k][c]++] = l | OFF[k][c * SPAN + l] << 3 | q << 5;
                }
            }
        }
    }

    private static void effectPut(int k, int c, int l, long q, int off) {
        ADD[k][c * SPAN + l] += (int) q;
        OFF[k][c * SPAN + l] = Math.max(OFF[k][c * SPAN + l], off);
        REACH[k][c] = Math.max(REACH[k][c], l + 1);
    }

    /** Heights below this have their first-round cut in {@link #CUT}. */
    static final int CUTS = 1 << 10;
    /**
     * Per height h below {@link #CUTS}, the first of two rounds' cut ({@link ColumnCut}): groups (bits 0-9),
     * base (10-19), extra (20-29) -- {@code extra} groups of base + 1 entries, then groups of base. Three long
     * divisions a column were most of a RoPE row's rounds.
     */
    static final int[] CUT = new int[CUTS];

    static {
        for (int h = 1; h < CUTS; h++) {
            int groups = (int) ColumnCut.groups(h, 2);
            CUT[h] = groups | (int) ColumnCut.base(h, groups) << 10 | (int) ColumnCut.extra(h, groups) << 20;
        }
    }

    /** The columns the rounds ran over. */
    int top() { return top; }

    /** How many entries the first round put in column j (the last round's column). */
    long midHeight(int j) { return midHeight[j]; }

    /** The first round's heights, column by column (read-only to callers). */
    long[] midHeights() { return midHeight; }

    /** {@code q} groups of {@code size} entries at {@code lv} in column j (size one: the entries passed on). */
    private void groups(boolean first, long q, long size, int lv, int j) {
        if (q == 0) return;
        if (size == 1) { put(first, j, q, lv); return; }
        anyGroupGates = true;
        gate(Math.multiplyExact(q, size), size, lv + 1);
        int nb = Math.min(top - j, 64 - Long.numberOfLeadingZeros(size));
        long bitGates = 0, fanIn = 0;
        for (int l = 0; l < nb; l++) {
            long changes = size >> l;
            if (changes >= 2) {
                bitGates++;
                fanIn += changes;
                put(first, j + l, q, lv + 2);
            } else put(first, j + l, q, lv + 1);
        }
        if (bitGates > 0) {
            gate(Math.multiplyExact(q, bitGates), 0, lv + 2);
            wires = Math.addExact(wires, Math.multiplyExact(q, fanIn));
        }
    }

    private void put(boolean first, int j, long q, int lv) {
        if (q == 0) return;
        long[] h = first ? midHeight : height;
        int[] mx = first ? midMax : maxLevel;
        if (h[j] == 0 || lv > mx[j]) mx[j] = lv;
        h[j] += q;
    }

    private void gate(long count, long fanIn, int lv) {
        perLevel[lv] = Math.addExact(perLevel[lv], count);
        wires = Math.addExact(wires, Math.multiplyExact(count, fanIn));
    }

    /**
     * The sum with this {@code constant}, the weights' magnitudes summing to {@code umax}, {@code distinct}
     * literals (the saturation gates' fan-in), read at {@code shift}, {@code width} bits ({@code shift + width}
     * the top these rounds ran to): as {@link SumCount#finalStage} and its saturation. Null where a number
     * passes a long.
     */
    ClosedSum close(long constant, long umax, long distinct, int shift, int width) {
        if (shift + width != top || top > SumCount.BUILT_TOP) return null;
        try {
            return finalStage(constant, umax, distinct, shift, width);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private ClosedSum finalStage(long constant, long umax, long distinct, int shift, int width) {
        long[] gates = perLevel.clone();
        long wiresHere = wires;
        long half = shift > 0 ? 1L << (shift - 1) : 0, bound = 1L << (width - 1 + shift);
        long hiThr, loThr;
        Math.addExact(constant, half);
        hiThr = Math.subtractExact(Math.subtractExact(bound, constant), half);
        loThr = Math.subtractExact(Math.subtractExact(-bound, constant), half);
        long k = Math.floorMod(constant + half, 1L << top);
        int satLevel = level + 1;
        int hiKind = hiThr <= 0 ? 1 : umax < hiThr ? -1 : 2, loGate = loThr <= 0 ? 1 : umax < loThr ? -1 : 2;
        int loKind = loGate == 2 ? 2 : -loGate;
        int sat = (hiKind == 2 ? 1 : 0) + (loKind == 2 ? 1 : 0);
        gates[satLevel] += sat;
        wiresHere = Math.addExact(wiresHere, Math.multiplyExact(sat, distinct));
        // Where SumCount would count the final stage over exact values (its column sums past a long): null, the caller counts there.
        long v = k;
        for (int j = 0; j < top; j++) {
            long h = height[j];
            if (h == 0) continue;
            if (64 - Long.numberOfLeadingZeros(h) + j > 61) return null;
            v += h << j;
            if (v >>> 62 != 0) return null;
        }
        // Every entry anonymous: fresh entries are the heights; with one entry so far its level is the highest.
        FinalStage st = FinalStage.local().run(gates, height, height, maxLevel, maxLevel, shift, width, k, 0, hiKind, loKind, satLevel, anyGroupGates);
        if (st.wiresPast != null) return null;
        return new ClosedSum(st.perLevel, Math.addExact(wiresHere, st.wires), st.bitKind, st.bitLevel, st.bitNegated, st.modelled, false, st.countExact);
    }
}
