package tc0.compiler.gadgets;

import java.util.Arrays;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.GateTerms;
import tc0.circuits.Literal;

/**
 * A {@link Net} that builds nothing: it normalises each gate as {@link CircuitBuilder} does (the same
 * {@link GateTerms}; constant and single-literal gates folded), then counts it and records its level. Memory: two bytes per
 * gate (its level, in pages: a count of 5 x 10^8 nodes, a division at p = 256, grows without copying), nothing per
 * wire. Inputs come from {@link #input(int)}.
 */
public final class CountingNet implements TwinNet {
    private int nodes = 1; // node 0 is the constant
    /**
     * The most nodes: a literal is {@code 2 node + sign} in an int, so node 2^30's literal would be negative (a log
     * at p = 512 passed it, caught only later as "names no node built yet"; the bound was 2^31).
     */
    static final int MAX_NODES = 1 << 30;
    private int maxNodes = MAX_NODES;
    private static final int PAGE_BITS = 20, PAGE = 1 << PAGE_BITS;
    private char[][] levels = {new char[1024]}; // levels[node >>> PAGE_BITS][node & (PAGE - 1)], a level in 16 bits (checked); the first page grows to PAGE
    private long gates;
    private long[] perLevel = new long[16];
    private long wires;
    private int depth;
    private final GateTerms terms = new GateTerms();
    private final boolean bulk;

    /** A counting net on which one-hot values are counted as families ({@link OneHotBulk}). */
    public CountingNet() { this(true); }

    private CountingNet(boolean bulk) { this.bulk = bulk; }

    /** A counting net with a literal per one-hot member (the twins before {@link OneHotBulk}: tests compare the two). */
    static CountingNet perMember() { return new CountingNet(false); }

    @Override public boolean bulkOneHots() { return bulk; }

    @Override public boolean keepsEveryGate() { return true; }

    /** Nodes made so far (inputs, gates and twins' literals): what a count holds in memory, two bytes each. */
    long nodes() { return nodes; }

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
    @Override public int level(int lit) { return levelOf(Literal.node(lit)); }

    private int levelOf(int node) {
        if (node >= LevelLiteral.FIRST_NODE) throw new IllegalStateException("a level literal (" + LevelLiteral.level(Literal.of(node, false)) + ") read as a node: only a sum's groups read them");
        return levels[node >>> PAGE_BITS][node & (PAGE - 1)];
    }

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

    /** Test-only: a lower bound on the nodes, to see it refused without making 2^30. */
    void nodeLimit(int n) { maxNodes = n; }

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
            lv = Math.max(lv, levelOf(termNode[i]));
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
        if (lv > Character.MAX_VALUE) throw new ArithmeticException("level " + lv + " past a counting net's 16 bits");
        if (nodes == maxNodes) throw new ArithmeticException("more than " + maxNodes + " nodes on a counting net: a literal (2 node + sign) would pass an int"); // below LevelLiteral.FIRST_NODE too
        int page = nodes >>> PAGE_BITS;
        if (page == levels.length) levels = Arrays.copyOf(levels, 2 * page);
        if (levels[page] == null) levels[page] = new char[PAGE];
        else if (page == 0 && nodes == levels[0].length) levels[0] = Arrays.copyOf(levels[0], 2 * nodes);
        levels[page][nodes & (PAGE - 1)] = (char) lv;
        return nodes++;
    }
}
