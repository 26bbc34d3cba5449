package tc0.compiler.gadgets;

/**
 * {@link FinalStage} for the two sums of a RoPE pair over plain words ({@link RopeRow}), both in one pass. The two
 * sums {@code c x - s y} and {@code s x + c y} have the same last-round columns (heights, every entry anonymous:
 * fresh = heights; one level a column: last = highest) and differ only in the constant and the saturation kinds,
 * so what FinalStage keeps per column ({@code n}, the highest level, {@code V_j >> j}) is worked out once and only
 * the constant's carry and the bit's decision run per sum ("lane" 0 and 1). Results go to primitive arrays reused
 * from call to call: gates per level, wires, and per output bit the byte {@code OutputShapes}' key holds (kind
 * ordinal, negated 8, level << 4; a constant's level 0). Equal to {@link FinalStage#run} lane by lane
 * ({@code RopeFinalStageTest}) where {@link #fits}.
 *
 * <p>Bounds: the constants below 2^62 (top at most 62 columns), heights below 2^20, so no sum here passes a long;
 * width at most 32 (the key's four longs). Where a level passes {@link #LEVELS} or a bit's level 15, {@link #fits}
 * is false and the figures are not to be read.
 */
final class RopeFinalStage {
    /** Levels the gate arrays hold, per lane. */
    static final int LEVELS = 16;
    /** Gates of lane l at level v at {@code [l * LEVELS + v]}, this stage's own (cleared per call). */
    final long[] perLevel = new long[2 * LEVELS];
    final long[] wires = new long[2];
    /** Lane l's output bits, a byte a bit, eight a long: {@code key[4 l .. 4 l + 3]}. */
    final long[] key = new long[8];
    final boolean[] modelled = new boolean[2], countExact = new boolean[2];
    /** Whether every gate sits below {@link #LEVELS}, every bit's level below 16 and the width at most 32. */
    boolean fits;

    private final int[] lastRead = new int[2];

    /**
     * As {@code FinalStage.run(gates, height, height, maxLevel, maxLevel, shift, width, k_l, 0, hi_l, lo_l, satLevel,
     * anyGroupGates)} for lanes l = 0, 1, less the gates the caller's array held before.
     */
    RopeFinalStage run(long[] height, int[] maxLevel, int shift, int width, long k0, long k1, int hi0, int lo0, int hi1, int lo1, int satLevel,
            boolean anyGroupGates) {
        java.util.Arrays.fill(perLevel, 0);
        java.util.Arrays.fill(key, 0);
        wires[0] = wires[1] = 0;
        modelled[0] = modelled[1] = countExact[0] = countExact[1] = true;
        lastRead[0] = lastRead[1] = -1;
        int top = shift + width;
        fits = width <= 32 && top <= 62;
        if (!fits) return this;
        int lastNonEmpty = -1, carry0 = 0, carry1 = 0, maxLv = 0, soleLevel = 0;
        // Per lane: the saturation gates a combining gate adds as terms (0, 1, 2), -1 where one is constant true (the slow path).
        int fast0 = hi0 == 1 || lo0 == 1 ? -1 : (hi0 == 2 ? 1 : 0) + (lo0 == 2 ? 1 : 0);
        int fast1 = hi1 == 1 || lo1 == 1 ? -1 : (hi1 == 2 ? 1 : 0) + (lo1 == 2 ? 1 : 0);
        long n = 0, q = 0;
        for (int j = 0; j < top; j++) {
            long h = height[j];
            if (h > 0) {
                n += h;
                int lv = maxLevel[j];
                if (lv > maxLv) maxLv = lv;
                soleLevel = lv;
                lastNonEmpty = j;
            }
            q = (q >> 1) + h; // V_j >> j, shared
            int qb = (int) (q & 1), kb0 = (int) (k0 >>> j & 1), kb1 = (int) (k1 >>> j & 1);
            long m0 = q + kb0 + carry0, m1 = q + kb1 + carry1; // comparators t = 1 .. m, those up to kBit constant 1
            carry0 = (carry0 + qb + kb0) >> 1;
            carry1 = (carry1 + qb + kb1) >> 1;
            if (j < shift) continue;
            boolean sign = j - shift == width - 1;
            int b = j - shift;
            long rest0 = m0 - kb0, rest1 = m1 - kb1;
            // Most bits: two comparators or more over two entries or more, no saturation gate true: a combining gate.
            if (n >= 2 && rest0 >= 2 && fast0 >= 0) gateBit(0, j, b, rest0, n, maxLv, fast0, satLevel);
            else bit(0, j, b, m0, kb0, n, maxLv, soleLevel, hi0, lo0, satLevel, sign);
            if (n >= 2 && rest1 >= 2 && fast1 >= 0) gateBit(1, j, b, rest1, n, maxLv, fast1, satLevel);
            else bit(1, j, b, m1, kb1, n, maxLv, soleLevel, hi1, lo1, satLevel, sign);
        }
        for (int l = 0; l < 2; l++) if (lastNonEmpty > lastRead[l] && anyGroupGates) modelled[l] = countExact[l] = false;
        return this;
    }

