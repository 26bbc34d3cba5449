package tc0.compiler.count;

import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.TensorIrToCircuit;

/**
 * Counting mode: the lowering of {@link TensorIrToCircuit} over costs instead of gates. Each node keeps a
 * summary of its elements' classes ({@link Summary}); each op counts one gadget instance per distinct tuple
 * of operand classes and multiplies. See docs/COMPILER.md, "Counting mode".
 */
public final class TensorIrToCost {
    /** The largest program (elements in all nodes) the fallback builds when the summary cannot count exactly. */
    static final long FALLBACK_LIMIT = 1L << 16;

    private TensorIrToCost() {}

    /** The cost of {@code TensorIrToCircuit.lower(p, rounds)} without building it (hashing off; with hashing no larger). */
    public static CountedCost count(TensorProgram p, int rounds) {
        return count(p, rounds, true);
    }

    /**
     * As {@link #count(TensorProgram, int)}; where the summary cannot count exactly (see {@link #summaryOnly}),
     * a small program is built instead if {@code fallback}, else the reason is thrown as
     * {@link UnsupportedOperationException}.
     */
    public static CountedCost count(TensorProgram p, int rounds, boolean fallback) {
        if (rounds < 1) throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        try {
            return new Engine(ConstantLines.fold(p), rounds).run();
        } catch (ArithmeticException e) {
            throw new UnsupportedOperationException("counting: a count of model " + p.model() + " exceeds 2^63 - 1 (" + e.getMessage() + ")");
        } catch (NeedsLiterals e) {
            long elements = 0;
            for (var n : p.nodes()) elements += n.size();
            if (!fallback || elements > FALLBACK_LIMIT) {
                throw new UnsupportedOperationException("counting: " + e.getMessage() + " (the summary cannot count this exactly)");
            }
            CircuitStats s = CircuitStats.of(TensorIrToCircuit.lower(p, rounds, false).circuit());
            return new CountedCost(s.depth(), s.gates(), s.wires(), s.width());
        }
    }

    /** Counts by summaries only: throws {@link UnsupportedOperationException} with the reason where they cannot. */
    public static CountedCost summaryOnly(TensorProgram p, int rounds) {
        return count(p, rounds, false);
    }
}
