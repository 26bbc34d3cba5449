package tc0.compiler.count;

import tc0.compiler.ir.TensorProgram;

/**
 * Counting mode: the lowering of {@link tc0.compiler.lower.TensorIrToCircuit} over costs instead of gates.
 */
public final class TensorIrToCost {
    private TensorIrToCost() {}

    /** The cost of {@code TensorIrToCircuit.lower(p, rounds)} without building it. */
    public static CountedCost count(TensorProgram p, int rounds) {
        throw new UnsupportedOperationException("counting mode is not built yet");
    }
}
