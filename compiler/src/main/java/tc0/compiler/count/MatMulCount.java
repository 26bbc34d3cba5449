package tc0.compiler.count;

import java.util.ArrayList;
import java.util.List;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.Multiply;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.lower.Lowered;
import tc0.compiler.numerics.FixedFormat;

/**
 * Matrix products as the lowering builds them: with a constant side (every literal constant) one weighted
 * sum per entry, the constants folded into its weights; else one dot product per entry. An entry's instance
 * is the row of A (its classes) and the column of B (its classes, or its codes): entries in the same row
 * group of A and column group of B cost the same.
 */
final class MatMulCount {
    private MatMulCount() {}

    private static final int[] NONE = new int[0];

    /** A dot product in closed form ({@link SumForm#addDot}); usage as the instance's: row slots, then column slots. Null where it does not apply. */
    private static Instance.Result closedDot(Engine e, ElemClass[] row, ElemClass[] col, FixedFormat fa, FixedFormat fb, FixedFormat out) {
        // Terms with a constant-0 factor have no AND and read nothing: counted without them (a causal P @ V row
        // is its kept entries, all of one class, and the zeros: the kept ones alone are one uniform dot).
        int[] live = new int[row.length];
        int kept = 0;
        for (int k = 0; k < row.length; k++) if (!zero(row[k]) && !zero(col[k])) live[kept++] = k;
        if (kept < row.length && kept > 0) {
            ElemClass[] r2 = new ElemClass[kept], c2 = new ElemClass[kept];
            for (int t = 0; t < kept; t++) { r2[t] = row[live[t]]; c2[t] = col[live[t]]; }
            Instance.Result r = closedDot(e, r2, c2, fa, fb, out);
            if (r == null) return null;
            long[] used = new long[2 * row.length];
            for (int t = 0; t < kept; t++) { used[live[t]] = r.usedSlots()[t]; used[row.length + live[t]] = r.usedSlots()[kept + t]; }
            return new Instance.Result(r.profile(), r.out(), used, r.passthrough(), r.disjoint());
        }
        int d = row.length;
        ElemClass[] both = new ElemClass[2 * d];
        System.arraycopy(row, 0, both, 0, d);
        System.arraycopy(col, 0, both, d, d);
        try {
            return e.closedLifted(List.of("dot-closed", fa, fb, out, e.rounds), both, in -> {
                ElemClass[] xs = java.util.Arrays.copyOfRange(in, 0, d), ys = java.util.Arrays.copyOfRange(in, d, 2 * d);
                long[] sh = SumForm.toFormat(fa.fracBits() + fb.fracBits(), out);
                long[] ux = new long[d], uy = new long[d];
                SumForm f = new SumForm().addDot(xs, ys, sh[1], ux, uy);
                long[] used = new long[2 * d];
                System.arraycopy(ux, 0, used, 0, d);
                System.arraycopy(uy, 0, used, d, d);
                return f.close((int) sh[0], out.width(), true, e.rounds, used);
            });
        } catch (SumForm.Unmodelled u) {
            return null;
        }
    }

    private static boolean zero(ElemClass c) {
        return c.isConstant() && c.code() == 0;
    }

    /**
     * A weighted sum with constant weights ({@code codes}) in closed form ({@link SumForm}); usage: every slot of
     * a word with a nonzero weight (the saturation gates read them all). Null where it does not apply.
     */
    private static Instance.Result closedConst(Engine e, ElemClass[] x, long[] codes, List<Long> key, int frac, FixedFormat out) {
        try {
            return e.closedLifted(List.of("matmul-const-closed", frac, out, e.rounds, key), x, in -> {
                long[] sh = SumForm.toFormat(frac, out);
                SumForm f = new SumForm();
                long[] used = new long[in.length];
                for (int k = 0; k < in.length; k++) {
                    f.addWord(in[k], Math.multiplyExact(codes[k], sh[1]), k);
                    used[k] = codes[k] == 0 ? 0 : SumForm.variableSlots(in[k]);
                }
                return f.close((int) sh[0], out.width(), true, e.rounds, used);
            });
        } catch (SumForm.Unmodelled u) {
            return null;
        }
    }

