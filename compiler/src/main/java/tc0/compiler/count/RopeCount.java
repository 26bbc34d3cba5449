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

    /** {@code Rope.rotate}'s two weighted sums {@code c x - s y}, {@code s x + c y} in closed form ({@link SumForm}). */
    static Instance.Result closed(ElemClass[] pair, long c, long s, int frac, FixedFormat out, int rounds) {
        long[] sh = SumForm.toFormat(frac, out);
        long[] used = {c == 0 && s == 0 ? 0 : Usage.all(pair[0]), c == 0 && s == 0 ? 0 : Usage.all(pair[1])};
        Instance.Result a = new SumForm().addWord(pair[0], c * sh[1], 0).addWord(pair[1], -s * sh[1], 1)
                .close((int) sh[0], out.width(), true, rounds, used);
        Instance.Result b = new SumForm().addWord(pair[0], s * sh[1], 0).addWord(pair[1], c * sh[1], 1)
                .close((int) sh[0], out.width(), true, rounds, used);
        Profile p = new Profile();
        p.add(a.profile(), 1);
        p.add(b.profile(), 1);
        long[] u = {a.usedSlots()[0] | b.usedSlots()[0], a.usedSlots()[1] | b.usedSlots()[1]};
        return new Instance.Result(p, new ElemClass[] {a.out()[0], b.out()[0]}, u, false, true);
    }

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
        // Rows differ by position: the closed sums of every row, in parallel; the gadget where they do not apply.
        int pairs = k / 2;
        Instance.Result[] res = new Instance.Result[rows * pairs];
        java.util.stream.IntStream.range(0, rows).parallel().forEach(i -> {
            int rg = m.group(0, i);
            for (int j = 0; j < pairs; j++) {
                long[] cs = Fixed.ropeCoefficients(Fixed.ropeAngle(i, j, k, op.base()), fc);
                ElemClass[] pair = {m.at(new int[] {rg, colGroup[2 * j]}), m.at(new int[] {rg, colGroup[2 * j + 1]})};
                Object key = List.of(cs[0], cs[1], pair[0].id, pair[1].id, fx, fc, out, rounds);
                Instance.Result r = e.shared.get(key);
                if (r == null) {
                    try {
                        r = closed(pair, cs[0], cs[1], fx.fracBits() + fc.fracBits(), out, rounds);
                        e.shared.put(key, r);
                    } catch (SumForm.Unmodelled u) {
                        r = null;
                    }
                }
                res[i * pairs + j] = r;
            }
        });
        for (int i = 0; i < rows; i++) {
            int rg = m.group(0, i);
            for (int j = 0; j < pairs; j++) {
                ElemClass[] pair = {m.at(new int[] {rg, colGroup[2 * j]}), m.at(new int[] {rg, colGroup[2 * j + 1]})};
                Instance.Result r = res[i * pairs + j];
                if (r == null) {
                    if (Engine.TRACE) System.err.println("count: rope row " + i + " pair " + j + " runs the gadget");
                    long[] cs = Fixed.ropeCoefficients(Fixed.ropeAngle(i, j, k, op.base()), fc);
                    Instance.Gadget g = (net, in) -> Rope.rotate(net, in[0], in[1], fx, cs[0], cs[1], fc, out, rounds);
                    r = e.instance(List.of("rope", fx, fc, out, rounds, cs[0], cs[1]), g, pair, new int[] {0, 1});
                }
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
