package tc0.compiler.count;

/**
 * What a lowered program costs, counted without building it: depth (longest path in threshold gates), gates,
 * wires (fan-in edges) and width (the most gates on one level), exactly as {@code TensorIrToCircuit} builds
 * the circuit without structural hashing. With hashing the built circuit is no larger.
 */
public record CountedCost(int depth, long gates, long wires, long width) {
    public CountedCost {
        if (depth < 0 || gates < 0 || wires < 0 || width < 0) throw new IllegalArgumentException("negative cost");
    }
}
