package tc0.proofs.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tc0.compiler.count.TensorIrToCost;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.Lowered;

/**
 * One node of a program counted at one n, as the size bound reads it: its op, gates, elements, the length m its
 * gadget reads along, the widest word w it touches, its table input's width, and its level increment (its own
 * gadget's depth: its level minus its deepest operand's). {@code shape} is null for an op no {@link GadgetShape} is written for;
 * {@code variableOperands}: no operand is computed from constants alone (a weight matrix's product has no AND gates);
 * {@code constant}: the node itself is (a weight, or a mask computed from constants); {@code gadgetDepth}: the most levels
 * its gadget adds by its construction ({@link GadgetDepth}, the counts' compression rounds), -1 where none is written.
 */
public record NodeFigures(int id, String op, GadgetShape shape, String region, List<Integer> operands, BigInteger gates, long elements, long m, int w, int wIn, int depth,
        boolean variableOperands, boolean constant, int gadgetDepth) {

    /** Every node of a count by node (counted with WeightedSum.DEFAULT_ROUNDS, as every count of the checks), in id order. */
    public static List<NodeFigures> of(TensorIrToCost.ByNode b) {
        TensorProgram p = b.program();
        List<NodeFigures> out = new ArrayList<>();
        boolean[] constant = new boolean[p.nodes().size()];
        for (Node x : p.nodes()) {
            constant[x.id()] = switch (x.op()) {
                case Op.Constant _, Op.Fill _ -> true;
                case Op.Input _ -> false;
                default -> x.op().operands().stream().allMatch(o -> constant[o]);
            };
        }
        for (Node x : p.nodes()) {
            List<Integer> ops = x.op().operands();
            int w = Lowered.width(x), wIn = 0, below = 0;
            for (int o : ops) {
                Node y = p.node(o);
                w = Math.max(w, Lowered.width(y));
                wIn = Math.max(wIn, Lowered.width(y));
                below = Math.max(below, b.level()[o]);
            }
            int depth = b.gates().get(x.id()).signum() == 0 ? 0 : Math.max(0, b.level()[x.id()] - below);
            out.add(new NodeFigures(x.id(), x.op().label(), GadgetShape.of(x.op()).orElse(null), x.region(), ops, b.gates().get(x.id()), x.size(), reach(p, x), w, wIn, depth,
                    ops.stream().noneMatch(o -> constant[o]), constant[x.id()], GadgetDepth.of(x, WeightedSum.DEFAULT_ROUNDS).map(GadgetDepth::depth).orElse(-1)));
        }
        return out;
    }

    /** m: a matmul's inner size, a reduction's (or masked mean's) length, a softmax's axis, a scan's rows, a row op's longest axis, else 1. */
    private static long reach(TensorProgram p, Node x) {
        return switch (x.op()) {
            case Op.MatMul mm -> p.node(mm.left()).dim(p.node(mm.left()).rank() - 1);
            case Op.Reduce r -> p.node(r.operand()).size() / Math.max(1, x.size());
            case Op.MaskedMean mm -> p.node(mm.operand()).size() / Math.max(1, x.size());
            case Op.Softmax s -> x.dim(s.axis());
            case Op.MaskedSoftmax s -> x.dim(s.axis());
            case Op.ScanExp _ -> x.dim(0); // the scan runs down the rows: m pairs per element
            case Op.LayerNorm _, Op.Rope _ -> {
                long m = 1;
                for (int a = 0; a < x.rank(); a++) m = Math.max(m, x.dim(a));
                yield m;
            }
            default -> 1;
        };
    }
}
