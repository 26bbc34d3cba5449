package tc0.circuits.io.graph;

import tc0.circuits.Circuit;

/**
 * One {@code {rank=same; ...}} block per level, so Graphviz draws level k on the k-th row and the critical
 * path reads top to bottom; level 0 (the inputs, the constant if drawn, gates without fan-in) is
 * {@code rank=min}, on top. Without these, {@code dot} places a gate by the shortest layout of its edges,
 * not by its level.
 */
final class DotRanks {
    private DotRanks() {}

    static void write(Circuit c, NodeFacts facts, boolean withConstant, StringBuilder out) {
        int depth = 0;
        for (int v = 0; v < c.nodeCount(); v++) depth = Math.max(depth, facts.level(v));
        StringBuilder[] rows = new StringBuilder[depth + 1];
        for (int v = withConstant ? 0 : 1; v < c.nodeCount(); v++) {
            int l = facts.level(v);
            if (rows[l] == null) rows[l] = new StringBuilder();
            rows[l].append(" n").append(v).append(';');
        }
        for (int l = 0; l <= depth; l++) {
            if (rows[l] == null) continue;
            out.append("  { rank=").append(l == 0 ? "min" : "same").append(';').append(rows[l]).append(" }\n");
        }
    }
}
