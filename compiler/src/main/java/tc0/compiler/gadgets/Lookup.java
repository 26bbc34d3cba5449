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
        int h = TailLookup.start(table, w, outWidth);
        if (TailLookup.pays(table.length, h) && TailLookup.noConstantBits(x)) return TailLookup.build(net, x, table, h, outWidth);
        return build(net, new LinearForm().addWord(x, 1), -(1L << (w - 1)), table, outWidth);
    }

    /**
     * {@code table[v - lo]} where {@code v} is the value of a linear form known to lie in
     * {@code [lo, lo + table.length - 1]}: comparators {@code [v >= a]} (one gate each) at the breakpoints,
     * then {@link #stepBits}. Depth 2.
     */
    public static int[] build(Net net, LinearForm v, long lo, long[] table, int outWidth) {
        int[] at = breakpoints(table);
        int k = at.length;
        long[] ts = new long[k];
        for (int j = 0; j < k; j++) ts[j] = lo + at[j];
        int[] cmp = new int[k];
        v.atLeastAll(net, ts, 0, k, cmp); // in order of a: the gates atLeast would make one by one
        int[] ge = new int[table.length];
        for (int j = 0; j < k; j++) ge[at[j]] = cmp[j];
        return stepBits(net, ge, table, outWidth, at);
    }

    /** The indices {@code i >= 1} where {@code values[i] != values[i - 1]}, increasing. */
    private static int[] breakpoints(long[] values) {
        int k = 0;
        for (int i = 1; i < values.length; i++) if (values[i] != values[i - 1]) k++;
        int[] at = new int[k];
        k = 0;
        for (int i = 1; i < values.length; i++) if (values[i] != values[i - 1]) at[k++] = i;
        return at;
    }

    /**
     * The bits of {@code values[c]} where {@code c = sum_i ge[i]} and {@code ge[i]} (i = 1..n) are monotone
     * indicators ({@code ge[i] = [v >= lo + i]}): bit b is {@code [sum_i d_b(i) ge[i] >= 1 - base_b]} over
     * the indices where bit b of {@code values} changes. One gate per bit that changes more than once.
     * {@code ge[i]} is read only where {@code values} changes.
     */
    public static int[] stepBits(Net net, int[] ge, long[] values, int outWidth) {
        return stepBits(net, ge, values, outWidth, breakpoints(values));
    }

    /** {@link #stepBits(Net, int[], long[], int)} given the indices where {@code values} changes: only those are visited. */
    private static int[] stepBits(Net net, int[] ge, long[] values, int outWidth, int[] at) {
        int[] out = new int[outWidth];
        int[] lits = new int[at.length];
        long[] wts = new long[at.length];
        for (int b = 0; b < outWidth; b++) {
            long base = values[0] >>> b & 1;
            int k = 0;
            for (int i : at) { // a bit can change only where the value does
                long d = (values[i] >>> b & 1) - (values[i - 1] >>> b & 1);
                if (d != 0) { lits[k] = ge[i]; wts[k] = d; k++; }
            }
            out[b] = k == 0 ? (base == 1 ? Literal.TRUE : Literal.FALSE) : net.gate(lits, wts, k, 1 - base);
        }
        return out;
    }

    /** {@code f(x)} correctly rounded from {@code in} to {@code out} ({@link Table}). */
    public static int[] function(Net net, int[] x, UnaryFunction f, FixedFormat in, FixedFormat out) {
        if (x.length != in.width()) throw new IllegalArgumentException("word of " + x.length + " bits for " + in);
        return build(net, x, Table.of(f, in, out).codes(), out.width());
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
