package tc0.compiler.count;

import java.util.List;
import tc0.compiler.gadgets.Rope;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;

/**
 * RoPE as the lowering builds it: row i rotated at position i, pair j by the constant coefficients of its
 * angle, two weighted sums per pair. Instances are per (coefficients, classes of the pair): rows differ
 * by position, so every row is visited (n rows, d/2 pairs each), each distinct instance counted once.
 */
final class RopeCount {
    private RopeCount() {}

    static Summary count(Engine e, Node n, Op.Rope op) {
        Summary s = e.sum(op.operand());
        ClassMap m = s.words();
        FixedFormat fx = e.fmt(op.operand()), fc = op.coefficientFormat(), out = n.elem().asFixed();
        int rows = Math.toIntExact(n.dim(0)), k = Math.toIntExact(n.dim(1));
        int rounds = e.rounds;
        int[] colGroup = m.axisGroups(1);
        int[] table = new int[rows * k];
        boolean passthrough = false, disjoint = true;
        int[] nodes = {op.operand(), op.operand()};
        for (int i = 0; i < rows; i++) {
            int rg = m.group(0, i);
            for (int j = 0; j < k / 2; j++) {
                long[] cs = Fixed.ropeCoefficients(Fixed.ropeAngle(i, j, k, op.base()), fc);
                ElemClass[] pair = {m.at(new int[] {rg, colGroup[2 * j]}), m.at(new int[] {rg, colGroup[2 * j + 1]})};
                Instance.Gadget g = (net, in) -> Rope.rotate(net, in[0], in[1], fx, cs[0], cs[1], fc, out, rounds);
                Instance.Result r = e.instance(List.of("rope", fx, fc, out, rounds, cs[0], cs[1]), g, pair, new int[] {0, 1});
                e.add(r, 1, nodes, pair);
                passthrough |= r.passthrough();
                disjoint &= r.disjoint();
                table[i * k + 2 * j] = r.out()[0].id;
                table[i * k + 2 * j + 1] = r.out()[1].id;
            }
        }
        return e.computed(n, ClassMap.explicit(Engine.shape(n), table), passthrough, disjoint, op.operand());
    }
}
