package tc0.compiler.gadgets;

import java.util.Arrays;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.GateTerms;
import tc0.circuits.Literal;
import tc0.circuits.eval.BitMatrix;

/**
 * A {@link Net} that keeps no circuit: each gate's value on a batch of patterns (64 per lane, bit-parallel) is
 * computed as the gate is added, from its inputs' values, and only that value is kept ({@code lanes} longs per
 * node; no fan-in, no hashing, no levels). Gates are normalised as {@link CircuitBuilder} does (the same
 * {@link GateTerms}; constant and single-literal gates folded), so a gadget run makes the unhashed builder's
 * gates, in its order. A built circuit is those gates with structurally equal ones merged and dead ones removed;
 * neither changes the value of an output, so the outputs read here equal the built circuit's evaluated outputs.
 *
 * <p>Why a gate's sum is bit-sliced: the patterns' sums {@code sum |w| x} are kept as binary planes of longs, one
 * long per plane and lane; a term adds its weight's set bits with carries that stop as soon as none is left, and
 * {@code >= t} is one borrow chain over the planes, so a gate costs a few word operations per term, not one per
 * pattern.
 */
public final class EvaluatingNet implements Net {
    private static final int PAGE_BITS = 16; // nodes per page: values grow by pages, never copied whole

    private final int lanes;
    private long[][] pages = new long[16][];
    private int nodes; // node 0 is the constant false: its value stays 0
    private long gates;
    private final GateTerms terms = new GateTerms();
    private long[] planes = new long[64];
    /** The loaded terms' negative weights summed, and their positive ones. */
    private long minSum, maxSum;
    private static final int NOT_FOLDED = -1;

    /** A net for {@code 64 * lanes} patterns at a time. */
    public EvaluatingNet(int lanes) {
        if (lanes < 1) throw new IllegalArgumentException("lanes must be at least 1, got " + lanes);
        this.lanes = lanes;
        newNode(); // node 0
    }

    /** Longs per node: patterns come 64 to a lane. */
    public int lanes() { return lanes; }

    /** Gates added (not folded), as an unhashed builder counts them. */
    public long gates() { return gates; }

    /**
     * Fresh input literals for rows {@code from .. from + count - 1} of {@code patterns} (one row per input bit,
     * one column per pattern; its words per row are this net's lanes).
     */
    public int[] input(BitMatrix patterns, int from, int count) {
        if (patterns.wordsPerRow() != lanes) {
            throw new IllegalArgumentException("the patterns have " + patterns.wordsPerRow() + " words a row, the net " + lanes + " lanes");
        }
        int[] lits = new int[count];
        for (int i = 0; i < count; i++) {
            int node = newNode();
            long[] page = pages[node >>> PAGE_BITS];
            int at = (node & ((1 << PAGE_BITS) - 1)) * lanes;
            for (int l = 0; l < lanes; l++) page[at + l] = patterns.word(from + i, l);
            lits[i] = Literal.of(node, false);
        }
        return lits;
    }

    /** The value of {@code lit} on lane {@code lane}'s 64 patterns (bit j: pattern {@code 64 * lane + j}). */
    public long value(int lit, int lane) {
        int node = Literal.node(lit);
        long v = pages[node >>> PAGE_BITS][(node & ((1 << PAGE_BITS) - 1)) * lanes + lane];
        return Literal.isNegated(lit) ? ~v : v;
    }

    @Override
    public CircuitBuilder.Scope region(String name) { return () -> {}; }

    @Override
    public int gate(int[] lits, long[] weights, int count, long t) {
        t = terms.load(lits, weights, count, t, nodes);
        range();
        int folded = folded(t);
        return folded != NOT_FOLDED ? folded : newGate(t, sums());
    }

    /** The terms are loaded once and summed once; each threshold is then one comparison (a comparator bank's gates). */
    @Override
    public void gates(int[] lits, long[] weights, int count, long[] thresholds, int n, int[] out) {
        if (n == 0) return;
        long shift = terms.load(lits, weights, count, 0, nodes); // minus the negated literals' weights
        range(); // once for the bank: each threshold is then compared in O(1) and summed at most once
        long total = -1; // summed at the first gate not folded
        for (int k = 0; k < n; k++) {
            long t = Math.addExact(thresholds[k], shift);
            int folded = folded(t);
            if (folded != NOT_FOLDED) {
                out[k] = folded;
                continue;
            }
            if (total < 0) total = sums();
            out[k] = newGate(t, total);
        }
    }

