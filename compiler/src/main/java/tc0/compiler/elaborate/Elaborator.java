package tc0.compiler.elaborate;

import java.util.Map;
import tc0.compiler.ir.TensorProgram;
import tc0.dsl.CheckedModel;
import tc0.dsl.Diagnostic;
import tc0.dsl.ast.SizeEvalException;

/**
 * The public entry point of elaboration: a checked model and parameter values ({@code --set n=8}) to a
 * {@link TensorProgram}. Same model, same values: the same program, node for node and code for code.
 */
public final class Elaborator {
    /**
     * Entries up to which {@code rowkron}/{@code colkron} of two constant masks is folded into one constant (a
     * causal pair mask up to n = 128); a larger one stays the product of its factors, counted by groups.
     */
    public static final long FOLDED_MASK_ENTRIES = 1L << 22;

    private Elaborator() {}

    /**
     * Elaborates {@code model} with {@code params} overriding the parameters' defaults.
     *
     * @throws ElaborationException with a positioned diagnostic: an unknown parameter, a parameter without
     *     value, a size that cannot be evaluated or is below 1, an unreadable or mismatched {@code .npy} file
     */
    public static TensorProgram elaborate(CheckedModel model, Map<String, Long> params) {
        return elaborate(model, params, false);
    }

    /**
     * As {@link #elaborate(CheckedModel, Map)}; with {@code forCounting} the builder's own limits (a constant
     * factor's weighted sum past 61 bits, a function table past 2^30 entries) are left to counting, which counts
     * such a program and marks it not buildable, instead of refusing it here.
     */
    public static TensorProgram elaborate(CheckedModel model, Map<String, Long> params, boolean forCounting) {
        return elaborate(model, params, forCounting, FOLDED_MASK_ENTRIES);
    }

    /**
     * As {@link #elaborate(CheckedModel, Map, boolean)}, a product of two constant masks folded into one constant
     * only up to {@code foldedMaskEntries} entries ({@link #FOLDED_MASK_ENTRIES}; 0 keeps every such product, as a
     * large n does: tests reach that form at small n).
     */
    public static TensorProgram elaborate(CheckedModel model, Map<String, Long> params, boolean forCounting, long foldedMaskEntries) {
        Map<String, Long> values;
        try {
            values = model.resolveParameters(params);
        } catch (IllegalArgumentException e) {
            throw at(model, e.getMessage());
        } catch (SizeEvalException e) {
            throw AstToTensorIr.error(model.file(), e.pos(), e.getMessage());
        }
        return AstToTensorIr.run(model, values, forCounting, foldedMaskEntries);
    }

    /** With the parameters' defaults. */
    public static TensorProgram elaborate(CheckedModel model) {
        return elaborate(model, Map.of());
    }

    private static ElaborationException at(CheckedModel model, String message) {
        var pos = model.model().pos();
        return new ElaborationException(new Diagnostic(model.file(), Math.max(1, pos.line()), Math.max(1, pos.col()), message));
    }
}
