package tc0.compiler.count;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.FixedFormat;

/**
 * A softmax with a constant mask counted by groups, not line by line: along the softmax axis, positions whose
 * scores and mask bits fall in the same groups are alike in every line (a column group); across it, lines whose
 * scores and mask fall in the same groups are the same line (a line group). A line is then its kinds of kept
 * entry with how many of each and where the first and last sit ({@link SoftmaxCount#count(ElemClass[], long[],
 * long[], long[], FixedFormat, FixedFormat, FixedFormat)}), found in time of the column groups: a causal pair
 * mask {@code rowkron(tril(n), tril(n))} has n line groups and about n column groups (the pair (a, b) by
 * max(a, b)), so its n^3 entries cost n^2 visits. Counts as {@link MaskedSoftmaxCount} does line by line.
 */
final class MaskedSoftmaxGroups {
    private MaskedSoftmaxGroups() {}

    /** The most line-group by column-group cells held (4 bytes each). */
    static final long TABLE_LIMIT = 1L << 28;

    /** Positions of one axis grouped by the pair (score group, mask group). */
    record Grouped(int[] id, int[] xGroup, int[] maskGroup, long[] count, long[] first, long[] last) {
        int size() { return xGroup.length; }

        static Grouped of(ClassMap xm, ClassMap mm, int axis) {
            int[] xg = xm.axisGroups(axis), mg = mm.axisGroups(axis);
            PairIds pairs = PairIds.of(xg, xm.groups(axis), mg, mm.groups(axis));
            int[] id = pairs.id();
            int k = pairs.count();
            int[] gx = new int[k], gmk = new int[k];
            long[] count = new long[k], first = new long[k], last = new long[k];
            for (int i = 0; i < xg.length; i++) {
                int g = id[i];
                if (count[g]++ == 0) { first[g] = i; gx[g] = xg[i]; gmk[g] = mg[i]; }
                last[g] = i;
            }
            return new Grouped(id, gx, gmk, count, first, last);
        }
    }

    static Summary count(Engine e, Node n, Op.MaskedSoftmax op) {
        if (n.rank() != 2) throw new NeedsLiterals("node " + n.id() + ": a masked softmax of rank " + n.rank() + " past " + MaskedSoftmaxCount.lineByLineLimit + " elements");
        ClassMap xm = e.sum(op.operand()).words(), mm = e.sum(op.mask()).words();
        FixedFormat fx = e.fmt(op.operand()), fe = op.expFormat(), out = n.elem().asFixed();
        int axis = op.axis(), across = 1 - axis;
        Grouped cols = Grouped.of(xm, mm, axis), lines = Grouped.of(xm, mm, across);
        int cj = cols.size(), lr = lines.size();
        if ((long) cj * lr > TABLE_LIMIT) {
            throw new NeedsLiterals("node " + n.id() + ": a masked softmax of " + lr + " line groups by " + cj + " column groups, past " + TABLE_LIMIT);
        }
        int zero = ElemClass.constant(0, out.width()).id;
        int one = ElemClass.constant(tc0.compiler.numerics.Fixed.softmax(new long[] {0}, fx, fe, out)[0], out.width()).id;
        int[] table = new int[cj * lr];
        Map<Integer, Long> reads = new HashMap<>();
        Map<LineKey, SoftmaxCount.ByKind> seen = new HashMap<>();
        int[] g = new int[2];
        for (int r = 0; r < lr; r++) {
            // The kinds of kept entry of this line group: class id -> kind, with count, first and last position.
            Map<Integer, Integer> kindOf = new HashMap<>();
            int[] kindAt = new int[cj];
            long[] mult = new long[cj], first = new long[cj], last = new long[cj];
            int[] classes = new int[cj];
            long kept = 0;
            for (int j = 0; j < cj; j++) {
                g[axis] = cols.maskGroup()[j];
                g[across] = lines.maskGroup()[r];
                if (mm.at(g).code() == 0) { kindAt[j] = -1; continue; }
                g[axis] = cols.xGroup()[j];
                g[across] = lines.xGroup()[r];
                int c = xm.at(g).id;
                Integer k = kindOf.get(c);
                if (k == null) {
                    k = kindOf.size();
                    kindOf.put(c, k);
                    classes[k] = c;
                    first[k] = cols.first()[j];
                }
                mult[k] += cols.count()[j];
                first[k] = Math.min(first[k], cols.first()[j]);
                last[k] = Math.max(last[k], cols.last()[j]);
                kept += cols.count()[j];
                kindAt[j] = k;
            }
            int kinds = kindOf.size();
            int[] outs = new int[kinds];
            if (kept == 1) { // a softmax of one entry is the constant 1: no gate, nothing read
                outs[0] = one;
                reads.merge(classes[0], 0L, (x, y) -> x & y);
            }
            else if (kept >= 2) {
                SoftmaxCount.ByKind res = keptLine(n, classes, kinds, mult, first, last, fx, fe, out, seen, outs, reads);
                e.total.add(res.profile(), lines.count()[r]);
            }
            for (int j = 0; j < cj; j++) {
                int v = kindAt[j] < 0 ? zero : outs[kindAt[j]];
                table[axis == 1 ? r * cj + j : j * lr + r] = v;
            }
        }
        for (Map.Entry<Integer, Long> rd : reads.entrySet()) e.read(op.operand(), ElemClass.byId(rd.getKey()), rd.getValue());
        return e.computed(n, lineMap(Engine.shape(n), axis, cols, lines, table), false, true, op.operand());
    }

