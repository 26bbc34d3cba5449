package tc0.compiler.gadgets;

import tc0.circuits.Literal;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Table;
import tc0.compiler.numerics.UnaryFunction;

/**
 * Table lookup of a unary function, depth 2. Every output bit is a step function of the input code; its
 * steps are at the breakpoints {@code a} where the table changes. Level 1: one comparator {@code [x >= a]}
 * per breakpoint where any output bit changes (one gate, fan-in {@code w}), shared by all output bits.
 * Level 2: output bit b is {@code [sum_a d_b(a) [x >= a] >= 1 - base_b]} over the breakpoints where bit b
 * changes ({@code d = ±1}; the partial sums stay in {0, 1}), {@code base_b} its value at the smallest code.
 * A bit that never changes is a constant; one that changes once is its comparator (depth 1).
 * Cost: at most {@code 2^w - 1} comparators of fan-in w plus one gate per output bit.
 */
public final class Lookup {
    private Lookup() {}

    /**
     * {@code table[code - minCode]} of the signed word {@code x}, as a word of {@code outWidth} bits; a table
     * that is the identity from some code up (RELU, GELU, ...) is built as a {@link TailLookup} when no bit
     * of the word is a constant.
     */
    public static int[] build(Net net, int[] x, long[] table, int outWidth) {
        int w = x.length;
        if (table.length != 1L << w) throw new IllegalArgumentException("table of " + table.length + " entries for a " + w + "-bit input");
        TailLookup.Plan tail = TailLookup.PLANS.of(table, outWidth);
        if (tail.pays() && TailLookup.noConstantBits(x)) return TailLookup.build(net, x, tail);
        return build(net, new LinearForm().addWord(x, 1), -(1L << (w - 1)), table, outWidth);
    }

    /**
     * {@code table[v - lo]} where {@code v} is the value of a linear form known to lie in
     * {@code [lo, lo + table.length - 1]}: comparators {@code [v >= a]} (one gate each) at the breakpoints,
     * then {@link #stepBits}. Depth 2.
     */
    public static int[] build(Net net, LinearForm v, long lo, long[] table, int outWidth) {
        Steps steps = STEPS.of(table, outWidth);
        int k = steps.at.length;
        long[] ts = new long[k];
        for (int j = 0; j < k; j++) ts[j] = lo + steps.at[j];
        int[] cmp = new int[k];
        v.atLeastAll(net, ts, 0, k, cmp); // in order of a: the gates atLeast would make one by one
        return steps.bits(net, cmp);
    }

    private static final TablePlans<Steps> STEPS = new TablePlans<>((t, w) -> Steps.of((long[]) t, w));
    private static final TablePlans<long[]> CODES = new TablePlans<>((t, w) -> ((Table) t).codes());

    /**
     * Where a table changes ({@code at}: the indices {@code i >= 1} with {@code values[i] != values[i - 1]},
     * increasing) and, per output bit b, the step sum that makes it: {@code [sum_j weights[b][j] cmp[reads[b][j]]
     * >= 1 - base_b]} over the changes of bit b ({@code cmp[j]} the comparator at {@code at[j]}). Worked out once
     * per table ({@link TablePlans}).
     */
    private record Steps(int[] at, int[][] reads, long[][] weights, long[] base) {
        static Steps of(long[] values, int outWidth) {
            int n = 0;
            for (int i = 1; i < values.length; i++) if (values[i] != values[i - 1]) n++;
            int[] at = new int[n];
            n = 0;
            for (int i = 1; i < values.length; i++) if (values[i] != values[i - 1]) at[n++] = i;
            int[][] reads = new int[outWidth][];
            long[][] weights = new long[outWidth][];
            long[] base = new long[outWidth];
            int[] r = new int[at.length];
            long[] d = new long[at.length];
            for (int b = 0; b < outWidth; b++) {
                base[b] = values[0] >>> b & 1;
                int k = 0;
                for (int j = 0; j < at.length; j++) { // a bit can change only where the value does
                    int i = at[j];
                    long dj = (values[i] >>> b & 1) - (values[i - 1] >>> b & 1);
                    if (dj != 0) { r[k] = j; d[k] = dj; k++; }
                }
                reads[b] = java.util.Arrays.copyOf(r, k);
                weights[b] = java.util.Arrays.copyOf(d, k);
            }
            return new Steps(at, reads, weights, base);
        }

