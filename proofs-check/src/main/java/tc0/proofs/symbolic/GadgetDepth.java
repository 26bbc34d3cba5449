package tc0.proofs.symbolic;

import java.util.Optional;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;

/**
 * The depth of an op's gadget as its construction states it, a constant in the compression rounds k and nothing
 * else: no m, no width, no n. Each constant is the deepest route the lowering ({@code TensorIrToCircuit}) can take
 * for the op, read off the gadgets' own statements (their class comments): a node's outputs are at most this many
 * levels above its deepest operand at every n, so the longest path over these constants bounds the depth at
 * every n whose program has the same nodes ({@link DepthBound}). The constants are the constructions' claims,
 * checked here against every node's counted level increment, not proved gate by gate.
 *
 * @param depth the most levels the gadget adds
 * @param why   the construction it follows from
 */
public record GadgetDepth(int depth, String why) {
    /**
     * The op's gadget depth with k compression rounds; empty for an op no depth is written for (the float ops,
     * lowered by other gadgets); 0 for wiring (gather, reshape, constants, inputs).
     */
    public static Optional<GadgetDepth> of(Node x, int k) {
        if (x.elem() instanceof Elem.Float) return Optional.empty();
        return Optional.of(switch (x.op()) {
            case Op.Input _, Op.Constant _, Op.Fill _, Op.Broadcast _, Op.Transpose _, Op.Reshape _, Op.Slice _, Op.Concat _ ->
                    new GadgetDepth(0, "wiring");
            case Op.Elementwise e -> switch (e.arith()) {
                case ADD, SUB -> sum(k, "an add: one WeightedSum");
                case MUL -> product(k, "a product: Multiply");
                case DIV -> new GadgetDepth(2, "a division: Divide.fixed, comparisons then their step bits, depth 2");
            };
            case Op.ScaleByConstant _ -> sum(k, "a scaling by a constant: one WeightedSum");
            case Op.MatMul _ -> product(k, "a matrix product: MatMul, 2k + 2 by constant weights, 2k + 3 with the ANDs of two variable operands");
            case Op.Unary _ -> new GadgetDepth(2, "a table: Lookup, comparators then step bits, depth 2");
            case Op.Reduce r -> switch (r.reduction()) {
                case SUM -> sum(k, "a sum: one WeightedSum");
                case MEAN -> divide(k, "a mean: DivideByConstant");
                case MAX, MIN -> new GadgetDepth(2 * k + 5, "a maximum: MaxArgmax.max (depth 3), then Fixed.convert (a WeightedSum, 2k + 2)");
            };
            case Op.Softmax _ -> new GadgetDepth(7, "Softmax: depth 7 whatever the row length");
            case Op.MaskedSoftmax _ -> new GadgetDepth(8, "MaskedSoftmax: Softmax's 7, one level more where a mask bit is a variable");
            case Op.MaskedMean _ -> new GadgetDepth(3, "MaskedMean: depth 3 whatever the line's length");
            case Op.Select _ -> new GadgetDepth(2, "Select.mux: an AND per bit and word, an OR per bit");
            case Op.LayerNorm _ -> new GadgetDepth(4 * k + 8, "LayerNorm: sums, the comparators of rho, the products, rounded once: 4k + 8");
            case Op.Rope _ -> sum(k, "Rope: one WeightedSum per output, no multiplier");
            case Op.ScanExp _ -> new GadgetDepth(2 * k + 5, "Scan: 2k + 5 whatever the line's length");
            case Op.Kron _ -> product(k, "a Kronecker entry: Multiply.folding (an AND where both are bits)");
            case Op.Upsample _, Op.Downsample _ -> new GadgetDepth(6 * k + 6, "a resampled entry, summed separably: the exact"
                    + " column pass (one WeightedSum, 2k + 2), then the row pass by DivideByConstant's deepest route, WORD_MULTIPLY"
                    + " (4k + 4): 6k + 6 (a single tap: wiring)");
        });
    }

    /** WeightedSum: k compression rounds of depth 2, the final stage 2, saturation in parallel. */
    private static GadgetDepth sum(int k, String what) {
        return new GadgetDepth(2 * k + 2, what + " (k rounds of depth 2, a final stage of 2: 2k + 2)");
    }

    /** Multiply: the partial products' ANDs (1), then one WeightedSum. */
    private static GadgetDepth product(int k, String what) {
        return new GadgetDepth(2 * k + 3, what + " (the ANDs, then one WeightedSum: 1 + 2k + 2)");
    }

    /** DivideByConstant's deepest route, WORD_MULTIPLY (STEP 2, WORD 2k + 4, MULTIPLY 2k + 2). */
    private static GadgetDepth divide(int k, String what) {
        return new GadgetDepth(4 * k + 4, what + " (its deepest route, WORD_MULTIPLY: 4k + 4)");
    }
}