    /**
     * A rank-2 softmax's output map: classes by (line group, position group), {@code table[r * cols + j]} when the
     * softmax runs along axis 1, {@code table[j * lines + r]} along axis 0.
     */
    static ClassMap lineMap(long[] shape, int axis, Grouped cols, Grouped lines, int[] table) {
        int[][] ids = new int[2][];
        int[] groups = new int[2];
        ids[axis] = cols.id();
        groups[axis] = cols.size();
        ids[1 - axis] = lines.id();
        groups[1 - axis] = lines.size();
        return ClassMap.of(shape, ids, groups, table);
    }

    /** A line by its kinds: their classes, counts, first and last positions. */
    record LineKey(long[] a) {
        @Override public boolean equals(Object o) { return o instanceof LineKey k && Arrays.equals(a, k.a); }

        @Override public int hashCode() { return Arrays.hashCode(a); }
    }

    /**
     * A line of at least two kept entries, of {@code kinds} classes ({@code classes}, with each kind's count,
     * first and last position): counted once per distinct line ({@code seen}), each kind's output class into
     * {@code outs}, and every entry's bits read ({@code reads}, class id -> the bits some line leaves unread).
     */
    static SoftmaxCount.ByKind keptLine(Node n, int[] classes, int kinds, long[] mult, long[] first, long[] last, FixedFormat fx, FixedFormat fe,
            FixedFormat out, Map<LineKey, SoftmaxCount.ByKind> seen, int[] outs, Map<Integer, Long> reads) {
        ElemClass[] ks = new ElemClass[kinds];
        for (int k = 0; k < kinds; k++) ks[k] = ElemClass.byId(classes[k]);
        long[] key = new long[4 * kinds];
        for (int k = 0; k < kinds; k++) { key[k] = classes[k]; key[kinds + k] = mult[k]; key[2 * kinds + k] = first[k]; key[3 * kinds + k] = last[k]; }
        LineKey lk = new LineKey(key);
        SoftmaxCount.ByKind res = seen.get(lk);
        if (res == null) {
            try {
                res = SoftmaxCount.count(ks, Arrays.copyOf(mult, kinds), Arrays.copyOf(first, kinds), Arrays.copyOf(last, kinds), fx, fe, out);
            } catch (SumForm.Unmodelled u) {
                throw new NeedsLiterals("node " + n.id() + ": a masked softmax line not in closed form (" + u.getMessage() + ")");
            }
            seen.put(lk, res);
        }
        for (int k = 0; k < kinds; k++) {
            outs[k] = res.out()[k].id;
            reads.merge(classes[k], Usage.all(ks[k]), (x, y) -> x & y);
        }
        return res;
    }
}