    static Summary count(Engine e, Node n, Op.MatMul op) {
        Summary sa = e.sumSplit(op.left()), sb = e.sumSplit(op.right());
        FixedFormat fa = e.fmt(op.left()), fb = e.fmt(op.right()), out = n.elem().asFixed();
        if (TriangleProduct.applies(e, n, sa.classes(), sb.classes())) return TriangleProduct.count(e, n, op, sa, sb, fa, fb, out);
        sa = e.sum(op.left());
        sb = e.sum(op.right());
        ClassMap a = sa.words(), b = sb.words();
        boolean constB = b.allConstant(), constA = !constB && a.allConstant();
        if (constB && !sa.distinct(1)) throw new NeedsLiterals("node " + n.id() + ": a row of the variable factor repeats literals");
        if (constA && !sb.distinct(0)) throw new NeedsLiterals("node " + n.id() + ": a column of the variable factor repeats literals");
        if (!constA && !constB && (!sa.distinct(1) || !sb.distinct(0) || !sa.disjoint(sb))) {
            throw new NeedsLiterals("node " + n.id() + ": the factors of a variable product share literals");
        }
        int ra = a.groups(0), cb = b.groups(1);
        int[] table = new int[ra * cb];
        // Entries a constant mask drops (DeadEntries): per (row group, column group) the live entries only.
        ClassMap dead = e.deadMask(n.id());
        long[][] live = dead == null ? null : liveCounts(a, b, dead);
        boolean[] flags = {false, true}; // passthrough, disjoint
        if (!constA && !constB) {
            variable(e, op, a, b, fa, fb, out, live, table, flags);
        } else {
            constant(e, op, a, b, constA, constB, fa, fb, out, live, table, flags);
        }
        ClassMap m = dead == null ? ClassMap.of(Engine.shape(n), outerIds(a, b), outerPairs(a, b), new int[] {ra, cb}, table)
                : withDead(a, b, dead, table, cb, Lowered.width(n));
        return e.computed(n, m, flags[0], flags[1], op.left(), op.right());
    }

    /** The product with a constant factor: per entry a weighted sum, its weights the constant side's codes. */
    private static void constant(Engine e, Op.MatMul op, ClassMap a, ClassMap b, boolean constA, boolean constB, FixedFormat fa, FixedFormat fb,
            FixedFormat out, long[][] live, int[] table, boolean[] flags) {
        int inner = Math.toIntExact(a.shape[1]), ra = a.groups(0), cb = b.groups(1), rounds = e.rounds;
        int[] posA = a.axisGroups(1), posB = b.axisGroups(0);
        // Slots read per element, OR over the instances that read it (an element of A is read by every column).
        long[][] readA = new long[constB ? ra : 0][inner], readB = new long[constA ? cb : 0][inner];
        for (int gi = 0; gi < ra; gi++) {
            for (int gj = 0; gj < cb; gj++) {
                long mult = live == null ? Math.multiplyExact(a.count(0, gi), b.count(1, gj)) : live[gi][gj];
                if (mult == 0) continue;
                ElemClass[] x = new ElemClass[inner];
                long[] codes = new long[inner];
                List<Long> key = new ArrayList<>();
                for (int k = 0; k < inner; k++) {
                    ElemClass row = ElemClass.byId(a.id(gi, posA[k])), col = ElemClass.byId(b.id(posB[k], gj));
                    x[k] = constB ? row : col;
                    codes[k] = (constB ? col : row).code();
                    key.add(codes[k]);
                }
                int frac = fa.fracBits() + fb.fracBits();
                Instance.Gadget g = (net, in) -> {
                    LinearForm f = new LinearForm();
                    for (int k = 0; k < in.length; k++) f.addWord(in[k], codes[k]);
                    return new int[][] {WeightedSum.toFormat(net, f, frac, out, rounds)};
                };
                Instance.Result r = closedConst(e, x, codes, key, frac, out);
                if (r == null) r = e.instance(List.of("matmul-const", frac, out, rounds, key), g, x, Instance.distinct(inner));
                e.add(r, mult, NONE, x);
                long[] read = constB ? readA[gi] : readB[gj];
                for (int k = 0; k < inner; k++) read[k] |= r.usedSlots()[k];
                flags[0] |= r.passthrough();
                flags[1] &= r.disjoint();
                table[gi * cb + gj] = r.out()[0].id;
            }
        }
        if (constB) for (int gi = 0; gi < ra; gi++) for (int k = 0; k < inner; k++) e.read(op.left(), ElemClass.byId(a.id(gi, posA[k])), readA[gi][k]);
        if (constA) for (int gj = 0; gj < cb; gj++) for (int k = 0; k < inner; k++) e.read(op.right(), ElemClass.byId(b.id(posB[k], gj)), readB[gj][k]);
    }

