package tc0.compiler.gadgets;

/**
 * {@link HeightsSum}'s two rounds at level 0 for {@link RopeRow}, each output column gathered from the columns
 * below it instead of each input column spread up (the spread's branches, mispredicted on RoPE's varying heights,
 * were most of a row's rounds). First round: a column's groups have at most 15 entries below height 226, so its
 * outputs reach at most four columns up, and column t's output is a function of {@code h[t - 3 .. t]}; RoPE's
 * heights move by at most 2 a column (a window of each code slides one bit), so one table read by
 * {@code h[t]} and the three steps below it gives column t's entries and highest level. Last round: column j's
 * c entries, one group, put one entry in each of columns j .. j + bits(c) - 1 (bit l of c in column j + l), so
 * the heights are a running count of the ranges that cover a column, and the levels a running highest. Gates and wires per column from HeightsSum's tables; a column whose outputs would
 * pass the top counts its gates as {@code HeightsSum.groups} does, clipped. Scratch reused from row to row.
 */
final class RopeRounds {
    /** Columns the arrays hold, and the padding below column 0 (zero heights) that the gather reads. */
    static final int COLS = 64, PAD = 8;
    /** First-round heights the table covers; the steps it covers (-2 .. 2). */
    static final int HEIGHTS = 64, STEPS = 5;
    private static final int REACH_FIRST = 4;
    /**
     * Per {@code h[t]}, and steps {@code h[t] - h[t-1]}, {@code h[t-1] - h[t-2]}, {@code h[t-2] - h[t-3]} (each
     * -2 .. 2): the first round's entries in column t (bits 0-7) and their highest level (bits 8-): HeightsSum's
     * table effects of the four columns summed. -1 where a height below would be negative or past the table.
     */
    private static final int[] FIRST = new int[HEIGHTS * STEPS * STEPS * STEPS];

    static {
        for (int c = 2; c < HEIGHTS; c++) if (HeightsSum.REACH[0][c] > REACH_FIRST) throw new AssertionError("first round reaches past 4 columns at " + c);
        for (int h0 = 0; h0 < HEIGHTS; h0++) {
            for (int s = 0; s < STEPS * STEPS * STEPS; s++) {
                int[] hs = {h0, 0, 0, 0};
                boolean ok = true;
                for (int l = 1; l < 4; l++) {
                    int step = s / pow5(l - 1) % STEPS - 2;
                    hs[l] = hs[l - 1] - step;
                    ok &= hs[l] >= 0 && hs[l] < HEIGHTS;
                }
                int e = 0, mx = 0;
                for (int l = 0; l < 4 && ok; l++) {
                    int c = hs[l];
                    if (c == 1 && l == 0) { e++; continue; } // one entry: passed on at level 0
                    if (c < 2) continue;
                    for (int at = c * HeightsSum.SPAN, end = at + HeightsSum.NPACK[0][c]; at < end; at++) {
                        int p = HeightsSum.PACK[0][at];
                        if ((p & 7) != l) continue;
                        e += p >>> 5;
                        mx = Math.max(mx, p >>> 3 & 3);
                    }
                }
                FIRST[h0 * STEPS * STEPS * STEPS + s] = ok ? e | mx << 8 : -1;
            }
        }
    }

    private static int pow5(int k) {
        return k == 0 ? 1 : k == 1 ? STEPS : STEPS * STEPS;
    }

    /** Heights in, at {@code h[PAD + j]} (the caller writes columns 0 .. top - 1; the padding stays 0). */
    final long[] h = new long[PAD + COLS];
    /** The first round's output (padded as h) and levels; the last round's (from 0). */
    final long[] mid = new long[PAD + COLS], fin = new long[COLS];
    final int[] midMax = new int[PAD + COLS];
    /**
     * The last round's highest level so far: at column t the highest level of any entry in columns 0 .. t (each
     * column's count puts its highest entry in its own column). The final stage reads levels only as that running
     * highest and, while one entry is all, the level of that entry, which this is too ({@code RopeRowTest}).
     */
    final int[] finMax = new int[COLS];
    /** Per column, how many counts' entries stop below it (the last round's columns, as a difference array). */
    private final long[] ends = new long[COLS + 1];
    /** Both rounds' gates per level, wires, whether a group made a gate. */
    final long[] perLevel = new long[8];
    long wires;
    boolean anyGroupGates;

