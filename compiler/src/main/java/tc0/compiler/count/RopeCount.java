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
    static boolean topLow(ElemClass c) {
        return c.slotLevel(c.bit(c.width() - 1) >> 1) < c.slotLevel(c.bit(0) >> 1);
    }

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
     * only in level share the work: per pair and base classes every row is counted once ({@link RopeColumn}; per
     * pair and width once for every column of plain words, {@link RopePlainRows}), shared by the count's RoPE nodes over those classes however they group their rows; per (row group, pair)
     * the rows' profiles are summed from it and moved up once. Rows where the closed form does not apply run the gadget.
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
        // Each group's rows (null: every row, one group).
        int[][] rowsOf = new int[rgs][];
        if (rgs > 1) {
            int[] size = new int[rgs];
            for (int i = 0; i < rows; i++) size[m.group(0, i)]++;
            for (int rg = 0; rg < rgs; rg++) rowsOf[rg] = new int[size[rg]];
            java.util.Arrays.fill(size, 0);
            for (int i = 0; i < rows; i++) { int rg = m.group(0, i); rowsOf[rg][size[rg]++] = i; }
        }
        RopeColumn[] col = new RopeColumn[rgs * pairs];
        RopeColumn.Sum[] sum = new RopeColumn.Sum[rgs * pairs];
        for (int g = 0; g < col.length; g++) {
            int j = g % pairs;
            ElemClass[] b = baseOf[g];
            Object codes = List.of(rows, k, op.base(), fc);
            col[g] = e.ropeColumns.computeIfAbsent(new ColumnKey(b[0].id, b[1].id, j, codes, fx, fc, out, rounds), key -> {
                int w = RopeColumn.plainWidth(b);
                RopePlainRows plain = w < 0 ? null : e.ropePlain.computeIfAbsent(new ColumnKey(w, -1, j, codes, fx, fc, out, rounds),
                        x -> RopePlainRows.of(coef, pairs, j, rows, w, fx, fc, out, rounds));
                return RopeColumn.of(b, coef, pairs, j, rows, fx, fc, out, rounds, plain);
            });
            sum[g] = col[g].sum(rowsOf[g / pairs]);
        }
        int[] table = new int[rows * k];
        boolean passthrough = false, disjoint = true;
        int[] nodes = {op.operand(), op.operand()};
        LiftedIds[] liftedOut = new LiftedIds[col.length]; // per column group, one per lift
        java.util.Map<Integer, LiftedIds> byLift = new java.util.HashMap<>();
        for (int g = 0; g < col.length; g++) liftedOut[g] = byLift.computeIfAbsent(lift[g], LiftedIds::new);
        for (int i = 0; i < rows; i++) {
            int rg = m.group(0, i);
            for (int j = 0; j < pairs; j++) {
                int g = rg * pairs + j;
                int[] ids = col[g].out;
                int r = 2 * i;
                if (ids[r] < 0) {
                    if (Engine.TRACE) System.err.println("count: rope row " + i + " pair " + j + " runs the gadget");
                    int at = i * pairs + j;
                    long c = coef[2 * at], sn = coef[2 * at + 1];
                    Instance.Gadget gd = (net, in) -> Rope.rotate(net, in[0], in[1], fx, c, sn, fc, out, rounds);
                    Instance.Result res = e.instance(List.of("rope", fx, fc, out, rounds, c, sn), gd, pairOf[g], new int[] {0, 1});
                    e.add(res, 1, nodes, pairOf[g]);
                    table[i * k + 2 * j] = res.out()[0].id;
                    table[i * k + 2 * j + 1] = res.out()[1].id;
                    passthrough |= res.passthrough();
                    disjoint &= res.disjoint();
                    continue;
                }
                for (int o = 0; o < 2; o++) {
                    table[i * k + 2 * j + o] = liftedOut[g].of(ids[r + o]);
                }
            }
        }
        for (int g = 0; g < col.length; g++) {
            if (!sum[g].anyClosed()) continue;
            e.total.add(Lift.up(sum[g].profile(), lift[g]), 1);
            for (int o = 0; o < 2; o++) e.read(op.operand(), pairOf[g][o], sum[g].read()[o]);
        }
        return e.computed(n, ClassMap.explicit(Engine.shape(n), table), passthrough, disjoint, op.operand());
    }

    /**
     * A column's key in the count's shared map: the base pair's classes, the pair index, the coefficients' table,
     * formats, rounds; for plain rows ({@link RopePlainRows}) the words' width and -1 in place of the classes.
     */
    private record ColumnKey(int x, int y, int j, Object coefficients, FixedFormat fx, FixedFormat fc, FixedFormat out, int rounds) {}

}