    /** The loaded terms' least and largest sums ({@link #minSum}, {@link #maxSum}). */
    private void range() {
        int size = terms.size();
        long[] weight = terms.weights();
        long max = 0, min = 0;
        for (int i = 0; i < size; i++) {
            if (weight[i] > 0) max = Math.addExact(max, weight[i]); else min = Math.addExact(min, weight[i]);
        }
        minSum = min;
        maxSum = max;
    }

    /**
     * The loaded gate with threshold {@code t} (less the negated literals' weights) folded as {@link CountingNet}
     * folds it: constant where no pattern can change it, a literal where one term is left; else {@link #NOT_FOLDED}.
     */
    private int folded(long t) {
        if (minSum >= t) return Literal.TRUE;
        if (maxSum < t) return Literal.FALSE;
        if (terms.size() == 1) return Literal.of(terms.nodes()[0], terms.weights()[0] < 0);
        return NOT_FOLDED;
    }

    /**
     * Sums the loaded terms' weights on every pattern into {@link #planes} (lane-major, {@code width(total)} planes a
     * lane), each negative weight {@code w} counted as {@code |w|} on the negated value (so every sum lies in
     * {@code 0 .. total}); returns {@code total}, the sum of the weights' magnitudes.
     */
    private long sums() {
        int size = terms.size();
        int[] node = terms.nodes();
        long[] weight = terms.weights();
        long total = 0;
        for (int i = 0; i < size; i++) total = Math.addExact(total, Math.abs(weight[i]));
        int width = 64 - Long.numberOfLeadingZeros(total);
        if (planes.length < width * lanes) planes = new long[width * lanes];
        Arrays.fill(planes, 0, width * lanes, 0L);
        for (int i = 0; i < size; i++) {
            long w = weight[i];
            long mag = Math.abs(w);
            int n = node[i];
            long[] page = pages[n >>> PAGE_BITS];
            int at = (n & ((1 << PAGE_BITS) - 1)) * lanes;
            for (int l = 0; l < lanes; l++) {
                long v = w < 0 ? ~page[at + l] : page[at + l];
                if (v != 0) add(l * width, mag, v);
            }
        }
        return total;
    }

    /** Adds {@code mag} on the patterns set in {@code v} to the planes from {@code base}: per set bit, a carry chain. */
    private void add(int base, long mag, long v) {
        for (long bits = mag; bits != 0; bits &= bits - 1) {
            long carry = v;
            for (int j = base + Long.numberOfTrailingZeros(bits); carry != 0; j++) {
                long c = planes[j] & carry;
                planes[j] ^= carry;
                carry = c;
            }
        }
    }

    /** A new node: {@code S >= t - minSum} on each pattern, {@code S} the planes' sum of magnitudes (so {@code 0 < t - minSum <= total}). */
    private int newGate(long t, long total) {
        long bound = Math.subtractExact(t, minSum);
        int width = 64 - Long.numberOfLeadingZeros(total);
        int g = newNode();
        gates++;
        long[] page = pages[g >>> PAGE_BITS];
        int at = (g & ((1 << PAGE_BITS) - 1)) * lanes;
        for (int l = 0; l < lanes; l++) page[at + l] = atLeast(l * width, width, bound);
        return Literal.of(g, false);
    }

    /** The patterns whose sum in planes {@code base .. base + width - 1} is at least {@code bound}: no borrow out of S - bound. */
    private long atLeast(int base, int width, long bound) {
        long borrow = 0;
        for (int j = 0; j < width; j++) {
            long s = planes[base + j];
            borrow = ((bound >>> j) & 1) != 0 ? ~s | borrow : ~s & borrow;
        }
        return ~borrow;
    }

    private int newNode() {
        int page = nodes >>> PAGE_BITS;
        if (page == pages.length) pages = Arrays.copyOf(pages, 2 * pages.length);
        if (pages[page] == null) pages[page] = new long[(1 << PAGE_BITS) * lanes];
        if (nodes == Integer.MAX_VALUE) throw new IllegalStateException("more than 2^31 nodes");
        return nodes++;
    }
}
