package tc0.circuits.graph;

import tc0.circuits.Circuit;

/** What a node of a circuit is. */
public enum NodeKind {
    /** Node 0, the constant false. */
    CONSTANT,
    /** A primary input. */
    INPUT,
    /** A threshold gate. */
    GATE;

    public static NodeKind of(Circuit c, int node) {
        if (node == 0) return CONSTANT;
        return c.isGate(node) ? GATE : INPUT;
    }

    /** The lower-case name used in exports: constant, input, gate. */
    public String exportName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
