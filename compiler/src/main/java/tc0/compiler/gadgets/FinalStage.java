package tc0.compiler.gadgets;

import java.math.BigInteger;

/**
 * The final stage of {@link WeightedSum#build}'s sum, counted over its columns: per output bit the comparators
 * {@code [V_j >= t 2^j - K_j]}, the saturation gates' terms and the decision what the bit is (a constant, its one
 * comparator, HI, LO, its column's one entry, or a combining gate), with their levels. One routine for every
 * closed count ({@link SumCount}, {@link RepeatedSum}, {@link HeightsSum}); each gives it the last round's
 * columns as heights and levels, and the constant's bits.
 *
 * <p>The comparators of column j number {@code m = (V_j + K_j) >> j}, where {@code V_j = sum_{i <= j} h_i 2^i}
 * and {@code K_j} the constant's bits 0..j. Computed without the sums themselves (which pass 128 bits for wide
 * sums): {@code q_j = V_j >> j} by {@code q_j = (q_{j-1} >> 1) + h_j}, and {@code m = q_j + K's bit j + c_j},
 * where {@code c_j} is the carry out of adding the low j bits of {@code V_j} and of the constant, a ripple carry
 * over their bits {@code q_i & 1} and the constant's bit i. Exact for every width; a long as long as m is one.
 *
 * <p>An instance is scratch reused from call to call (one per thread or per owner): {@link #run} allocates only
 * the three per-bit result arrays.
 */
final class FinalStage {
    /** Gates per level: the caller's array going in, grown here where a level passes it. */
    long[] perLevel;
    /** Gates, wires (past a long into {@link #wiresPast}) and the highest level with a gate, made by the last {@link #run}. */
    long gates, wires;
    BigInteger wiresPast;
    int depth;
    /** As {@link SumCount#modelled} and {@link SumCount#countExact}, for this stage. */
    boolean modelled, countExact;
    /** Per output bit: what it is, its level (-1 a constant), whether it enters inverted. */
    ClosedSum.Kind[] bitKind;
    int[] bitLevel;
    boolean[] bitNegated;

    private static final ThreadLocal<FinalStage> LOCAL = ThreadLocal.withInitial(FinalStage::new);

    /** This thread's instance, for callers that keep no scratch of their own. */
    static FinalStage local() { return LOCAL.get(); }

    /**
     * The final stage over columns {@code 0 .. shift + width - 1}: column j holds {@code height[j]} entries,
     * {@code fresh[j]} of them literals not met in a lower column (the comparators' fan-in counts distinct
     * literals; {@code height} itself where every entry is anonymous), the highest at {@code maxLevel[j]}, the
     * last at {@code lastLevel[j]}. The constant's bits are {@code constLo} (bits 0..63) and {@code constHi}
     * (bits 64..127), the constant in {@code [0, 2^(shift + width))}. {@code hiKind}, {@code loKind}: -1 false,
     * 1 true, 2 a gate at {@code satLevel}. {@code anyGroupGates}: whether compression made a gate.
     * Throws ArithmeticException where a column's comparator count or a level's gates pass a long.
     */
    FinalStage run(long[] perLevel, long[] height, long[] fresh, int[] maxLevel, int[] lastLevel, int shift, int width, long constLo, long constHi,
            int hiKind, int loKind, int satLevel, boolean anyGroupGates) {
        this.perLevel = perLevel;
        gates = 0;
        wires = 0;
        wiresPast = null;
        depth = 0;
        modelled = true;
        countExact = true;
        ClosedSum.Kind[] kind = bitKind = new ClosedSum.Kind[width];
        int[] level = bitLevel = new int[width];
        boolean[] negated = bitNegated = new boolean[width];
        int top = shift + width;
        int lastNonEmpty = -1, lastRead = -1; // columns <= lastRead are read by some comparator
        for (int j = 0; j < top; j++) if (height[j] != 0) lastNonEmpty = j;
        long n = 0, q = 0;
        int carry = 0, maxLv = 0, soleLevel = 0;
        for (int j = 0; j < top; j++) {
            long h = height[j];
            if (h > 0) {
                n += fresh[j];
                maxLv = Math.max(maxLv, maxLevel[j]);
                soleLevel = lastLevel[j];
            }
            q = Math.addExact(q >> 1, h); // V_j >> j
            int kBit = (int) ((j < 64 ? constLo >>> j : constHi >>> (j - 64)) & 1);
            long m = Math.addExact(q, kBit + carry); // comparators [V_j >= t 2^j - K_j] for t = 1..m; those up to t0 are constant 1
            long t0 = Math.min(m, kBit);
            carry = (carry + (int) (q & 1) + kBit) >> 1;
            if (j < shift) continue;
            column(col, m, t0, n, maxLv, soleLevel, j - shift == width - 1, hiKind, loKind, satLevel);
            if (col.read) lastRead = j;
            gate(col.cmp, n, maxLv + 1);
            if (col.kind == ClosedSum.Kind.GATE) gate(1, col.combineFanIn, col.level);
            int b = j - shift;
            kind[b] = col.kind;
            level[b] = col.level;
            negated[b] = col.negated;
            if (col.notModelled) modelled = false;
            if (col.notExact) countExact = false;
        }
        if (lastNonEmpty > lastRead && anyGroupGates) { modelled = false; countExact = false; }
        return this;
    }

