package tc0.compiler.count;

import java.math.BigInteger;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.TensorIrToCircuit;

/**
 * Counting mode: the lowering of {@link TensorIrToCircuit} over costs instead of gates. Each node keeps a
 * summary of its elements' classes ({@link Summary}); each op counts one gadget instance per distinct tuple
 * of operand classes and multiplies. See docs/COMPILER.md, "Counting mode".
 */
public final class TensorIrToCost {
    /**
     * The largest program (elements in all nodes) the fallback builds when the summary cannot count exactly:
     * the log-depth contrast (tree_sum) at n = 4096 is 151,553 elements and 462,735 gates.
     */
    public static final long FALLBACK_LIMIT = 1L << 20;

    private TensorIrToCost() {}

    /** The cost of {@code TensorIrToCircuit.lower(p, rounds)} without building it (hashing off; with hashing no larger). */
    public static CountedCost count(TensorProgram p, int rounds) {
        return count(p, rounds, CountFallback.SILENT);
    }

    /**
     * As {@link #count(TensorProgram, int)}, where the summary cannot count exactly building a program of up to
     * {@link #FALLBACK_LIMIT} elements through {@code fallback} (told why first, and the gates after each node),
     * or refusing with the node and the reason when {@code fallback} is null or the program is larger.
     */
    public static CountedCost count(TensorProgram p, int rounds, CountFallback fallback) {
        return count(p, rounds, fallback, false);
    }

    /**
     * As {@link #count(TensorProgram, int)}, but a program whose weighted sums hold a constant, a sum of
     * weights or a saturation threshold past a long is counted too (the gates, their fan-ins and levels do not
     * depend on those numbers): exactly, as a builder with unbounded weights would build it, the cost marked
     * {@link CountedCost#wide}. tc0's builder cannot build such a program; {@link #count(TensorProgram, int)}
     * refuses it as a {@link CountOverflow}.
     */
    public static CountedCost countWide(TensorProgram p, int rounds) {
        return countWide(p, rounds, CountFallback.SILENT);
    }

    /** As {@link #countWide(TensorProgram, int)}, building through {@code fallback} as {@link #count(TensorProgram, int, CountFallback)}. */
    public static CountedCost countWide(TensorProgram p, int rounds, CountFallback fallback) {
        return count(p, rounds, fallback, true);
    }

    private static CountedCost count(TensorProgram p, int rounds, CountFallback fallback, boolean wide) {
        if (rounds < 1) throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        if (p.floats().isPresent()) return FloatCount.count(p, rounds); // the float regime: each distinct element built once
        Engine engine = null;
        try {
            engine = new Engine(UnreadRows.apply(ConstantLines.fold(p)), rounds);
            CountedCost c = engine.run();
            if (c.wide() && !wide) {
                throw new CountOverflow("counting: model " + p.model() + ": a weighted sum's constant, sum of weights or saturation threshold exceeds "
                        + "what a long holds (first at " + engine.wideAt + "); the circuit builder's weights and thresholds are longs, so a gadget of "
                        + "this model cannot be built at these parameters", null);
            }
            return c;
        } catch (ArithmeticException e) {
            throw overflow(p.model(), e, engine == null ? null : engine.at);
        } catch (NeedsLiterals e) {
            String why = "counting: " + where(e, engine == null ? null : engine.at) + ", which the class summary cannot count exactly";
            long elements = 0;
            for (var n : p.nodes()) elements += n.size();
            if (fallback == null) throw new UnsupportedOperationException(why);
            if (elements > FALLBACK_LIMIT) {
                throw new UnsupportedOperationException(String.format("%s, and the program (%,d elements) is past the %,d elements "
                        + "counting builds instead", why, elements, FALLBACK_LIMIT));
            }
            fallback.building(why, elements);
            try {
                return CountedCost.of(CircuitStats.of(TensorIrToCircuit.lower(p, rounds, false, fallback::built).circuit()));
            } catch (ArithmeticException o) { // the builder overflows where the summary could not count
                throw overflow(p.model(), o, null);
            }
        }
    }

    /**
     * "node 4 (add, region tree_sum): operands of ADD share literals": the reason named by the node being
     * counted, or as the check after the last node gives it (it names its node).
     */
    private static String where(NeedsLiterals e, tc0.compiler.ir.Node at) {
        if (at == null) return e.getMessage();
        String own = "node " + at.id() + ": ";
        String reason = e.getMessage().startsWith(own) ? e.getMessage().substring(own.length()) : e.getMessage();
        return Engine.describe(at) + ": " + reason;
    }

    /**
     * What an overflow means. Totals are exact to 2^126 - 1 ({@link Profile}); any other overflow is in a
     * number the circuit itself holds (a gadget's weight, threshold or value range, all longs in the builder,
     * which overflows there too) or an element count, so the model cannot be built at these parameters. The
     * message names the node, op and region being counted ({@code node} when known): what a user can act on;
     * the Java method that overflowed stays in the cause, not in the one-line error.
     */
    static CountOverflow overflow(String model, ArithmeticException e, tc0.compiler.ir.Node node) {
        boolean total = false;
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("tc0.")) { total = f.getClassName().equals(Profile.class.getName()); break; }
        }
        String where = node == null ? "" : " at " + Engine.describe(node);
        if (total) {
            return new CountOverflow("counting: a count of model " + model + " exceeds 2^126 - 1" + where, e);
        }
        return new CountOverflow("counting: model " + model + ": a weight, value range or element count exceeds what a long holds" + where
                + " (" + e.getMessage() + "); the circuit builder's weights and thresholds are longs, so a gadget of this model cannot be built at these parameters", e);
    }

    /**
     * One count split by node, for proofs about how the total is composed (read-only: the same count as
     * {@link #countWide}, summaries only, no fallback build).
     *
     * @param program the program counted (after constant folding and unread-row pruning: node ids refer to it)
     * @param gates   per node of {@code program}, the gates its counter added (zero for wiring, inputs and nodes no output needs); they sum to the total
     * @param level   per node, the highest level of its elements' bits (its depth in the circuit; 0 for inputs and constants)
     */
    public record ByNode(TensorProgram program, CountedCost total, java.util.List<BigInteger> gates, int[] level) {}

    /** {@link #countWide} by node ({@link ByNode}); throws {@link UnsupportedOperationException} where the summaries cannot count exactly. */
    public static ByNode countByNode(TensorProgram p, int rounds) {
        if (rounds < 1) throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        TensorProgram q = UnreadRows.apply(ConstantLines.fold(p));
        Engine engine = new Engine(q, rounds);
        engine.byNode = true;
        try {
            CountedCost c = engine.run();
            return new ByNode(q, c, java.util.List.of(engine.nodeGates), engine.nodeLevel.clone());
        } catch (NeedsLiterals e) {
            throw new UnsupportedOperationException("counting by node: " + where(e, engine.at) + ", which the class summary cannot count exactly");
        } catch (ArithmeticException e) {
            throw overflow(p.model(), e, engine.at);
        }
    }

    /** Counts by summaries only: throws {@link UnsupportedOperationException} with the node and the reason where they cannot. */
    public static CountedCost summaryOnly(TensorProgram p, int rounds) {
        return count(p, rounds, (CountFallback) null);
    }
}
