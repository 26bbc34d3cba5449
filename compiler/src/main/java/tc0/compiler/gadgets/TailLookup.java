package tc0.compiler.gadgets;

import tc0.circuits.Literal;

/**
 * A table lookup whose table is the identity from some code up: RELU from 0, and GELU, SiLU and softplus
 * from where the function rounds to {@code x}. A plain {@link Lookup} spends a comparator on every code of
 * that tail (each step changes bit 0), {@code 2^(w-1)} of them for RELU; here the tail's codes are the
 * input's own bits, gated by one comparator {@code g = [x >= h]} ({@code g} is the negated sign bit, no gate,
 * when {@code h = 0}). Depth 2, as {@link Lookup}.
 *
 * <p>Let {@code L} be the table below {@code h} and 0 from {@code h} up. Level 1: the comparators at
 * {@code L}'s breakpoints below {@code h}, and {@code g}. Level 2, per output bit b: where bit b is the same
 * on the whole tail, the step function of {@code L} with the tail's bit at {@code h}, as {@link Lookup#stepBits};
 * otherwise {@code [g + x_b + 2 L_b >= 2]}, where {@code L_b = base_b + sum_i d_b(i) [x >= lo + i]} is the
 * 0/1 step sum of {@code L}'s bit b (zero where {@code g} is 1): one gate of fan-in 2 plus {@code L_b}'s changes.
 */
public final class TailLookup {
    /** The shortest tail worth its comparator: below it a plain lookup is as cheap. */
    static final int MIN_TAIL = 3;

    private TailLookup() {}

    /**
     * The first index {@code h} with {@code table[i] == lo + i} for every {@code i >= h}, where the table is
     * indexed by {@code code - lo} of a {@code w}-bit signed word ({@code lo = -2^(w-1)}); {@code table.length}
     * when the last entry is not its code or the output is not {@code w} bits wide.
     */
    public static int start(long[] table, int inWidth, int outWidth) {
        if (outWidth != inWidth) return table.length;
        long lo = -(1L << (inWidth - 1));
        int h = table.length;
        while (h > 0 && table[h - 1] == lo + h - 1) h--;
        return h;
    }

    /** Whether a tail from {@code h} is used for a table of {@code length} entries. */
    public static boolean pays(long length, long h) {
        return length - h >= MIN_TAIL;
    }

    /**
     * Whether no bit of {@code x} is a constant (a constant folds comparators away: a plain lookup is as
     * cheap). Repeated nodes (a sign-extended word, or bits that hashing merged) are fine: the gates merge them.
     */
    public static boolean noConstantBits(int[] x) {
        for (int l : x) if (Literal.isConstant(l)) return false;
        return true;
    }

    /** Plans by table: {@link Lookup} asks once per element of a tensor, the table is the same for all. */
    static final TablePlans<Plan> PLANS = new TablePlans<>((t, outWidth) -> Plan.of((long[]) t, outWidth));

    /**
     * What {@link #build} makes for one table, worked out once: the comparators' thresholds {@code ts} (the
     * table's breakpoints below {@code h}, then {@code g} when it is a gate), and per output bit b either a
     * constant ({@code reads[b] == null}) or one gate {@code [sum_j weights[b][j] s_j >= threshold[b]]} over
     * sources {@code reads[b][j]}: comparator j, {@link #G} for {@code g}, {@link #X} for the input's bit b.
     */
    record Plan(int h, boolean pays, long[] ts, boolean gIsGate, int[][] reads, long[][] weights, long[] threshold, long[] constant) {
        static final int G = -1, X = -2;

