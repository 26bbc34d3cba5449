package tc0.compiler.count;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.GateTerms;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.WideNet;

/**
 * A {@link Net} that records one gadget instance: it normalises each gate exactly as
 * {@link CircuitBuilder} does without hashing (inverted fan-ins folded into weights, terms merged per node,
 * zero weights dropped, constant and single-literal gates answered without a gate) and keeps the gate's
 * fan-in nodes and level, so that the gates the instance's outputs need can be counted, as
 * {@link CircuitBuilder#build()} keeps only those. Inputs come first, each at a given level.
 */
final class Tape implements WideNet {
    private int nodes = 1; // node 0 is the constant
    private int firstGate = -1;
    private int[] level = new int[256];
    private int[] start = new int[257]; // per gate: first fan-in index; start[g + 1] its end
    private int[] fanin = new int[1024];
    private int gates;
    private boolean[] opaque = new boolean[256];
    private final GateTerms terms = new GateTerms();

    /** A fresh input node at {@code lv}; returns its node id. All inputs before the first gate. */
    int input(int lv) {
        if (firstGate >= 0) throw new IllegalStateException("inputs must come before the first gate");
        return newNode(lv);
    }

    int level(int node) { return level[node]; }

    boolean isGate(int node) { return firstGate >= 0 && node >= firstGate; }

    boolean isInput(int node) { return node >= 1 && !isGate(node); }

    int nodeCount() { return nodes; }

    @Override
    public CircuitBuilder.Scope region(String name) { return () -> {}; }

    @Override
    public int gate(int[] lits, long[] weights, int count, long t) {
        if (firstGate < 0) firstGate = nodes;
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
        return Literal.of(record(termNode, terms, lv + 1), false);
    }

    /**
     * {@link #gate} over exact integers (a sum past the builder's longs, counted as a builder with unbounded
     * weights would build it): the terms normalised once for the bank, as {@link GateTerms} does with longs.
     */
    @Override
    public void wideGates(int[] lits, BigInteger[] weights, int count, BigInteger[] thresholds, int n, int[] out) {
        if (firstGate < 0) firstGate = nodes;
        TreeMap<Integer, BigInteger> merged = new TreeMap<>();
        BigInteger shift = BigInteger.ZERO; // w * not x = w - w * x
        for (int i = 0; i < count; i++) {
            int lit = lits[i];
            BigInteger w = weights[i];
            if (lit < 0 || Literal.node(lit) >= nodes) throw new IllegalArgumentException("literal " + lit + " names no node built yet");
            if (w.signum() == 0) continue;
            if (Literal.isNegated(lit)) { shift = shift.add(w); w = w.negate(); }
            if (Literal.node(lit) != 0) merged.merge(Literal.node(lit), w, BigInteger::add);
        }
        merged.values().removeIf(w -> w.signum() == 0);
        BigInteger maxSum = BigInteger.ZERO, minSum = BigInteger.ZERO;
        int[] termNode = new int[merged.size()];
        int terms = 0, lv = 0;
        for (Map.Entry<Integer, BigInteger> e : merged.entrySet()) {
            if (e.getValue().signum() > 0) maxSum = maxSum.add(e.getValue()); else minSum = minSum.add(e.getValue());
            termNode[terms++] = e.getKey();
            lv = Math.max(lv, level[e.getKey()]);
        }
        for (int k = 0; k < n; k++) {
            BigInteger t = thresholds[k].subtract(shift);
            if (minSum.compareTo(t) >= 0) out[k] = Literal.TRUE;
            else if (maxSum.compareTo(t) < 0) out[k] = Literal.FALSE;
            else if (terms == 1) out[k] = Literal.of(termNode[0], merged.firstEntry().getValue().signum() < 0);
            else out[k] = Literal.of(record(termNode, terms, lv + 1), false);
        }
    }

    /** A gate at {@code lv} reading the first {@code terms} of {@code termNode}; returns its node. */
    private int record(int[] termNode, int terms, int lv) {
        if (gates + 2 > start.length) start = Arrays.copyOf(start, start.length * 2);
        int at = start[gates];
        if (at + terms > fanin.length) fanin = Arrays.copyOf(fanin, Math.max(at + terms, fanin.length * 2));
        System.arraycopy(termNode, 0, fanin, at, terms);
        if (gates >= opaque.length) opaque = java.util.Arrays.copyOf(opaque, opaque.length * 2);
        start[++gates] = at + terms;
        return newNode(lv);
    }

    /**
     * A node counted elsewhere (a part of a gadget counted in closed form) at {@code lv}, reading the nodes
     * {@code reads}: it is not counted here, but keeps what it reads live when it is.
     */
    int opaque(int lv, int[] reads) {
        if (firstGate < 0) firstGate = nodes;
        if (gates + 2 > start.length) start = java.util.Arrays.copyOf(start, start.length * 2);
        if (gates >= opaque.length) opaque = java.util.Arrays.copyOf(opaque, opaque.length * 2);
        int at = start[gates];
        if (at + reads.length > fanin.length) fanin = java.util.Arrays.copyOf(fanin, Math.max(at + reads.length, fanin.length * 2));
        System.arraycopy(reads, 0, fanin, at, reads.length);
        opaque[gates] = true;
        start[++gates] = at + reads.length;
        return newNode(lv);
    }

    /**
     * Counts the gates that the given output literals need (what {@code build()} keeps) into {@code into};
     * marks in {@code usedInput} (indexed by node) the inputs those gates or outputs read.
     */
    void countLive(int[] outputs, Profile into, boolean[] usedInput) {
        boolean[] live = new boolean[nodes];
        for (int lit : outputs) live[Literal.node(lit)] = true;
        for (int g = gates - 1; g >= 0; g--) {
            int node = firstGate + g;
            if (!live[node]) continue;
            if (g >= opaque.length || !opaque[g]) into.gates(1, start[g + 1] - start[g], level[node]);
            for (int e = start[g]; e < start[g + 1]; e++) live[fanin[e]] = true;
        }
        int inputsEnd = firstGate < 0 ? nodes : firstGate;
        for (int v = 1; v < inputsEnd; v++) if (live[v]) usedInput[v] = true;
    }

    private int newNode(int lv) {
        if (nodes == level.length) level = Arrays.copyOf(level, nodes * 2);
        level[nodes] = lv;
        return nodes++;
    }
}
