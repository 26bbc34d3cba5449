package tc0.compiler.count;

import java.util.ArrayList;
import java.util.List;
import tc0.compiler.gadgets.Softmax;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Table;

/**
 * Line ops whose result is a constant at their shape: a softmax along an axis of length 1 (each line is
 * {@code x - max(x) = 0}, so every output is the code of 1, and nothing reads the operand). The builder
 * drops the gates that only feed such a node (a one-token attention's scores), which the summaries would
 * see as gates no consumer reads; counting takes the node as the constant it is, so they are not live.
 */
final class ConstantLines {
    private ConstantLines() {}

    /** {@code p} with each such node a fill of its constant (the same program when there is none). */
    static TensorProgram fold(TensorProgram p) {
        List<Node> nodes = null;
        for (Node n : p.nodes()) {
            if (!(n.op() instanceof Op.Softmax s) || n.dim(s.axis()) != 1) continue;
            ElemClass c = constantSoftmax(p, n, s);
            if (c == null) continue;
            if (nodes == null) nodes = new ArrayList<>(p.nodes());
            nodes.set(n.id(), new Node(n.id(), new Op.Fill(c.code()), n.shape(), n.elem(), n.region()));
        }
        return nodes == null ? p : new TensorProgram(p.model(), p.parameters(), p.precision(), nodes, p.inputs(), p.outputs());
    }

    /**
     * The output class of a softmax of one element: the reference's {@code softmax([x])} (the same code for
     * every x), checked against the gadget on a tape (no gate, nothing read) where its exp table can be made.
     */
    private static ElemClass constantSoftmax(TensorProgram p, Node n, Op.Softmax s) {
        Node src = p.node(s.operand());
        if (src.elem() instanceof Elem.Bit || n.elem() instanceof Elem.Bit) return null;
        FixedFormat fx = src.elem().asFixed(), out = n.elem().asFixed();
        ElemClass c = ElemClass.constant(Fixed.softmax(new long[] {0}, fx, s.expFormat(), out)[0], out.width());
        if (Fixed.softmaxDiffFormat(fx).width() > Table.MAX_INPUT_WIDTH) return c; // x - max(x) folds to 0 whatever the table
        Instance.Result r = Instance.run((net, xs) -> Softmax.build(net, xs, fx, s.expFormat(), out),
                new ElemClass[] {ElemClass.fresh(fx.width(), 0)}, new int[] {0});
        boolean constant = r.profile().gates() == 0 && r.usedSlots()[0] == 0 && r.out()[0] == c;
        return constant ? c : null;
    }
}
