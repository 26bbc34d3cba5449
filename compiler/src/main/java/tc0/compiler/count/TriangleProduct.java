package tc0.compiler.count;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc0.compiler.gadgets.Multiply;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.FixedFormat;

/**
 * {@code A @ B} with A split by a diagonal ({@link ClassMap#triangle}: a causal softmax's {@code P}) and B a
 * plain variable factor: row i's dot has its inner positions below {@code i + offset + 1} on A's lower side, the
 * rest on its upper side, so its terms are the inner groups' prefixes and suffixes ({@link VariableDots#dot(int,
 * int, int)}). Rows with the same row group and cut are the same dots: a causal {@code P @ V} is n dots, one per
 * kept length, each counted by groups, with no pass over the n x n entries.
 */
final class TriangleProduct {
    private TriangleProduct() {}

    /** Off: every row's dot by itself (tests compare the two; {@code -Dtc0.count.rowRanges=false}). */
    static boolean RANGES = !"false".equals(System.getProperty("tc0.count.rowRanges"));
    /** Rows counted in ranges so far, in every product (tests). */
    static final java.util.concurrent.atomic.LongAdder ROWS_IN_RANGES = new java.util.concurrent.atomic.LongAdder();

    /** Whether the product is counted here: A split, B plain, both variable, no entry of the product dead. */
    static boolean applies(Engine e, Node n, ClassMap a, ClassMap b) {
        return a.split() && !b.sided() && e.deadMask(n.id()) == null && a.anyVariable() && b.anyVariable();
    }

    static Summary count(Engine e, Node n, Op.MatMul op, Summary sa, Summary sb, FixedFormat fa, FixedFormat fb, FixedFormat out) {
        if (!sa.distinct(1) || !sb.distinct(0) || !sa.disjoint(sb)) {
            throw new NeedsLiterals("node " + n.id() + ": the factors of a variable product share literals");
        }
        ClassMap a = sa.words(), b = sb.words();
        int rows = Math.toIntExact(a.shape[0]), cb = b.groups(1);
        long inner = a.shape[1]; // a pair axis: n^2 positions, past an int from n = 2^16
        VariableDots dots = new VariableDots(e, a, b, fa, fb, out);
        dots.once = true; // rows by (row group, cut): no dot twice
        int k = dots.groups();
        // Rows by (row group, cut): the same dots.
        Map<Long, Integer> keyOf = new HashMap<>();
        int[] rowIds = new int[rows];
        List<long[]> keys = new java.util.ArrayList<>(); // {row group, cut, rows}
        for (int i = 0; i < rows; i++) {
            long cut = Math.clamp(i + a.offset() + 1, 0, inner);
            long key = (long) a.group(0, i) * (inner + 1L) + cut; // cut <= rows + offset + 1: an int
            int id = keyOf.computeIfAbsent(key, q -> { keys.add(new long[] {q / (inner + 1L), cut, 0}); return keys.size() - 1; });
            keys.get(id)[2]++;
            rowIds[i] = id;
        }
        int[] table = new int[keys.size() * cb];
        long[][] readB = new long[cb][k];
        boolean passthrough = false, disjoint = true;
        for (int r = 0; r < keys.size(); r++) {
            int gi = (int) keys.get(r)[0], cut = Math.toIntExact(keys.get(r)[1]);
            long times = keys.get(r)[2];
            long[] readA = new long[2 * k];
            for (int gj = 0; gj < cb; gj++) {
                long weight = Math.multiplyExact(times, b.count(1, gj));
                VariableDots.Dot d = dots.dot(gi, gj, cut, weight);
                Instance.Result res;
                if (d != null) {
                    res = d.result();
                    for (int s = 0; s < 2 * k; s++) { readA[s] |= d.readA()[s]; readB[gj][s / 2] |= d.readB()[s]; }
                } else {
                    res = allZero(e, a, b, dots, gi, gj, cut, inner, fa, fb, out);
                }
                if (res.profile() != null) e.total.add(res.profile(), weight); // null: summed by family, added below
                passthrough |= res.passthrough();
                disjoint &= res.disjoint();
                table[r * cb + gj] = res.out()[0].id;
            }
            for (int s = 0; s < 2 * k; s++) {
                int g = s / 2, side = s % 2;
                if (dots.onSide(g, side, cut) > 0) e.read(op.left(), ElemClass.byId(a.id(gi, dots.aGroup(g), side)), readA[s]);
            }
            if (cb == 1 && RANGES) r += rangeAfter(dots, keys, r, table, b.count(1, 0));
        }
        dots.flushInto(e.total);
        for (int gj = 0; gj < cb; gj++) {
            for (int g = 0; g < k; g++) e.read(op.right(), ElemClass.byId(b.id(dots.bGroup(g), gj)), readB[gj][g]);
        }
        if (Engine.TRACE) System.err.printf("count: causal product of %d row keys, %d column groups: %d dots, %d by family, %d of them in %d ranges%n", keys.size(), cb,
                dots.dotsCounted, dots.dotsByFamily, dots.dotsInRanges, dots.ranges);
        if (Engine.TRACE) System.err.println("count: causal product's last family: " + dots.familyTrace());
        if (Engine.TRACE && e.rangeMemo != null) System.err.printf("count: ranges taken from an equal family so far: %d, %d rows, %d counted again%n", e.rangeMemo.hits,
                e.rangeMemo.rowsTaken, e.rangeMemo.rowsRecounted);
        // Rows with the same outputs are one row group (a causal P @ V's n rows have a few output classes): the ops
        // after it then go by those few groups, not by n.
        Map<Engine.IntsKey, Integer> rowOf = new HashMap<>();
        int[] same = new int[keys.size()];
        List<int[]> outRows = new java.util.ArrayList<>();
        for (int r = 0; r < keys.size(); r++) {
            int[] row = java.util.Arrays.copyOfRange(table, r * cb, (r + 1) * cb);
            same[r] = rowOf.computeIfAbsent(new Engine.IntsKey(row), q -> { outRows.add(row); return outRows.size() - 1; });
        }
        for (int i = 0; i < rows; i++) rowIds[i] = same[rowIds[i]];
        int[] grouped = new int[outRows.size() * cb];
        for (int r = 0; r < outRows.size(); r++) System.arraycopy(outRows.get(r), 0, grouped, r * cb, cb);
        ClassMap m = ClassMap.of(Engine.shape(n), new int[][] {rowIds, b.axisGroups(1)}, new int[] {outRows.size(), cb}, grouped);
        return e.computed(n, m, passthrough, disjoint, op.left(), op.right());
    }

