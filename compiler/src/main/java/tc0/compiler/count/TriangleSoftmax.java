package tc0.compiler.count;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.FixedFormat;

/**
 * A softmax along rows with a constant mask split by a diagonal ({@code tril(n)}: {@link TriangleMask}), its
 * scores plain or split by the same diagonal. Row i keeps, of each column group, the positions on the side
 * the mask's bit there is 1: a prefix (below {@code i + offset + 1}) or a suffix of the group. So a row is its
 * kinds of kept entry with count, first and last position ({@link SoftmaxCount#count(ElemClass[], long[], long[],
 * long[], FixedFormat, FixedFormat, FixedFormat)}), found in time of the column groups: n rows cost n closed
 * counts, not n^2 entries. The output is split by the diagonal too, rows with the same outputs one group.
 * Counts as {@link MaskedSoftmaxCount} does line by line.
 */
final class TriangleSoftmax {
    private TriangleSoftmax() {}

    /** Whether a masked softmax split by a diagonal is counted here at all; tests turn it off to compare with {@link MaskedSoftmaxCount}'s lines one by one. */
    static boolean enabled = true;

    /** Whether lines of two kinds or more are summed by shape ({@link SoftmaxRows}); tests turn it off to compare with the per-line count. */
    static boolean sumLines = true;

    /** Lines summed by shape in the last count (tests read it). */
    static volatile long linesSummed;

    /** Whether the softmax is counted here: a row softmax of a matrix, the mask split, the scores plain or split alike. */
    static boolean applies(Node n, Op.MaskedSoftmax op, ClassMap x, ClassMap mask) {
        return enabled && n.rank() == 2 && op.axis() == 1 && mask.split() && (!x.sided() || x.split() && x.diagonal().equals(mask.diagonal()));
    }

