package tc0.compiler.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.FixedFormat;

/**
 * A softmax with a variable mask whose mask or scores are split on and off a diagonal ({@link ClassMap#diagonal}):
 * GAT's {@code where(eye(n), 1, A)}, the adjacency with self-loops. Line by line, in time of the column groups
 * (not of the line's length): a line's kinds of entry are those of its column groups off the diagonal, with
 * the one entry on it (its own kind: the constant 1 bit) taken out of its group, each kind with its count and
 * first and last position, then counted as {@link VariableMaskSoftmaxCount#count(ElemClass[], ElemClass[], long[],
 * long[], long[], FixedFormat, FixedFormat, FixedFormat)} counts a line (the same closed form, the same key).
 * The output is split on and off the diagonal likewise, its lines grouped by their output classes. A line's kinds
 * depend on its diagonal position p only through p's column group and where p falls among the column groups'
 * first two and last two positions, so lines alike in those (and in their own group) are counted once.
 */
final class DiagonalSoftmax {
    private DiagonalSoftmax() {}

    /** Whether this counts the softmax: a matrix, a variable mask, a diagonal split on one side and no triangle. */
    static boolean applies(Node n, ClassMap x, ClassMap mask) {
        if (n.rank() != 2 || !mask.anyVariable() || x.split() || mask.split() || !(x.onDiagonal() || mask.onDiagonal())) return false;
        return !x.onDiagonal() || !mask.onDiagonal() || x.offset() == mask.offset();
    }

