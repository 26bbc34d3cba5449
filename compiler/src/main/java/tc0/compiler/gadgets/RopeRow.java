package tc0.compiler.gadgets;

/**
 * One row of RoPE's plain rows ({@code RopePlainRows}: a rotated pair over plain words at level 0, two rounds) in
 * one pass over its columns: heights, both rounds ({@link RopeRounds}: HeightsSum's tables, gathered),
 * the checks {@link Rope#pairSums} makes, and both sums' final stages at once ({@link RopeFinalStage}), giving
 * what {@code RopePlainRows} keeps of the row -- gates per level, wires, the rounds' {@code joined} mask, each
 * sum's output-shape key -- without a {@link ClosedSum}, a {@link HeightsSum} or an array per row. Where the row
 * leaves the common case (no closed form by heights, a number near a long's bounds, a level past the arrays)
 * {@link #count} says {@link #DECLINED} and the caller counts the row as before; {@code RopeRowTest} holds the two
 * equal row by row. One instance per thread.
 */
public final class RopeRow {
    /** Levels {@link #gates} holds (a row's gates past them: declined). */
    public static final int LEVELS = 8;
    /** {@link #count}: the row is the caller's to count the old way. */
    public static final int DECLINED = -1;

    /** Both sums' gates per level (levels 1 .. LEVELS - 1; only a sum with gates counts), of the last counted row. */
    public final int[] gates = new int[LEVELS];
    /** Both sums' wires (a sum without gates adds none), and the rounds' joined mask ({@link Rope#lowTops}). */
    public long wires, joined;

    private final RopeFinalStage stage = new RopeFinalStage();
    private final RopeRounds rounds = new RopeRounds();
    private static final int PAD = RopeRounds.PAD;

    /** Sum o's output-shape key ({@code OutputShapes}): four longs from {@code key()[4 o]}. */
    public long[] key() { return stage.key; }

    /**
     * The row with codes (c, s) (already times the format factor) over words w bits wide, read at {@code shift},
     * {@code width} bits: 0 (no gate), 1 (gates; reads both words) or 3 (a sum not claimed exact), as
     * {@code RopePlainRows} marks it, or {@link #DECLINED}. Where 0 or 1, {@link #gates}, {@link #wires},
     * {@link #joined} and {@link #key()} hold the row; where 3, {@link #joined}.
     */
    public int count(long c, long s, int w, int shift, int width) {
        if (w < 2 || w > 62 || c == Long.MIN_VALUE || s == Long.MIN_VALUE) return DECLINED;
        long ac = Math.abs(c), as = Math.abs(s);
        int top = shift + width, bits = 64 - Long.numberOfLeadingZeros(ac | as);
        if ((ac | as) == 0 || bits + w > 60 || top > SumCount.BUILT_TOP || width > 32) return DECLINED;
        int cols = bits + w - 1, hs = Math.min(cols, top);
        long[] h = rounds.h, mid = rounds.mid, fin = rounds.fin;
        for (int j = 0; j < hs; j++) {
            long win = Rope.window(j, w);
            h[PAD + j] = Long.bitCount(ac & win) + Long.bitCount(as & win);
        }
        java.util.Arrays.fill(h, PAD + hs, PAD + top, 0);
        if (!rounds.run(top)) return DECLINED;
        long mask = 0;
        for (int j = w - 1; j < hs; j++) if (mid[PAD + j] >= 2) mask |= 1L << (j - w + 1);
        joined = mask;
        if (!Rope.survivorsDistinct(h, mid, PAD, hs, ac, as, w) || !Rope.survivorsDistinct(h, mid, PAD, hs, as, ac, w)) return DECLINED;
        long umax = (ac + as) * ((1L << w) - 1), distinct = (c != 0 ? w : 0) + (s != 0 ? w : 0);
        long const0 = Rope.negatives(c, w) + Rope.negatives(-s, w), const1 = Rope.negatives(s, w) + Rope.negatives(c, w);
        long half = shift > 0 ? 1L << (shift - 1) : 0, bound = 1L << (width - 1 + shift);
        int hi0, lo0, hi1, lo1;
        long k0, k1;
        try { // HeightsSum.finalStage's thresholds: past a long there, declined here
            Math.addExact(const0, half);
            Math.addExact(const1, half);
            hi0 = kind(Math.subtractExact(Math.subtractExact(bound, const0), half), umax);
            lo0 = -kind(Math.subtractExact(Math.subtractExact(-bound, const0), half), umax);
            hi1 = kind(Math.subtractExact(Math.subtractExact(bound, const1), half), umax);
            lo1 = -kind(Math.subtractExact(Math.subtractExact(-bound, const1), half), umax);
        } catch (ArithmeticException e) {
            return DECLINED;
        }
        if (lo0 == -2) lo0 = 2;
        if (lo1 == -2) lo1 = 2;
        k0 = Math.floorMod(const0 + half, 1L << top);
        k1 = Math.floorMod(const1 + half, 1L << top);
        long v = Math.max(k0, k1); // HeightsSum's test that the final stage's column sums stay below 2^62
        for (int j = 0; j < top; j++) {
            long x = fin[j];
            if (x == 0) continue;
            if (64 - Long.numberOfLeadingZeros(x) + j > 61) return DECLINED;
            v += x << j;
            if (v >>> 62 != 0) return DECLINED;
        }
        RopeFinalStage st = stage.run(fin, rounds.finMax, shift, width, k0, k1, hi0, lo0, hi1, lo1, 1, rounds.anyGroupGates);
        if (!st.fits) return DECLINED;
        if (!st.modelled[0] || !st.modelled[1]) return 3;
        java.util.Arrays.fill(gates, 0);
        long wiresHere = 0;
        boolean made = false;
        for (int o = 0; o < 2; o++) {
            int sat = (o == 0 ? (hi0 == 2 ? 1 : 0) + (lo0 == 2 ? 1 : 0) : (hi1 == 2 ? 1 : 0) + (lo1 == 2 ? 1 : 0));
            boolean here = false;
            for (int l = 1; l < RopeFinalStage.LEVELS; l++) {
                long g = st.perLevel[o * RopeFinalStage.LEVELS + l] + (l < rounds.perLevel.length ? rounds.perLevel[l] : 0) + (l == 1 ? sat : 0);
                if (g == 0) continue;
                if (l >= LEVELS) return DECLINED;
                gates[l] += (int) g;
                here = true;
            }
            if (here) wiresHere += rounds.wires + sat * distinct + st.wires[o];
            made |= here;
        }
        wires = wiresHere;
        return made ? 1 : 0;
    }

    /** A saturation gate's kind from its threshold: 1 true, -1 false, 2 a gate (HeightsSum.finalStage's). */
    private static int kind(long thr, long umax) {
        return thr <= 0 ? 1 : umax < thr ? -1 : 2;
    }
}