    /**
     * The rounds over columns 0 .. top - 1 (top at most COLS); false where a height passes the table or moves by
     * more than 2 a column (the caller declines).
     */
    boolean run(int top) {
        java.util.Arrays.fill(perLevel, 0);
        wires = 0; // clipped columns add to it as they come
        long g1 = 0, g2 = 0, w = 0, most = 0, midMost = 0;
        int[] reach = HeightsSum.REACH[0];
        long[] G1 = HeightsSum.G1[0], G2 = HeightsSum.G2[0], W = HeightsSum.W[0];
        for (int t = 0; t < top; t++) {
            int c = (int) h[PAD + t], c1 = (int) h[PAD + t - 1], c2 = (int) h[PAD + t - 2], c3 = (int) h[PAD + t - 3];
            int s0 = c - c1 + 2, s1 = c1 - c2 + 2, s2 = c2 - c3 + 2;
            if (c >= HEIGHTS || (s0 | s1 | s2) >>> 31 != 0 || s0 >= STEPS || s1 >= STEPS || s2 >= STEPS) return false;
            int f = FIRST[c * STEPS * STEPS * STEPS + s0 + STEPS * (s1 + STEPS * s2)];
            long e = f & 0xff;
            mid[PAD + t] = e;
            midMax[PAD + t] = f >>> 8;
            midMost = Math.max(midMost, e);
            most = Math.max(most, c);
            if (t + reach[c] <= top) {
                g1 += G1[c];
                g2 += G2[c];
                w += W[c];
            } else {
                int cut = HeightsSum.CUT[c], groups = cut & 0x3ff, base = cut >>> 10 & 0x3ff, extra = cut >>> 20;
                clipped(extra, base + 1, 0, t, top);
                clipped(groups - extra, base, 0, t, top);
            }
        }
        if (midMost >= HeightsSum.EFFECTS) return false;
        anyGroupGates = most >= 2 || midMost >= 2; // a column of two or more makes a group of two or more
        perLevel[1] += g1;
        perLevel[2] += g2;
        wires += w;
        reach = HeightsSum.REACH[1];
        G1 = HeightsSum.G1[1];
        G2 = HeightsSum.G2[1];
        W = HeightsSum.W[1];
        java.util.Arrays.fill(ends, 0, top + 1, 0);
        long covering = 0;
        int most2 = 0;
        for (int t = 0; t < top; t++) {
            int c = (int) mid[PAD + t];
            if (c > 0) {
                covering++; // column t's count puts one entry in each of columns t .. t + bits(c) - 1
                ends[Math.min(top, t + 32 - Integer.numberOfLeadingZeros(c))]++;
                most2 = Math.max(most2, midMax[PAD + t] + (c >= 2 ? 2 : 0)); // its highest entry, at column t
            }
            covering -= ends[t];
            fin[t] = covering;
            finMax[t] = most2;
            if (c < 2) continue;
            int lv = midMax[PAD + t];
            if (t + reach[c] <= top) {
                perLevel[lv + 1] += G1[c];
                perLevel[lv + 2] += G2[c];
                wires += W[c];
            } else clipped(1, c, lv, t, top);
        }
        return true;
    }

    /** HeightsSum.groups' gates and wires for q groups of {@code size} at lv in column j, bits past the top not made. */
    private void clipped(long q, long size, int lv, int j, int top) {
        if (q == 0 || size == 1) return;
        perLevel[lv + 1] += q * size;
        wires += q * size * size;
        int bitGates = ColumnCut.bitGates(size, Math.min(top - j, 64 - Long.numberOfLeadingZeros(size)));
        perLevel[lv + 2] += q * bitGates;
        wires += q * ColumnCut.bitGatesFanIn(size, bitGates);
    }
}
