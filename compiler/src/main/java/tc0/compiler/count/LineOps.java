package tc0.compiler.count;

import java.util.List;
import tc0.compiler.gadgets.LayerNorm;
import tc0.compiler.gadgets.Softmax;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.FixedFormat;

/**
 * Ops with one gadget per line along an axis, as the lowering builds them: softmax along its axis, layer
 * norm along the last axis. Lines with the same sequence of classes cost the same ({@link Lines}); each
 * distinct line is one instance (softmax of a long line in closed form: {@link SoftmaxCount}).
 */
final class LineOps {
    private LineOps() {}

    static Summary softmax(Engine e, Node n, Op.Softmax op) {
        FixedFormat fx = e.fmt(op.operand()), fe = op.expFormat(), out = n.elem().asFixed();
        Instance.Gadget g = (net, xs) -> Softmax.build(net, xs, fx, fe, out);
        return perLine(e, n, op.operand(), op.axis(), List.of("softmax", fx, fe, out),
                g, line -> SoftmaxCount.count(line, fx, fe, out));
    }

    /** Layer norm of a row: the gadget on a Tape, its scale comparators in closed form ({@link LayerNormCount}). */
    static Summary layerNorm(Engine e, Node n, Op.LayerNorm op) {
        FixedFormat fx = e.fmt(op.operand()), out = n.elem().asFixed();
        int rounds = e.rounds;
        Instance.Gadget g = (net, xs) -> LayerNorm.build(net, xs, fx, op.eps(), op.epsFormat(), op.scaleFormat(), out, rounds);
        Closed closed = line -> {
            Profile side = new Profile();
            Instance.Result r = Instance.run(LayerNormCount.gadget(fx, op.eps(), op.epsFormat(), op.scaleFormat(), out, rounds, side),
                    line, Instance.distinct(line.length));
            r.profile().add(side, 1);
            return r;
        };
        return perLine(e, n, op.operand(), n.rank() - 1, List.of("layernorm", fx, op.eps(), op.epsFormat(), op.scaleFormat(), out, rounds),
                g, closed);
    }

    /** A closed count of one line, or null where it does not apply (then the gadget runs). */
    interface Closed {
        Instance.Result count(ElemClass[] line);
    }

    static Summary perLine(Engine e, Node n, int operand, int axis, Object key, Instance.Gadget g, Closed closed) {
        Summary s = e.sum(operand);
        if (!s.distinct(axis)) throw new NeedsLiterals("node " + n.id() + ": a line of " + n.op().label() + " repeats literals");
        ClassMap m = s.words();
        int len = Math.toIntExact(m.shape[axis]);
        int[][] out = new int[Lines.combos(m, axis)][];
        int[] nodes = new int[len];
        java.util.Arrays.fill(nodes, operand);
        boolean[] flags = {false, true};
        int[] at = {0};
        Lines.forEach(m, axis, (combo, line, mult) -> {
            Instance.Result r = null;
            if (closed != null) {
                try {
                    r = e.closedLifted(List.of(key, "closed"), line, closed::count);
                } catch (SumForm.Unmodelled u) {
                    if (Engine.TRACE) System.err.println("count: " + n.op().label() + " of node " + n.id() + " runs the gadget: " + u.getMessage());
                    r = null;
                }
            }
            if (r == null) r = e.instance(key, g, line, Instance.distinct(len));
            e.add(r, mult, nodes, line);
            flags[0] |= r.passthrough();
            flags[1] &= r.disjoint();
            int[] o = new int[len];
            for (int i = 0; i < len; i++) o[i] = r.out()[i].id;
            out[at[0]++] = o;
        });
        return e.computed(n, Lines.perPosition(m, axis, out), flags[0], flags[1], operand);
    }
}