    static Summary count(Engine e, Node n, Op.MaskedSoftmax op, Summary sx, Summary sm) {
        if (op.operand() == op.mask() || !sx.disjoint(sm)) throw new NeedsLiterals("node " + n.id() + ": a softmax mask sharing literals with the scores");
        if (!sx.distinct(op.axis()) || !sm.distinct(op.axis())) throw new NeedsLiterals("node " + n.id() + ": a line of softmax repeats literals");
        FixedFormat fx = e.fmt(op.operand()), fe = op.expFormat(), out = n.elem().asFixed();
        ClassMap xm = sx.words(), mm = sm.classes();
        int axis = op.axis(), across = 1 - axis;
        long offset = xm.onDiagonal() ? xm.offset() : mm.offset();
        int len = Math.toIntExact(n.dim(axis)), lineCount = Math.toIntExact(n.dim(across));
        if (len < 2) throw new NeedsLiterals("node " + n.id() + ": a masked softmax line of one entry");
        MaskedSoftmaxGroups.Grouped cols = MaskedSoftmaxGroups.Grouped.of(xm, mm, axis), lines = MaskedSoftmaxGroups.Grouped.of(xm, mm, across);
        int cj = cols.size();
        int[][] pos = TriangleCounts.positions(cols.id(), cj); // each column group's positions, ascending
        // Per line group and column group, the (word, mask) class ids off the diagonal and on it.
        int lr = lines.size();
        int[][] offX = new int[lr][cj], offM = new int[lr][cj], onX = new int[lr][cj], onM = new int[lr][cj];
        for (int r = 0; r < lr; r++) {
            for (int j = 0; j < cj; j++) {
                offX[r][j] = at(xm, axis, lines.xGroup()[r], cols.xGroup()[j], 0);
                offM[r][j] = at(mm, axis, lines.maskGroup()[r], cols.maskGroup()[j], 0);
                onX[r][j] = at(xm, axis, lines.xGroup()[r], cols.xGroup()[j], 1);
                onM[r][j] = at(mm, axis, lines.maskGroup()[r], cols.maskGroup()[j], 1);
            }
        }
        Map<List<Long>, Result> seen = new HashMap<>();
        Map<Result, Long> times = new IdentityHashMap<>();
        Map<Integer, Long> readsX = new HashMap<>(), readsM = new HashMap<>();
        Map<Signature, Integer> outGroups = new HashMap<>(); // a line's output classes (per column group off, on) -> its group
        List<int[]> outRows = new ArrayList<>();
        int[] lineGroup = new int[lineCount];
        long[] pk = new long[cj + 1], mult = new long[cj + 1], first = new long[cj + 1], last = new long[cj + 1];
        int[] kindOfGroup = new int[cj];
        long[] marks = marks(pos);
        Map<LineKey, int[]> alike = new HashMap<>(); // a line's group, diagonal group and place -> {its output group, its count's index}
        List<Result> results = new ArrayList<>();
        for (int l = 0; l < lineCount; l++) {
            int r = lines.id()[l];
            long p = axis == 1 ? l + offset : l - offset; // the line's entry on the diagonal (j - i == offset), if inside
            int jd = p >= 0 && p < len ? cols.id()[(int) p] : -1;
            int at = Arrays.binarySearch(marks, p);
            LineKey lk = new LineKey(r, jd, jd < 0 ? -1 : at >= 0 ? 2 * at + 1 : -2 * (at + 1));
            int[] known = alike.get(lk);
            if (known != null) {
                lineGroup[l] = known[0];
                times.merge(results.get(known[1]), 1L, Long::sum);
                continue;
            }
            Map<Long, Integer> index = new HashMap<>();
            int k = 0;
            for (int j = 0; j < cj; j++) {
                long m = pos[j].length, f = pos[j][0], z = pos[j][pos[j].length - 1];
                if (j == jd) { // the diagonal's entry taken out of its group
                    m--;
                    if (m == 0) { kindOfGroup[j] = -1; continue; }
                    if (f == p) f = pos[j][1];
                    if (z == p) z = pos[j][pos[j].length - 2];
                }
                k = kind(index, (long) offX[r][j] << 32 | offM[r][j], m, f, z, pk, mult, first, last, k);
                kindOfGroup[j] = index.get((long) offX[r][j] << 32 | offM[r][j]);
            }
            int diagKind = -1;
            if (jd >= 0) {
                long key = (long) onX[r][jd] << 32 | onM[r][jd];
                k = kind(index, key, 1, p, p, pk, mult, first, last, k);
                diagKind = index.get(key);
            }
            // Kinds numbered in order of their first position, as a line met them.
            Integer[] order = new Integer[k];
            for (int c = 0; c < k; c++) order[c] = c;
            Arrays.sort(order, (a, b) -> Long.compare(first[a], first[b]));
            int[] rank = new int[k];
            long[] pairs = new long[k], m = new long[k], f = new long[k], z = new long[k];
            boolean anyVariable = false;
            for (int c = 0; c < k; c++) {
                int o = order[c];
                rank[o] = c;
                pairs[c] = pk[o];
                m[c] = mult[o];
                f[c] = first[o];
                z[c] = last[o];
                ElemClass mc = ElemClass.byId((int) pairs[c]);
                if (mc.isConstant() && mc.code() == 0) throw new NeedsLiterals("node " + n.id() + ": a variable mask with a constant 0 bit");
                anyVariable |= !mc.isConstant();
            }
            if (!anyVariable) throw new NeedsLiterals("node " + n.id() + ": a line of a variable mask with constant bits only (the softmax of its kept entries)");
            List<Long> key = new ArrayList<>(); // as VariableMaskSoftmaxCount's per line
            for (long pr : pairs) key.add(pr);
            for (int c = 0; c < k; c++) key.add(m[c]);
            for (int b = 0; b < k; b++) for (int c = 0; c < k; c++) key.add(f[b] < z[c] ? 1L : 0L);
            final int kinds = k;
            Result res = seen.computeIfAbsent(key, q -> {
                Instance.Result counted = e.closed(List.of("variable-mask-softmax", fx, fe, out, q), () -> {
                    ElemClass[] xs = new ElemClass[kinds], ms = new ElemClass[kinds];
                    for (int c = 0; c < kinds; c++) { xs[c] = ElemClass.byId((int) (pairs[c] >>> 32)); ms[c] = ElemClass.byId((int) pairs[c]); }
                    try {
                        return VariableMaskSoftmaxCount.count(xs, ms, m, f, z, fx, fe, out);
                    } catch (SumForm.Unmodelled u) {
                        return null;
                    }
                });
                if (counted == null) throw new NeedsLiterals("node " + n.id() + ": a masked softmax line the closed form does not model");
                for (int c = 0; c < kinds; c++) {
                    readsX.merge((int) (pairs[c] >>> 32), counted.usedSlots()[c], (a, b) -> a & b);
                    readsM.merge((int) pairs[c], counted.usedSlots()[kinds + c], (a, b) -> a & b);
                }
                return new Result(counted);
            });
            times.merge(res, 1L, Long::sum);
            int[] outs = new int[cj + 1]; // per column group its entries' class off the diagonal; last, the diagonal's
            for (int j = 0; j < cj; j++) outs[j] = kindOfGroup[j] < 0 ? -1 : res.counted.out()[rank[kindOfGroup[j]]].id;
            outs[cj] = diagKind < 0 ? -1 : res.counted.out()[rank[diagKind]].id;
            for (int j = 0; j < cj; j++) if (outs[j] < 0) outs[j] = outs[cj]; // a group of the diagonal's entry alone
            lineGroup[l] = outGroups.computeIfAbsent(new Signature(outs), s -> { outRows.add(outs); return outRows.size() - 1; });
            results.add(res);
            alike.put(lk, new int[] {lineGroup[l], results.size() - 1});
        }
        for (Map.Entry<Result, Long> t : times.entrySet()) e.total.add(t.getKey().counted.profile(), t.getValue());
        for (Map.Entry<Integer, Long> rd : readsX.entrySet()) e.read(op.operand(), ElemClass.byId(rd.getKey()), rd.getValue());
        for (Map.Entry<Integer, Long> rd : readsM.entrySet()) e.read(op.mask(), ElemClass.byId(rd.getKey()), rd.getValue());
        return e.computed(n, outputMap(Engine.shape(n), axis, offset, cols, lineGroup, outRows), false, true, op.operand());
    }

