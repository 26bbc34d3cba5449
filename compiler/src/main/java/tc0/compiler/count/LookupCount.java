package tc0.compiler.count;

/**
 * The exact cost of {@code Lookup.build(net, form, lo, table, outWidth)} from the table's change points and the
 * form's summary, without making a gate: comparators {@code [form >= lo + i]} at the breakpoints i that the
 * form's range does not fold (one gate each of fan-in = the form's terms, when it has two or more), then per
 * output bit one gate over the comparators where it changes, unless it changes at most once in that range
 * (then it is a constant or a comparator). A form of one term makes no gate: every comparator is that term.
 */
final class LookupCount {
    private LookupCount() {}

    /** Counts into {@code into}; returns the output word's class. {@code flags[0]} set when an output bit is the form's own term. */
    static ElemClass count(FormSummary f, TableStats t, long lo, Profile into, boolean[] flags) {
        int w = t.outWidth();
        long last = t.length - 1;
        int[] bits = new int[w];
        if (f.terms == 0) return constantWord(t.value(clamp(f.constant - lo, last)), w);
        long ilo = f.min - lo, ihi = f.max - lo;
        if (f.terms == 1) {
            // The term x or not x: the value at its two ends.
            long v0 = t.value(clamp(ilo, last)), v1 = t.value(clamp(ihi, last));
            boolean up = f.soleWeight > 0; // x = 1 gives the max
            int[] lv = {f.soleLevel};
            for (int b = 0; b < w; b++) {
                long b0 = v0 >>> b & 1, b1 = v1 >>> b & 1;
                if (b0 == b1) bits[b] = b0 == 1 ? ElemClass.TRUE : ElemClass.FALSE;
                else { bits[b] = (up ? (b1 == 1 ? 0 : 1) : (b0 == 1 ? 0 : 1)); flags[0] = true; }
            }
            return ElemClass.of(bits, lv);
        }
        long from = Math.max(ilo, 0), to = Math.min(ihi, last);
        return steps(t, from, to, f.level + 1, f.terms, into);
    }

    /**
     * {@code Lookup.stepBits} over indicators {@code ge[i]} that are constant 1 for {@code i <= from}, constant 0
     * for {@code i > to}, and otherwise gates (fan-in {@code fanIn}, level {@code cmpLevel}) built only at the
     * table's breakpoints: counts those gates and the bits' gates; returns the output word's class.
     */
    static ElemClass steps(TableStats t, long from, long to, int cmpLevel, long fanIn, Profile into) {
        return steps(t, from, to, cmpLevel).addTo(into, fanIn, cmpLevel);
    }

    /**
     * As {@link #steps(TableStats, long, long, int, long, Profile)}, remembered per table and range: for tables
     * that {@link TableStats} itself keeps ({@link TableStats#ramp}), read by many sums that differ only in fan-in
     * (a causal softmax's stage 3 over lines of lengths 1 .. n mostly has one range).
     */
    static ElemClass sharedSteps(TableStats t, long from, long to, int cmpLevel, long fanIn, Profile into) {
        return sharedSteps(t, from, to, cmpLevel).addTo(into, fanIn, cmpLevel);
    }

    /** The remembered steps themselves (what {@link SoftmaxRows} sums over lines that share them). */
    static Steps sharedSteps(TableStats t, long from, long to, int cmpLevel) {
        StepsKey key = new StepsKey(t, from, to, cmpLevel);
        Steps s = STEPS.get(key);
        if (s == null) {
            s = steps(t, from, to, cmpLevel);
            if (STEPS.size() >= STEPS_LIMIT) STEPS.clear();
            STEPS.put(key, s);
        }
        return s;
    }

    /**
     * What {@link #steps(TableStats, long, long, int, long, Profile)} makes apart from the comparators' fan-in: how
     * many comparators, the fan-ins of the bits' gates, the output class. Kept per table and range (a causal
     * softmax's lines of lengths 1 .. n mostly share their stage-3 range and differ only in fan-in).
     */
    record Steps(long comparators, long[] bitGateFanIns, ElemClass out) {
        ElemClass addTo(Profile into, long fanIn, int cmpLevel) {
            into.gates(comparators, fanIn, cmpLevel);
            for (long k : bitGateFanIns) into.gates(1, k, cmpLevel + 1);
            return out;
        }
    }

    private record StepsKey(TableStats t, long from, long to, int cmpLevel) {}

    private static final java.util.Map<StepsKey, Steps> STEPS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int STEPS_LIMIT = 1 << 16;

    private static Steps steps(TableStats t, long from, long to, int cmpLevel) {
        int w = t.outWidth();
        int[] bits = new int[w];
        long comparators = t.breaks(from, to);
        long[] fanIns = new long[w];
        int gates = 0;
        long base = t.value(clamp(from, t.length - 1));
        int[] levels = new int[w];
        java.util.Map<Long, Integer> slotOfBreak = new java.util.HashMap<>();
        int slots = 0;
        for (int b = 0; b < w; b++) {
            long k = t.changes(b, from, to);
            long bv = base >>> b & 1;
            if (k == 0) { bits[b] = bv == 1 ? ElemClass.TRUE : ElemClass.FALSE; continue; }
            if (k == 1) {
                long i = t.firstChange(b, from);
                Integer s = slotOfBreak.get(i);
                if (s == null) { s = slots++; slotOfBreak.put(i, s); levels[s] = cmpLevel; }
                bits[b] = s << 1 | (int) bv; // 0 -> 1 at i: the comparator; 1 -> 0: its negation
                continue;
            }
            fanIns[gates++] = k;
            levels[slots] = cmpLevel + 1;
            bits[b] = slots++ << 1;
        }
        return new Steps(comparators, java.util.Arrays.copyOf(fanIns, gates), ElemClass.of(bits, java.util.Arrays.copyOf(levels, slots)));
    }

    private static long clamp(long i, long last) {
        return Math.max(0, Math.min(i, last));
    }

    private static ElemClass constantWord(long v, int w) {
        return ElemClass.constant(v, w);
    }
}
