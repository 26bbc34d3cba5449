package tc0.compiler.gadgets;

import java.util.Arrays;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.GateTerms;
import tc0.circuits.Literal;

/**
 * A {@link Net} that builds nothing and records, for every node, the longest path (in gates) from each of a few
 * input groups, or -1 where the group does not reach it. Gates are normalised and folded as {@link CountingNet}
 * does (the same {@link GateTerms}), so a path here is a path of the circuit built without hashing. A float
 * model's depth is the longest path through its elements, each entered at its inputs' levels: an element's depth
 * over fresh inputs can stay while the path from one operand grows, so the depth tests compare every group's paths.
 * Two bytes per node and group.
 */
final class InputPaths implements Net {
    private final int groups;
    private final GateTerms terms = new GateTerms();
    private int nodes = 1; // node 0 is the constant
    private short[] dist;

    InputPaths(int groups) {
        this.groups = groups;
        this.dist = new short[1024 * groups];
        Arrays.fill(dist, (short) -1);
    }

    /** Fresh input literals of {@code group}, at path 0 from it. */
    int[] input(int width, int group) {
        int[] lits = new int[width];
        for (int i = 0; i < width; i++) {
            int n = newNode();
            dist[n * groups + group] = 0;
            lits[i] = Literal.of(n, false);
        }
        return lits;
    }

    /** The longest path from {@code group} to {@code lit}'s node, -1 if none (a constant, or not reached). */
    int path(int lit, int group) {
        return Literal.isConstant(lit) ? -1 : dist[Literal.node(lit) * groups + group];
    }

    /** The longest path from {@code group} to any of {@code lits}, -1 if none. */
    int path(int[] lits, int group) {
        int m = -1;
        for (int lit : lits) m = Math.max(m, path(lit, group));
        return m;
    }

    @Override public CircuitBuilder.Scope region(String name) { return () -> {}; }

    @Override
    public int gate(int[] lits, long[] weights, int count, long t) {
        t = terms.load(lits, weights, count, t, nodes);
        int k = terms.size();
        int[] node = terms.nodes();
        long[] weight = terms.weights();
        long maxSum = 0, minSum = 0;
        for (int i = 0; i < k; i++) {
            if (weight[i] > 0) maxSum = Math.addExact(maxSum, weight[i]); else minSum = Math.addExact(minSum, weight[i]);
        }
        if (minSum >= t) return Literal.TRUE;
        if (maxSum < t) return Literal.FALSE;
        if (k == 1) return Literal.of(node[0], weight[0] < 0);
        int n = newNode();
        for (int i = 0; i < k; i++) {
            for (int g = 0; g < groups; g++) {
                int d = dist[node[i] * groups + g];
                if (d >= 0 && d + 1 > dist[n * groups + g]) {
                    if (d + 1 > Short.MAX_VALUE) throw new ArithmeticException("a path past 32767 gates");
                    dist[n * groups + g] = (short) (d + 1);
                }
            }
        }
        return Literal.of(n, false);
    }

    private int newNode() {
        if ((nodes + 1) * groups > dist.length) {
            int old = dist.length;
            dist = Arrays.copyOf(dist, Math.multiplyExact(old, 2));
            Arrays.fill(dist, old, dist.length, (short) -1);
        }
        return nodes++;
    }
}