    /** The positions where a line's kinds can change with its diagonal's place: each column group's first two and last two, sorted. */
    private static long[] marks(int[][] pos) {
        java.util.TreeSet<Long> m = new java.util.TreeSet<>();
        for (int[] g : pos) {
            m.add((long) g[0]);
            m.add((long) g[g.length - 1]);
            if (g.length > 1) { m.add((long) g[1]); m.add((long) g[g.length - 2]); }
        }
        return m.stream().mapToLong(Long::longValue).toArray();
    }

    /** Lines alike: their line group, the column group of their diagonal entry (-1: none), its place among the marks. */
    private record LineKey(int group, int diagonalGroup, int place) {}

    /** Adds an entry kind's count and positions to the line's kinds (merged with an equal one); returns the kinds now. */
    private static int kind(Map<Long, Integer> index, long pair, long m, long f, long z, long[] pk, long[] mult, long[] first, long[] last, int k) {
        Integer c = index.get(pair);
        if (c == null) {
            index.put(pair, k);
            pk[k] = pair;
            mult[k] = m;
            first[k] = f;
            last[k] = z;
            return k + 1;
        }
        mult[c] += m;
        first[c] = Math.min(first[c], f);
        last[c] = Math.max(last[c], z);
        return k;
    }

    /** The class id of a map at (line group, position group, side), oriented by the softmax axis; a plain map has no side. */
    private static int at(ClassMap m, int axis, int lineGroup, int posGroup, int side) {
        int g0 = axis == 1 ? lineGroup : posGroup, g1 = axis == 1 ? posGroup : lineGroup;
        return m.onDiagonal() ? m.id(g0, g1, side) : m.id(g0, g1);
    }

    /** The output split on and off the diagonal: lines by their group, positions by column group, the side last. */
    private static ClassMap outputMap(long[] shape, int axis, long offset, MaskedSoftmaxGroups.Grouped cols, int[] lineGroup, List<int[]> outRows) {
        int cj = cols.size(), lr = outRows.size();
        int[] table = new int[lr * cj * 2];
        int[][] ids = new int[2][];
        int[] groups = new int[2];
        ids[axis] = cols.id();
        groups[axis] = cj;
        ids[1 - axis] = lineGroup;
        groups[1 - axis] = lr;
        for (int r = 0; r < lr; r++) {
            int[] outs = outRows.get(r);
            for (int j = 0; j < cj; j++) {
                int g0 = axis == 1 ? r : j, g1 = axis == 1 ? j : r;
                int at = (g0 * groups[1] + g1) * 2;
                table[at] = outs[j];
                table[at + 1] = outs[cj] < 0 ? outs[j] : outs[cj]; // a line without a diagonal entry: no entry on side 1
            }
        }
        return ClassMap.diagonal(shape, offset, ids, groups, table);
    }

    /** A line's count. */
    private record Result(Instance.Result counted) {}

    private record Signature(int[] outs) {
        @Override public boolean equals(Object o) { return o instanceof Signature s && Arrays.equals(outs, s.outs); }

        @Override public int hashCode() { return Arrays.hashCode(outs); }
    }
}