    private final Column col = new Column();

    /** What one output column gives (scratch, rewritten by each {@link #column} call). */
    static final class Column {
        /** Comparators (of fan-in n, at level maxLv + 1; 0 where n < 2), and whether any is read. */
        long cmp;
        boolean read;
        /** The bit; where a GATE, its combining gate's fan-in (its level is {@link #level}). */
        ClosedSum.Kind kind;
        int level;
        boolean negated;
        long combineFanIn;
        /** Whether the bit makes the count not modelled, not exact. */
        boolean notModelled, notExact;
    }

    /**
     * Output column with m comparators of which the first t0 are constant 1, n distinct entries up to it (the highest
     * at maxLv, the last at soleLevel): its comparators, combining gate and bit into {@code c}. The one place this
     * decision is made ({@link #run}, {@link StageSweep}).
     */
    static void column(Column c, long m, long t0, long n, int maxLv, int soleLevel, boolean signBit, int hiKind, int loKind, int satLevel) {
        // Terms of the combining gate: (count, weight, level) groups.
        long thr = 1 - (t0 % 2 == 1 ? 1 : 0);
        long plus = 0, minus = 0, termCount = 0;
        int termLevel = 0;
        long rest = m - t0; // comparators t = t0+1 .. m
        long odd = (m + 1) / 2 - (t0 + 1) / 2; // odd t in (t0, m]: weight +1
        long even = rest - odd;
        c.read = n >= 2 && rest > 0;
        c.cmp = 0;
        c.notModelled = c.notExact = false;
        c.negated = false;
        c.combineFanIn = 0;
        if (n >= 2) {
            c.cmp = rest;
            plus += odd;
            minus -= even;
            termCount += rest;
            if (rest > 0) termLevel = maxLv + 1;
        } else if (n == 1 && rest > 0) {
            long w = odd - even;
            if (w != 0) {
                termCount++;
                if (w > 0) plus += w; else minus += w;
                termLevel = soleLevel;
            }
        }
        long wh = signBit ? -2 : 2, wl = -wh;
        if (hiKind == 1) thr -= wh;
        else if (hiKind == 2) { termCount++; if (wh > 0) plus += wh; else minus += wh; termLevel = Math.max(termLevel, satLevel); }
        if (loKind == 1) thr -= wl;
        else if (loKind == 2) { termCount++; if (wl > 0) plus += wl; else minus += wl; termLevel = Math.max(termLevel, satLevel); }
        if (minus >= thr || plus < thr) {
            c.level = -1;
            c.kind = minus >= thr ? ClosedSum.Kind.TRUE : ClosedSum.Kind.FALSE;
            if (termCount > 0) c.notModelled = c.notExact = true; // its comparators (or hi, lo) may be dead
        } else if (termCount == 1) {
            c.level = termLevel;
            if (n >= 2 && rest == 1) { c.kind = ClosedSum.Kind.COMPARATOR; c.negated = plus == 0; }
            else if (hiKind == 2) { c.kind = ClosedSum.Kind.HI; c.negated = wh < 0; }
            else if (loKind == 2) { c.kind = ClosedSum.Kind.LO; c.negated = wl > 0; }
            else { c.kind = ClosedSum.Kind.SOLE; c.notModelled = true; }
        } else {
            c.combineFanIn = termCount;
            c.level = termLevel + 1;
            c.kind = ClosedSum.Kind.GATE;
        }
    }

    private void gate(long count, long fanIn, int lv) {
        if (count == 0) return;
        if (lv >= perLevel.length) perLevel = java.util.Arrays.copyOf(perLevel, Math.max(lv + 1, perLevel.length * 2));
        perLevel[lv] = Math.addExact(perLevel[lv], count);
        gates = Math.addExact(gates, count);
        depth = Math.max(depth, lv);
        long hi = Math.multiplyHigh(count, fanIn), lo = count * fanIn;
        if (hi == 0 && lo >= 0) {
            long s = wires + lo;
            if (s >= 0) { wires = s; return; }
        }
        BigInteger w = BigInteger.valueOf(count).multiply(BigInteger.valueOf(fanIn));
        wiresPast = wiresPast == null ? w : wiresPast.add(w);
    }
}