    /**
     * The product of two variable factors: per entry a dot product, counted by groups of the inner axis
     * ({@link VariableDots}); where the closed form does not apply, the dot's gadget is run over its terms.
     */
    private static void variable(Engine e, Op.MatMul op, ClassMap a, ClassMap b, FixedFormat fa, FixedFormat fb, FixedFormat out, long[][] live,
            int[] table, boolean[] flags) {
        VariableDots dots = new VariableDots(e, a, b, fa, fb, out);
        int inner = Math.toIntExact(a.shape[1]), ra = a.groups(0), cb = b.groups(1), k = dots.groups(), rounds = e.rounds;
        // Slots read per element of an inner group, OR over the dots that read it (an element of A is read by every column).
        long[][] readB = new long[cb][k];
        for (int gi = 0; gi < ra; gi++) {
            long[] readA = new long[k];
            for (int gj = 0; gj < cb; gj++) {
                long mult = live == null ? Math.multiplyExact(a.count(0, gi), b.count(1, gj)) : live[gi][gj];
                if (mult == 0) continue;
                VariableDots.Dot d = dots.dot(gi, gj);
                Instance.Result r;
                if (d != null) {
                    r = d.result();
                    e.total.add(r.profile(), mult);
                    for (int g = 0; g < k; g++) { readA[g] |= d.readA()[g]; readB[gj][g] |= d.readB()[g]; }
                } else {
                    ElemClass[] row = new ElemClass[inner], col = new ElemClass[inner];
                    for (int t = 0; t < inner; t++) {
                        int g = dots.groupOf(t);
                        row[t] = ElemClass.byId(a.id(gi, dots.aGroup(g)));
                        col[t] = ElemClass.byId(b.id(dots.bGroup(g), gj));
                    }
                    ElemClass[] both = new ElemClass[2 * inner];
                    System.arraycopy(row, 0, both, 0, inner);
                    System.arraycopy(col, 0, both, inner, inner);
                    Instance.Gadget gadget = (net, in) -> {
                        int[][] xs = java.util.Arrays.copyOfRange(in, 0, inner), ys = java.util.Arrays.copyOfRange(in, inner, 2 * inner);
                        return new int[][] {Multiply.dot(net, xs, fa, ys, fb, out, rounds)};
                    };
                    r = closedDot(e, row, col, fa, fb, out);
                    if (r == null && PerElement.productBeyondBuilder(fa, fb, out)) { // the builder's longs overflow: the sum over exact integers
                        r = e.closedLifted(List.of("matmul-var-wide", fa, fb, out, rounds), both, in -> PerElement.wideDot(in, fa, fb, out, rounds));
                    }
                    if (r == null) r = e.instance(List.of("matmul-var", fa, fb, out, rounds), gadget, both, Instance.distinct(2 * inner));
                    e.add(r, mult, NONE, both);
                    for (int t = 0; t < inner; t++) { readA[dots.groupOf(t)] |= r.usedSlots()[t]; readB[gj][dots.groupOf(t)] |= r.usedSlots()[inner + t]; }
                }
                flags[0] |= r.passthrough();
                flags[1] &= r.disjoint();
                table[gi * cb + gj] = r.out()[0].id;
            }
            readOnce(e, op.left(), a, true, gi, dots, readA);
        }
        for (int gj = 0; gj < cb; gj++) readOnce(e, op.right(), b, false, gj, dots, readB[gj]);
        if (Engine.TRACE) System.err.printf("count: matmul of %d inner positions in %d groups: %d dots, %d in bulk%n", inner, k, dots.dotsCounted, dots.dotsInBulk);
    }