    static Summary count(Engine e, Node n, Op.MaskedSoftmax op, ClassMap xm, ClassMap mm) {
        FixedFormat fx = e.fmt(op.operand()), fe = op.expFormat(), out = n.elem().asFixed();
        int rows = Math.toIntExact(n.dim(0));
        long offset = mm.offset();
        Diagonal diagonal = mm.diagonal();
        // Column groups of the scores and the mask at once (a pair axis held factored stays so).
        AxisJoint joint = AxisJoint.of(new ClassMap[] {xm, mm}, new int[] {1, 1});
        int cj = joint.count();
        int[] xg = new int[cj], mg = new int[cj];
        for (int c = 0; c < cj; c++) { xg[c] = joint.parts()[c][0]; mg[c] = joint.parts()[c][1]; }
        KeyedPositions pos = joint.keyed(diagonal).cursor(); // the cut grows by one a row
        int zero = ElemClass.constant(0, out.width()).id;
        int one = ElemClass.constant(tc0.compiler.numerics.Fixed.softmax(new long[] {0}, fx, fe, out)[0], out.width()).id;
        Map<MaskedSoftmaxGroups.LineKey, SoftmaxCount.ByKind> seen = new HashMap<>();
        Map<SoftmaxCount.ByKind, Long> times = new IdentityHashMap<>();
        Map<Integer, Long> reads = new HashMap<>();
        Map<Integer, OneKindLines> oneKind = new java.util.LinkedHashMap<>();
        SoftmaxRows summed = null; // lines of two kinds or more, summed by shape; made at the first such line
        Map<Engine.IntsKey, Integer> rowOf = new HashMap<>();
        List<int[]> outRows = new java.util.ArrayList<>();
        int[] rowIds = new int[rows];
        int[] kindAt = new int[2 * cj], classes = new int[2 * cj], outs = new int[2 * cj];
        long[] mult = new long[2 * cj], first = new long[2 * cj], last = new long[2 * cj];
        // Per row only scratch arrays: a causal row differs from the one before in its kept length alone, so
        // its kinds are found by a scan of the few found so far and a row of the same outputs as the one
        // before takes its group without a key.
        int[] row = new int[2 * cj], prevRow = null;
        int prevId = -1;
        for (int i = 0; i < rows; i++) {
            int gx = xm.group(0, i), gm = mm.group(0, i);
            long cut = i + offset + 1; // kept: key below the cut
            int kinds = 0;
            long kept = 0, below = 0;
            for (int s = 0; s < 2 * cj; s++) {
                int c = s / 2, side = s % 2;
                if (side == 0) below = pos.atMost(c, cut - 1); // both sides of a group from one count
                long onSide = side == 0 ? below : pos.size(c) - below; // the group's positions on this side of the cut
                if (onSide == 0 || ElemClass.byId(mm.id(gm, mg[c], side)).code() == 0) { kindAt[s] = -1; continue; }
                int cls = xm.split() ? xm.id(gx, xg[c], side) : xm.id(gx, xg[c]);
                int k = 0;
                while (k < kinds && classes[k] != cls) k++;
                if (k == kinds) {
                    kinds++;
                    classes[k] = cls;
                    mult[k] = 0;
                    first[k] = Long.MAX_VALUE;
                    last[k] = -1;
                }
                mult[k] += onSide;
                first[k] = Math.min(first[k], pos.first(c, side, cut - 1));
                last[k] = Math.max(last[k], pos.last(c, side, cut - 1));
                kept += onSide;
                kindAt[s] = k;
            }
            if (kept == 1) { // a softmax of one entry is the constant 1: no gate, nothing read
                outs[0] = one;
                reads.merge(classes[0], 0L, (x, y) -> x & y);
            } else if (kept >= 2 && kinds == 1) { // one kind: counted by ranges of length in the end
                outs[0] = oneKind.computeIfAbsent(classes[0], c -> new OneKindLines("node " + n.id(), ElemClass.byId(c), n.dim(1), fx, fe, out)).add(kept).id;
                reads.merge(classes[0], Usage.all(ElemClass.byId(classes[0])), (x, y) -> x & y);
            } else if (kept >= 2) {
                if (sumLines && summed == null && kinds >= 2) summed = new SoftmaxRows(fx, fe, out);
                if (!(sumLines && summed != null && summed.add(classes, kinds, mult, first, last, outs))) {
                    times.merge(MaskedSoftmaxGroups.keptLine(n, classes, kinds, mult, first, last, fx, fe, out, seen, outs, reads), 1L, Long::sum);
                }
            }
            for (int s = 0; s < 2 * cj; s++) row[s] = kindAt[s] < 0 ? zero : outs[kindAt[s]];
            if (prevRow == null || !java.util.Arrays.equals(row, prevRow)) {
                int[] key = row.clone();
                prevId = rowOf.computeIfAbsent(new Engine.IntsKey(key), q -> { outRows.add(key); return outRows.size() - 1; });
                prevRow = key;
            }
            rowIds[i] = prevId;
        }
        for (Map.Entry<SoftmaxCount.ByKind, Long> t : times.entrySet()) e.total.add(t.getKey().profile(), t.getValue());
        if (summed != null) {
            summed.addTo(e.total);
            summed.readAll(reads);
        }
        linesSummed = summed == null ? 0 : summed.lines;
        for (OneKindLines lines : oneKind.values()) lines.addTo(e.total);
        if (Engine.TRACE) {
            long counted = 0;
            for (OneKindLines lines : oneKind.values()) counted += lines.linesCounted;
            System.err.printf("count: causal softmax of %d rows: %d lines of one kind of entry by ranges of length (%d counted), %d lines summed by shape, %d other lines%n",
                    rows, oneKind.size(), counted, linesSummed, times.size());
        }
        for (Map.Entry<Integer, Long> rd : reads.entrySet()) e.read(op.operand(), ElemClass.byId(rd.getKey()), rd.getValue());
        int[] table = new int[outRows.size() * 2 * cj];
        for (int r = 0; r < outRows.size(); r++) System.arraycopy(outRows.get(r), 0, table, r * 2 * cj, 2 * cj);
        ClassMap m = ClassMap.triangle(Engine.shape(n), diagonal, new int[][] {rowIds, joint.ids()}, new PairAxis[] {null, joint.pairs()},
                new int[] {outRows.size(), cj}, table);
        return e.computed(n, m, false, true, op.operand());
    }
}
