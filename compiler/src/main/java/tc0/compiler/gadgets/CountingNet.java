package tc0.compiler.gadgets;

import java.util.Arrays;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;

/**
 * A {@link Net} that builds nothing: it normalises each gate exactly as {@link CircuitBuilder} does
 * (inverted fan-ins folded into weights, terms merged per node, zero weights dropped, constant and
 * single-literal gates folded), then counts it and records its level. Memory: one int per gate (its level),
 * nothing per wire. Inputs come from {@link #input(int)}.
 */
public final class CountingNet implements Net {
    private int nodes = 1; // node 0 is the constant
    private int[] level = new int[1024];
    private long gates;
    private long wires;
    private int depth;
    private int[] termNode = new int[64];
    private long[] termWeight = new long[64];
    private long[] keys = new long[64];

    /** Fresh input literals, level 0. */
    public int[] input(int width) {
        int[] lits = new int[width];
        for (int i = 0; i < width; i++) lits[i] = Literal.of(newNode(0), false);
        return lits;
    }

    /** Fresh words. */
    public int[][] inputs(int count, int width) {
        int[][] words = new int[count][];
        for (int i = 0; i < count; i++) words[i] = input(width);
        return words;
    }

    /** The level of a literal's node. */
    public int level(int lit) { return level[Literal.node(lit)]; }

    public Cost cost() { return new Cost(depth, gates, wires); }

    @Override
    public CircuitBuilder.Scope region(String name) { return () -> {}; }

    @Override
    public int gate(int[] lits, long[] weights, int count, long t) {
        if (termNode.length < count) {
            int n = Math.max(count, termNode.length * 2);
            termNode = new int[n];
            termWeight = new long[n];
            keys = new long[n];
        }
        int terms = 0;
        for (int i = 0; i < count; i++) {
            int lit = lits[i];
            long w = weights[i];
            if (lit < 0 || Literal.node(lit) >= nodes) throw new IllegalArgumentException("literal " + lit + " names no node");
            if (w == 0) continue;
            if (Literal.isNegated(lit)) { t = Math.subtractExact(t, w); w = -w; }
            int node = Literal.node(lit);
            if (node == 0) continue;
            termNode[terms] = node;
            termWeight[terms] = w;
            terms++;
        }
        terms = sortAndMerge(terms);
        long maxSum = 0, minSum = 0;
        int lv = 0;
        for (int i = 0; i < terms; i++) {
            long w = termWeight[i];
            if (w > 0) maxSum = Math.addExact(maxSum, w); else minSum = Math.addExact(minSum, w);
            lv = Math.max(lv, level[termNode[i]]);
        }
        if (minSum >= t) return Literal.TRUE;
        if (maxSum < t) return Literal.FALSE;
        if (terms == 1) return Literal.of(termNode[0], termWeight[0] < 0);
        gates++;
        wires += terms;
        depth = Math.max(depth, lv + 1);
        return Literal.of(newNode(lv + 1), false);
    }

    private int newNode(int lv) {
        if (nodes == level.length) level = Arrays.copyOf(level, nodes * 2);
        level[nodes] = lv;
        return nodes++;
    }

    private int sortAndMerge(int terms) {
        for (int i = 0; i < terms; i++) keys[i] = ((long) termNode[i] << 32) | i;
        Arrays.sort(keys, 0, terms);
        int[] n = new int[terms];
        long[] w = new long[terms];
        for (int i = 0; i < terms; i++) { int from = (int) keys[i]; n[i] = termNode[from]; w[i] = termWeight[from]; }
        int out = 0;
        for (int i = 0; i < terms; i++) {
            if (out > 0 && termNode[out - 1] == n[i]) {
                termWeight[out - 1] = Math.addExact(termWeight[out - 1], w[i]);
                if (termWeight[out - 1] == 0) out--;
            } else {
                termNode[out] = n[i];
                termWeight[out] = w[i];
                out++;
            }
        }
        return out;
    }
}