    /** Reports the slots read per inner group of one row group of A (or column group of B), each (class, slots) once in a row. */
    private static void readOnce(Engine e, int node, ClassMap m, boolean left, int fixed, VariableDots dots, long[] read) {
        int lastClass = -1;
        long lastRead = 0;
        for (int g = 0; g < read.length; g++) {
            int c = left ? m.id(fixed, dots.aGroup(g)) : m.id(dots.bGroup(g), fixed);
            if (c == lastClass && read[g] == lastRead) continue;
            e.read(node, ElemClass.byId(c), read[g]);
            lastClass = c;
            lastRead = read[g];
        }
    }

    /** The product's groups: A's rows and B's columns, listed where they are (B's columns may be a pair axis held factored). */
    private static int[][] outerIds(ClassMap a, ClassMap b) {
        return new int[][] {a.pairAxis(0) == null ? a.axisGroups(0) : null, b.pairAxis(1) == null ? b.axisGroups(1) : null};
    }

    private static PairAxis[] outerPairs(ClassMap a, ClassMap b) { return new PairAxis[] {a.pairAxis(0), b.pairAxis(1)}; }

    /** Live entries (mask code 1) per row group of A and column group of B. */
    private static long[][] liveCounts(ClassMap a, ClassMap b, ClassMap read) {
        if (read.split()) { // by joint groups of rows (A's, the mask's) and columns, and side
            PairIds rows = PairIds.of(a.axisGroups(0), a.groups(0), read.axisGroups(0), read.groups(0));
            // The columns by B's and the mask's groups at once (a pair axis held factored stays so).
            AxisJoint cols = AxisJoint.of(new ClassMap[] {b, read}, new int[] {1, 1}, read.diagonal());
            int[] rowA = new int[rows.count()], rowR = new int[rows.count()], colB = new int[cols.count()], colR = new int[cols.count()];
            for (int i = 0; i < rows.id().length; i++) { rowA[rows.id()[i]] = a.group(0, i); rowR[rows.id()[i]] = read.group(0, i); }
            for (int c = 0; c < cols.count(); c++) { colB[c] = cols.parts()[c][0]; colR[c] = cols.parts()[c][1]; }
            SideCounts sides = cols.pairs() != null ? new TriangleCounts(rows.id(), rows.count(), cols.keyed(read.diagonal()), read.offset())::count
                    : new TriangleCounts(rows.id(), rows.count(), cols.ids(), cols.count(), read.diagonal())::count;
            long[][] live = new long[a.groups(0)][b.groups(1)];
            for (int r = 0; r < rows.count(); r++) {
                for (int c = 0; c < cols.count(); c++) {
                    for (int s = 0; s < 2; s++) if (ElemClass.byId(read.id(rowR[r], colR[c], s)).code() != 0) live[rowA[r]][colB[c]] += sides.count(r, c, s);
                }
            }
            return live;
        }
        long[][] rows = jointCounts(a.axisGroups(0), a.groups(0), read.axisGroups(0), read.groups(0));
        long[][] cols = jointCounts(b.axisGroups(1), b.groups(1), read.axisGroups(1), read.groups(1));
        long[][] live = new long[a.groups(0)][b.groups(1)];
        for (int dr = 0; dr < read.groups(0); dr++) {
            for (int dc = 0; dc < read.groups(1); dc++) {
                if (read.at(new int[] {dr, dc}).code() == 0) continue;
                for (int gi = 0; gi < live.length; gi++) {
                    if (rows[gi][dr] == 0) continue;
                    for (int gj = 0; gj < live[gi].length; gj++) live[gi][gj] += rows[gi][dr] * cols[gj][dc];
                }
            }
        }
        return live;
    }

    /** Positions per (group in one map, group in another) of one axis. */
    private static long[][] jointCounts(int[] ids, int groups, int[] other, int otherGroups) {
        long[][] c = new long[groups][otherGroups];
        for (int i = 0; i < ids.length; i++) c[ids[i]][other[i]]++;
        return c;
    }

    /** The product's map: each live entry its (row group, column group) class, each dead one constant 0. */
    private static ClassMap withDead(ClassMap a, ClassMap b, ClassMap read, int[] table, int cb, int width) {
        ClassMap live = ClassMap.of(read.shape, outerIds(a, b), outerPairs(a, b), new int[] {a.groups(0), cb}, table);
        ElemClass zero = ElemClass.constant(0, width);
        return new Zip(live, read).map((c, mult) -> c[1].code() == 0 ? zero : c[0]);
    }
}