    /**
     * {@link #bit} where n >= 2, rest >= 2 and no saturation kind is 1: {@code thr = 1 - t0 <= 1}, plus >= odd >= 1
     * and minus <= -even <= -1, so the bit is never constant and has at least two terms -- a combining gate over the
     * rest comparators (at maxLv + 1) and {@code sat} saturation gates (at satLevel).
     */
    private void gateBit(int l, int j, int b, long rest, long n, int maxLv, int sat, int satLevel) {
        lastRead[l] = j;
        int cmp = maxLv + 1, termLevel = sat > 0 ? Math.max(cmp, satLevel) : cmp, level = termLevel + 1;
        if (level >= LEVELS) { fits = false; return; }
        int at = l * LEVELS;
        perLevel[at + cmp] += rest;
        perLevel[at + level] += 1;
        wires[l] += rest * n + rest + sat;
        if (level > 15) fits = false;
        key[4 * l + (b >> 3)] |= (long) (ClosedSum.Kind.GATE.ordinal() | level << 4) << ((b & 7) * 8);
    }

    private final FinalStage.Column col = new FinalStage.Column();

    /** Output bit b (column j) of lane l: {@link FinalStage#column}'s decision, with {@code t0} = the constant's bit. */
    private void bit(int l, int j, int b, long m, int t0, long n, int maxLv, int soleLevel, int hiKind, int loKind, int satLevel, boolean sign) {
        FinalStage.Column c = col;
        FinalStage.column(c, m, t0, n, maxLv, soleLevel, sign, hiKind, loKind, satLevel);
        if (c.read) lastRead[l] = j;
        gate(l, c.cmp, n, maxLv + 1);
        if (c.kind == ClosedSum.Kind.GATE) gate(l, 1, c.combineFanIn, c.level);
        if (c.notModelled) modelled[l] = false;
        if (c.notExact) countExact[l] = false;
        int level = c.level < 0 ? 0 : c.level; // a constant: level not in the key
        if (level > 15) fits = false;
        key[4 * l + (b >> 3)] |= (long) (c.kind.ordinal() | (c.negated ? 8 : 0) | (level & 15) << 4) << ((b & 7) * 8);
    }

    private void gate(int l, long count, long fanIn, int lv) {
        if (count == 0) return;
        if (lv >= LEVELS) { fits = false; return; }
        perLevel[l * LEVELS + lv] += count;
        wires[l] += count * fanIn;
    }

    /** Lane l's bit b as FinalStage gives it: kind, level (-1 a constant), negated. */
    static ClosedSum.Kind kindOf(long[] key, int l, int b) {
        return ClosedSum.Kind.values()[(int) (key[4 * l + (b >> 3)] >>> ((b & 7) * 8)) & 7];
    }

    static int levelOf(long[] key, int l, int b) {
        ClosedSum.Kind k = kindOf(key, l, b);
        return k == ClosedSum.Kind.TRUE || k == ClosedSum.Kind.FALSE ? -1 : (int) (key[4 * l + (b >> 3)] >>> ((b & 7) * 8 + 4)) & 15;
    }

    static boolean negatedOf(long[] key, int l, int b) {
        return (key[4 * l + (b >> 3)] >>> ((b & 7) * 8) & 8) != 0;
    }
}
