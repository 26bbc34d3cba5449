package tc0.circuits.io.graph;

import java.util.HashMap;
import java.util.Map;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;
import tc0.circuits.analysis.Levels;
import tc0.circuits.graph.NodeKind;

/**
 * What the exports say about each node, computed once per circuit: kind, a short label, level, region path,
 * and the outputs it drives. Shared so that DOT, GraphML and JSON describe a node the same way.
 */
final class NodeFacts {
    private final Circuit c;
    private final Levels levels;
    private final String[] regionPath;
    private final String[] inputName;        // per input node, "x[3]"
    private final Map<Integer, String> outputs = new HashMap<>(); // node -> "y[0], ~y[1]"

    private NodeFacts(Circuit c) {
        this.c = c;
        this.levels = Levels.of(c);
        this.regionPath = new String[c.regions().size()];
        for (int r = 0; r < regionPath.length; r++) regionPath[r] = c.regions().path(r);
        this.inputName = new String[c.inputCount() + 1];
        for (Bus b : c.inputBuses()) for (int k = 0; k < b.width(); k++) inputName[1 + b.offset() + k] = bit(b, k);
        for (Bus b : c.outputBuses()) {
            for (int k = 0; k < b.width(); k++) {
                int lit = c.output(b.offset() + k);
                String name = (Literal.isNegated(lit) ? "~" : "") + bit(b, k);
                outputs.merge(Literal.node(lit), name, (a, n) -> a + ", " + n);
            }
        }
    }

    static NodeFacts of(Circuit c) {
        return new NodeFacts(c);
    }

    static String bit(Bus b, int k) {
        return b.name() + "[" + k + "]";
    }

    NodeKind kind(int node) {
        return NodeKind.of(c, node);
    }

    /** "0" for the constant, the bus bit for an input, {@code g<node>} for a gate. */
    String name(int node) {
        return switch (kind(node)) {
            case CONSTANT -> "0";
            case INPUT -> inputName[node];
            case GATE -> "g" + node;
        };
    }

    int level(int node) {
        return levels.level(node);
    }

    /** The gate's threshold; only for gates. */
    long threshold(int node) {
        return c.threshold(node - c.firstGate());
    }

    /** The region path of a gate ("" for the root). */
    String region(int node) {
        return regionPath[c.region(node - c.firstGate())];
    }

    /** The outputs this node drives, e.g. {@code y[0], ~y[1]}, or null. */
    String outputs(int node) {
        return outputs.get(node);
    }

    Circuit circuit() {
        return c;
    }
}