    /**
     * The rows after key r counted as one range of their family ({@link RowFamily#range}) where r's dot went to its
     * family's sums: keys of the same row group and times whose cuts follow r's one by one, as far as they are r's dot
     * but for the last run's count ({@link VariableDots#familyRun}). One column group: their output classes into
     * {@code table}. Their reads of A and B are r's (a subset of its slots with the same masks: reading them again
     * changes nothing). Returns how many rows after r were counted.
     */
    private static int rangeAfter(VariableDots dots, List<long[]> keys, int r, int[] table, long bCount) {
        long[] key = keys.get(r);
        int m = r;
        while (m + 1 < keys.size()) {
            long[] next = keys.get(m + 1);
            if (next[0] != key[0] || next[1] != keys.get(m)[1] + 1 || next[2] != key[2]) break;
            m++;
        }
        if (m == r) return 0;
        int cut = Math.toIntExact(key[1]);
        long[] counts = new long[m - r + 1];
        int end = dots.familyRun((int) key[0], 0, cut, cut + (m - r), counts);
        if (end == cut) return 0;
        ElemClass[] out = new ElemClass[end - cut + 1];
        int stop = dots.familyRange(counts, 1, end - cut + 1, Math.multiplyExact(key[2], bCount), out);
        for (int i = 1; i < stop; i++) table[r + i] = out[i].id;
        ROWS_IN_RANGES.add(stop - 1);
        return stop - 1;
    }

    /** A dot every term of which is 0 (no AND): the gadget over its terms, as the plain product counts it. */
    private static Instance.Result allZero(Engine e, ClassMap a, ClassMap b, VariableDots dots, int gi, int gj, int cut, long innerLength,
            FixedFormat fa, FixedFormat fb, FixedFormat out) {
        int inner = ClassMap.listed(innerLength);
        ElemClass[] both = new ElemClass[2 * inner];
        for (int t = 0; t < inner; t++) {
            int g = dots.groupOf(t);
            both[t] = ElemClass.byId(a.id(gi, dots.aGroup(g), a.diagonal().key(t) < cut ? 0 : 1));
            both[inner + t] = ElemClass.byId(b.id(dots.bGroup(g), gj));
        }
        int rounds = e.rounds;
        Instance.Gadget gadget = (net, in) -> new int[][] {Multiply.dot(net, java.util.Arrays.copyOfRange(in, 0, inner), fa,
                java.util.Arrays.copyOfRange(in, inner, 2 * inner), fb, out, rounds)};
        return e.instance(List.of("matmul-var", fa, fb, out, rounds), gadget, both, Instance.distinct(2 * inner));
    }
}