        /** The output bits, given the comparator {@code cmp[j]} at each change {@code at[j]}. */
        int[] bits(Net net, int[] cmp) {
            int[] out = new int[reads.length];
            int[] lits = new int[at.length];
            for (int b = 0; b < out.length; b++) {
                int[] rb = reads[b];
                for (int j = 0; j < rb.length; j++) lits[j] = cmp[rb[j]];
                out[b] = rb.length == 0 ? (base[b] == 1 ? Literal.TRUE : Literal.FALSE) : net.gate(lits, weights[b], rb.length, 1 - base[b]);
            }
            return out;
        }
    }

    /**
     * The bits of {@code values[c]} where {@code c = sum_i ge[i]} and {@code ge[i]} (i = 1..n) are monotone
     * indicators ({@code ge[i] = [v >= lo + i]}): bit b is {@code [sum_i d_b(i) ge[i] >= 1 - base_b]} over
     * the indices where bit b of {@code values} changes. One gate per bit that changes more than once.
     * {@code ge[i]} is read only where {@code values} changes.
     */
    public static int[] stepBits(Net net, int[] ge, long[] values, int outWidth) {
        Steps steps = STEPS.of(values, outWidth);
        int[] cmp = new int[steps.at.length];
        for (int j = 0; j < cmp.length; j++) cmp[j] = ge[steps.at[j]];
        return steps.bits(net, cmp);
    }

    /** {@code f(x)} correctly rounded from {@code in} to {@code out} ({@link Table}). */
    public static int[] function(Net net, int[] x, UnaryFunction f, FixedFormat in, FixedFormat out) {
        if (x.length != in.width()) throw new IllegalArgumentException("word of " + x.length + " bits for " + in);
        return build(net, x, CODES.of(Table.of(f, in, out), 0), out.width()); // one array per table: its plans are kept
    }

    public static Cost cost(long[] table, int inWidth, int outWidth) {
        CountingNet n = new CountingNet();
        build(n, n.input(inWidth), table, outWidth);
        return n.cost();
    }

    public static Cost cost(UnaryFunction f, FixedFormat in, FixedFormat out) {
        return cost(Table.of(f, in, out).codes(), in.width(), out.width());
    }

    /**
     * Closed form of {@link #cost(long[], int, int)}, exact, from the table (time O(2^w Wo), no gate made):
     * one comparator of fan-in w per breakpoint (none for w = 1: the comparator is the bit itself), and per
     * output bit changing {@code k >= 2} times one gate of fan-in k.
     */
    public static Cost closedCost(long[] table, int inWidth, int outWidth) {
        int h = TailLookup.start(table, inWidth, outWidth);
        if (TailLookup.pays(table.length, h)) return TailLookup.closedCost(table, h, inWidth);
        long gates = 0, wires = 0;
        int depth = 0;
        for (int i = 1; i < table.length; i++) {
            if (table[i] != table[i - 1] && inWidth >= 2) { gates++; wires += inWidth; depth = 1; }
        }
        int cmpLevel = inWidth >= 2 ? 1 : 0;
        for (int b = 0; b < outWidth; b++) {
            long k = 0;
            for (int i = 1; i < table.length; i++) if ((table[i] >>> b & 1) != (table[i - 1] >>> b & 1)) k++;
            if (k >= 2) { gates++; wires += k; depth = Math.max(depth, cmpLevel + 1); }
        }
        return new Cost(depth, gates, wires);
    }

    public static Cost closedCost(UnaryFunction f, FixedFormat in, FixedFormat out) {
        return closedCost(Table.of(f, in, out).codes(), in.width(), out.width());
    }
}
