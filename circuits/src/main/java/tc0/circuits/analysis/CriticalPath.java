package tc0.circuits.analysis;

import tc0.circuits.Circuit;

/**
 * One longest path of the circuit, as gate node ids from level 1 up to the circuit's depth: the first gate
 * that reaches the depth, then at each step back the first fan-in gate one level lower. Every level's gate is
 * there, so {@code nodes().length == depth}. Empty when no gate has fan-in.
 */
public record CriticalPath(int[] nodes) {
    public CriticalPath {
        nodes = nodes.clone();
    }

    public static CriticalPath of(Circuit c, Levels levels) {
        int depth = levels.depth();
        int[] path = new int[depth];
        if (depth == 0) return new CriticalPath(path);
        int v = -1;
        for (int node = c.firstGate(); node < c.nodeCount() && v < 0; node++) if (levels.level(node) == depth) v = node;
        for (int lv = depth; ; lv--) {
            path[lv - 1] = v;
            if (lv == 1) break;
            int g = v - c.firstGate(), next = -1;
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end && next < 0; e++) {
                if (levels.level(c.faninNode(e)) == lv - 1) next = c.faninNode(e);
            }
            v = next; // exists: a gate at level lv has a fan-in at lv - 1 by the definition of levels
        }
        return new CriticalPath(path);
    }

    @Override
    public int[] nodes() {
        return nodes.clone();
    }

    public int length() {
        return nodes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CriticalPath p && java.util.Arrays.equals(nodes, p.nodes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(nodes);
    }

    @Override
    public String toString() {
        return "CriticalPath" + java.util.Arrays.toString(nodes);
    }
}
