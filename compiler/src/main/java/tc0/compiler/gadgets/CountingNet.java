package tc0.compiler.gadgets;

import java.util.Arrays;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.GateTerms;
import tc0.circuits.Literal;

/**
 * A {@link Net} that builds nothing: it normalises each gate as {@link CircuitBuilder} does (the same
 * {@link GateTerms}; constant and single-literal gates folded), then counts it and records its level. Memory: one int per gate (its level),
 * nothing per wire. Inputs come from {@link #input(int)}.
 */
public final class CountingNet implements TwinNet {
    private int nodes = 1; // node 0 is the constant
    private int[] level = new int[1024];
    private long gates;
    private long[] perLevel = new long[16];
    private long wires;
    private int depth;
    private final GateTerms terms = new GateTerms();

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

    /** A fresh input literal at {@code level}: a gadget counted where its inputs come at those levels. */
    public int inputAt(int level) {
        return Literal.of(newNode(level), false);
    }

    /** How many gates on each level (index 0 unused: inputs are not gates), up to the depth. */
    public long[] gatesPerLevel() {
        return Arrays.copyOf(perLevel, depth + 1);
    }

    /** The level of a literal's node. */
    @Override public int level(int lit) { return level[Literal.node(lit)]; }

    @Override public boolean twins() { return true; }

    @Override public void counted(long count, long fanIn, int lv) {
        if (count == 0) return;
        gates = Math.addExact(gates, count);
        wires = Math.addExact(wires, Math.multiplyExact(count, fanIn));
        depth = Math.max(depth, lv);
        if (lv >= perLevel.length) perLevel = Arrays.copyOf(perLevel, Math.max(2 * perLevel.length, lv + 1));
        perLevel[lv] += count;
    }

    /** Nothing to do: a CountingNet keeps every gate, read or not. */
    @Override public void reads(int lit, long times) {}

    @Override public int freshAt(int lv) { return inputAt(lv); }

    public Cost cost() { return new Cost(depth, gates, wires); }

    @Override
    public CircuitBuilder.Scope region(String name) { return () -> {}; }

    @Override
    public int gate(int[] lits, long[] weights, int count, long t) {
        t = this.terms.load(lits, weights, count, t, nodes);
        int terms = this.terms.size();
        int[] termNode = this.terms.nodes();
        long[] termWeight = this.terms.weights();
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
        if (lv + 1 >= perLevel.length) perLevel = Arrays.copyOf(perLevel, Math.max(2 * perLevel.length, lv + 2));
        perLevel[lv + 1]++;
        return Literal.of(newNode(lv + 1), false);
    }

    private int newNode(int lv) {
        if (nodes == level.length) level = Arrays.copyOf(level, nodes * 2);
        level[nodes] = lv;
        return nodes++;
    }
}