        static Plan of(long[] table, int outWidth) {
            int w = Integer.numberOfTrailingZeros(table.length);
            int h = start(table, w, outWidth);
            if (!TailLookup.pays(table.length, h) || h == 0) return new Plan(h, TailLookup.pays(table.length, h), null, false, null, null, null, null);
            long lo = -(1L << (w - 1)), tailLo = lo + h, tailHi = -lo - 1;
            int nb = 0;
            for (int i = 1; i < h; i++) if (table[i] != table[i - 1]) nb++;
            boolean gIsGate = tailLo != 0;
            long[] ts = new long[gIsGate ? nb + 1 : nb];
            int[] slot = new int[h + 1]; // the source of [x >= lo + i]: its comparator, or g at h
            nb = 0;
            for (int i = 1; i < h; i++) if (table[i] != table[i - 1]) { slot[i] = nb; ts[nb++] = lo + i; }
            if (gIsGate) ts[nb] = tailLo;
            slot[h] = G;
            int[][] reads = new int[w][];
            long[][] weights = new long[w][];
            long[] threshold = new long[w], constant = new long[w];
            int[] r = new int[h + 2];
            long[] d = new long[h + 2];
            for (int b = 0; b < w; b++) {
                long base = table[0] >>> b & 1;
                boolean varies = tailLo >> b != tailHi >> b;
                long atH = varies ? 0 : tailLo >>> b & 1; // L's bit at h, or the tail's constant bit
                int k = 0;
                boolean changesAtH = false;
                for (int i = 1; i <= h; i++) {
                    long di = (i < h ? table[i] >>> b & 1 : atH) - (table[i - 1] >>> b & 1);
                    if (di != 0) { r[k] = slot[i]; d[k] = di; k++; changesAtH = i == h; }
                }
                if (!varies) {
                    if (k == 0) constant[b] = base;
                    else { reads[b] = java.util.Arrays.copyOf(r, k); weights[b] = java.util.Arrays.copyOf(d, k); threshold[b] = 1 - base; }
                    continue;
                }
                for (int j = 0; j < k; j++) d[j] *= 2;
                int n = k;
                if (changesAtH) d[k - 1] += 1; // g is also L's last change (at h)
                else { r[n] = G; d[n] = 1; n++; }
                r[n] = X;
                d[n] = 1;
                n++;
                reads[b] = java.util.Arrays.copyOf(r, n);
                weights[b] = java.util.Arrays.copyOf(d, n);
                threshold[b] = 2 - 2 * base;
            }
            return new Plan(h, true, ts, gIsGate, reads, weights, threshold, constant);
        }
    }

    /** {@code table[code - lo]} of the signed word {@code x}, by the table's plan (its entries from {@code h} on are their codes). */
    static int[] build(Net net, int[] x, Plan p) {
        int w = x.length;
        if (p.h() == 0) return x.clone();
        LinearForm v = new LinearForm().addWord(x, 1);
        // One bank of comparators, in the order one-by-one gates would come: the breakpoints below h, then g.
        int[] cmp = new int[p.ts().length];
        v.atLeastAll(net, p.ts(), 0, cmp.length, cmp);
        int g = p.gIsGate() ? cmp[cmp.length - 1] : Literal.not(x[w - 1]); // [x >= 0] is the negated sign bit
        int[] out = new int[w];
        int longest = 0; // a bit's gate reads at most h + 2 terms, but most read a few: size by what they read
        for (int[] rb : p.reads()) if (rb != null) longest = Math.max(longest, rb.length);
        int[] lits = new int[longest];
        for (int b = 0; b < w; b++) {
            int[] rb = p.reads()[b];
            if (rb == null) { out[b] = p.constant()[b] == 1 ? Literal.TRUE : Literal.FALSE; continue; }
            for (int j = 0; j < rb.length; j++) lits[j] = rb[j] >= 0 ? cmp[rb[j]] : rb[j] == Plan.G ? g : x[b];
            out[b] = net.gate(lits, p.weights()[b], rb.length, p.threshold()[b]);
        }
        return out;
    }

    /** The exact cost of {@link #build} for a {@code w}-bit input word ({@code w >= 2}), from the table, no gate made. */
    static Cost closedCost(long[] table, int h, int w) {
        if (h == 0) return new Cost(0, 0, 0);
        long lo = -(1L << (w - 1)), tailLo = lo + h, tailHi = -lo - 1;
        long gates = 0, wires = 0;
        for (int i = 1; i < h; i++) if (table[i] != table[i - 1]) { gates++; wires += w; }
        boolean gIsGate = tailLo != 0;
        if (gIsGate) { gates++; wires += w; }
        int depth = gates > 0 ? 1 : 0;
        for (int b = 0; b < w; b++) {
            boolean varies = tailLo >> b != tailHi >> b;
            long atH = varies ? 0 : tailLo >>> b & 1;
            long k = 0;
            boolean changesAtH = false, readsComparator = false;
            for (int i = 1; i <= h; i++) {
                long d = (i < h ? table[i] >>> b & 1 : atH) - (table[i - 1] >>> b & 1);
                if (d != 0) { k++; changesAtH = i == h; readsComparator |= i < h || gIsGate; }
            }
            if (!varies && k < 2) continue; // a constant or one comparator's literal
            long fanIn = varies ? k + (changesAtH ? 0 : 1) + 1 : k;
            gates++;
            wires += fanIn;
            depth = Math.max(depth, readsComparator || varies && gIsGate ? 2 : 1);
        }
        return new Cost(depth, gates, wires);
    }
}
