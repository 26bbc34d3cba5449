package tc0.compiler.count;

import java.util.List;
import tc0.compiler.gadgets.ClosedSum;
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
        Instance.Result[] ab = sums(pair, c * sh[1], s * sh[1], (int) sh[0], out.width(), rounds, used);
        Profile p = new Profile();
        p.add(ab[0].profile(), 1);
        p.add(ab[1].profile(), 1);
        long[] u = {ab[0].usedSlots()[0] | ab[1].usedSlots()[0], ab[0].usedSlots()[1] | ab[1].usedSlots()[1]};
        return new Instance.Result(p, new ElemClass[] {ab[0].out()[0], ab[1].out()[0]}, u, false, true);
    }

    /**
     * The pair's two sums {@code c x - s y}, {@code s x + c y}: from the columns' heights where both words are plain
     * ({@link Rope#pairSums}: each bit its own node, at one level), else from the forms with their literals. The
     * same results either way ({@code RopeCountTest}).
     */
    static Instance.Result[] sums(ElemClass[] pair, long c, long s, int shift, int width, int rounds, long[] used) {
        int level = plainLevel(pair[0]);
        ClosedSum[] cs = level >= 0 && level == plainLevel(pair[1]) && pair[0].width() == pair[1].width()
                ? Rope.pairSums(c, s, pair[0].width(), level, topLow(pair[0]), topLow(pair[1]), shift, width, rounds) : null;
        if (cs == null) {
            return new Instance.Result[] {
                new SumForm().addWord(pair[0], c, 0).addWord(pair[1], -s, 1).close(shift, width, true, rounds, used),
                new SumForm().addWord(pair[0], s, 0).addWord(pair[1], c, 1).close(shift, width, true, rounds, used)};
        }
        return new Instance.Result[] {result(cs[0], width, used), result(cs[1], width, used)};
    }

    /** A closed sum as {@link SumForm#close} gives it (refused where not claimed exact). */
    private static Instance.Result result(ClosedSum cs, int width, long[] used) {
        if (!cs.modelled()) throw new SumForm.Unmodelled("the closed sum is not claimed exact here");
        Profile p = SumForm.profile(cs);
        return new Instance.Result(p, new ElemClass[] {SumForm.outputClass(cs, width, -1, 0)}, p.gates() == 0 ? new long[used.length] : used, false, true);
    }

    /**
     * The level of a word whose every bit is its own variable node, all at one level but the top bit, which may
     * sit lower (a sign made a level earlier); -1 for any other word.
     */
    static int plainLevel(ElemClass c) {
        int w = c.width();
        if (c.slots() != w || w < 2) return -1;
        for (int k = 0; k < w; k++) if (c.bit(k) < 0) return -1;
        int level = c.slotLevel(c.bit(0) >> 1);
        for (int k = 0; k < w - 1; k++) if (c.slotLevel(c.bit(k) >> 1) != level) return -1;
        return c.slotLevel(c.bit(w - 1) >> 1) <= level ? level : -1;
    }

    /** Whether a plain word's top bit sits below its other bits. */
    private static boolean topLow(ElemClass c) {
        return c.slotLevel(c.bit(c.width() - 1) >> 1) < c.slotLevel(c.bit(0) >> 1);
    }

    /**
     * {@link #closed} of a pair already moved down to level 0 (see {@link #count}), shared by the nodes of a
     * count. Null where the closed form does not apply.
     */
    static Instance.Result closedBase(Engine e, ElemClass[] base, long c, long s, FixedFormat fx, FixedFormat fc, FixedFormat out, int rounds) {
        Object key = new PairKey(c, s, base[0].id, base[1].id, fx, fc, out, rounds);
        Instance.Result r = e.shared.get(key);
        if (r == null) {
            try {
                r = closed(base, c, s, fx.fracBits() + fc.fracBits(), out, rounds);
            } catch (SumForm.Unmodelled u) {
                r = NONE;
            }
            e.shared.put(key, r);
        }
        return r == NONE ? null : r;
    }

    /** A base pair's key in the shared map: coefficients, classes, formats, rounds. */
    private record PairKey(long c, long s, int x, int y, FixedFormat fx, FixedFormat fc, FixedFormat out, int rounds) {}

    /** Stands for "no closed form" in the shared map (which takes no nulls). */
    private static final Instance.Result NONE = new Instance.Result(new Profile(), new ElemClass[0], new long[0], false, false);

    private static final java.util.Map<Object, long[]> COEFFICIENTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The coefficient codes of every row and pair, {@code [(i * d/2 + j) * 2 + {0: cos, 1: sin}]}, cached (nodes and layers share them). */
    static long[] coefficients(int rows, int d, double base, FixedFormat fc) {
        return COEFFICIENTS.computeIfAbsent(List.of(rows, d, base, fc), key -> {
            int pairs = d / 2;
            long[] cs = new long[rows * pairs * 2];
            java.util.stream.IntStream.range(0, rows).parallel().forEach(i -> {
                for (int j = 0; j < pairs; j++) {
                    long[] c = Fixed.ropeCoefficients(Fixed.ropeAngle(i, j, d, base), fc);
                    cs[(i * pairs + j) * 2] = c[0];
                    cs[(i * pairs + j) * 2 + 1] = c[1];
                }
            });
            return cs;
        });
    }

    /**
     * Every row's pairs: the classes of a pair depend on its row group and column, the coefficients on its row.
     * A pair is counted from its classes moved down to level 0 (the sums' gates, levels and outputs are the
     * same moved up: every level is a max of input levels or a step above one), so layers whose pairs differ
     * only in level share the work; per (row group, pair) the rows' profiles are summed and moved up once.
     * Rows where the closed form does not apply run the gadget.
     */
    static Summary count(Engine e, Node n, Op.Rope op) {
        Summary s = e.sum(op.operand());
        ClassMap m = s.words();
        FixedFormat fx = e.fmt(op.operand()), fc = op.coefficientFormat(), out = n.elem().asFixed();
        int rows = Math.toIntExact(n.dim(0)), k = Math.toIntExact(n.dim(1));
        int rounds = e.rounds;
        int pairs = k / 2;
        int[] colGroup = m.axisGroups(1);
        long[] coef = coefficients(rows, k, op.base(), fc);
        int rgs = m.groups(0);
        ElemClass[][] pairOf = new ElemClass[rgs * pairs][], baseOf = new ElemClass[rgs * pairs][];
        int[] lift = new int[rgs * pairs];
        for (int rg = 0; rg < rgs; rg++) {
            for (int j = 0; j < pairs; j++) {
                int g = rg * pairs + j;
                ElemClass[] pair = {m.at(new int[] {rg, colGroup[2 * j]}), m.at(new int[] {rg, colGroup[2 * j + 1]})};
                lift[g] = Lift.of(pair);
                pairOf[g] = pair;
                baseOf[g] = Lift.down(pair, lift[g]);
            }
        }
        Instance.Result[] res = new Instance.Result[rows * pairs];
        java.util.stream.IntStream.range(0, rows).parallel().forEach(i -> {
            int rg = m.group(0, i);
            for (int j = 0; j < pairs; j++) {
                int at = i * pairs + j;
                res[at] = closedBase(e, baseOf[rg * pairs + j], coef[2 * at], coef[2 * at + 1], fx, fc, out, rounds);
            }
        });
        int[] table = new int[rows * k];
        boolean passthrough = false, disjoint = true;
        int[] nodes = {op.operand(), op.operand()};
        Profile[] sum = new Profile[rgs * pairs];
        long[][] read = new long[rgs * pairs][];
        java.util.Map<Long, Integer> liftedOut = new java.util.HashMap<>();
        for (int i = 0; i < rows; i++) {
            int rg = m.group(0, i);
            for (int j = 0; j < pairs; j++) {
                int g = rg * pairs + j, at = i * pairs + j;
                ElemClass[] pair = pairOf[g];
                Instance.Result r = res[at];
                if (r == null) {
                    if (Engine.TRACE) System.err.println("count: rope row " + i + " pair " + j + " runs the gadget");
                    long c = coef[2 * at], sn = coef[2 * at + 1];
                    Instance.Gadget gd = (net, in) -> Rope.rotate(net, in[0], in[1], fx, c, sn, fc, out, rounds);
                    r = e.instance(List.of("rope", fx, fc, out, rounds, c, sn), gd, pair, new int[] {0, 1});
                    e.add(r, 1, nodes, pair);
                    table[i * k + 2 * j] = r.out()[0].id;
                    table[i * k + 2 * j + 1] = r.out()[1].id;
                } else {
                    if (sum[g] == null) { sum[g] = new Profile(); read[g] = new long[] {-1L, -1L}; }
                    sum[g].add(r.profile(), 1);
                    read[g][0] &= r.usedSlots()[0];
                    read[g][1] &= r.usedSlots()[1];
                    for (int o = 0; o < 2; o++) {
                        int d = lift[g];
                        ElemClass b = r.out()[o];
                        table[i * k + 2 * j + o] = d == 0 ? b.id : liftedOut.computeIfAbsent((long) b.id << 32 | d, x -> b.lifted(d).id);
                    }
                }
                passthrough |= r.passthrough();
                disjoint &= r.disjoint();
            }
        }
        for (int g = 0; g < sum.length; g++) {
            if (sum[g] == null) continue;
            e.total.add(Lift.up(sum[g], lift[g]), 1);
            for (int o = 0; o < 2; o++) e.read(op.operand(), pairOf[g][o], read[g][o]);
        }
        return e.computed(n, ClassMap.explicit(Engine.shape(n), table), passthrough, disjoint, op.operand());
    }
}
