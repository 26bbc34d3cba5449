package tc0.compiler.gadgets;

/**
 * What a gadget costs: depth (longest path in threshold gates), gates and wires (fan-in edges), exactly
 * as built without structural hashing. With hashing the built circuit is no larger.
 */
public record Cost(int depth, long gates, long wires) {
    public Cost {
        if (depth < 0 || gates < 0 || wires < 0) throw new IllegalArgumentException("negative cost");
    }
}
