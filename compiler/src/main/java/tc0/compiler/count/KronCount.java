package tc0.compiler.count;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.Multiply;
import tc0.compiler.gadgets.Net;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;

/**
 * Row and column Kronecker products, one product per entry as the lowering builds it ({@code product}: a
 * constant factor folds into a weighted sum, or into wiring for an exact power of two). Entry (i, j) pairs
 * left (i, j / q) with right (i, j mod q) (row) or left (i / q, j) with right (i mod q, j) (column); the
 * output's groups along the paired axis are the pairs of the operands' groups.
 */
final class KronCount {
    private KronCount() {}

    static Summary count(Engine e, Node n, Op.Kron op) {
        if (n.elem() instanceof tc0.compiler.ir.Elem.Bit) { // two constant masks: their AND, no gate
            ClassMap ml = e.sumSplit(op.left()).classes(), mr = e.sumSplit(op.right()).classes();
            if (ml.anyVariable() || mr.anyVariable()) throw new NeedsLiterals("node " + n.id() + ": " + op.label() + " of variable bits");
            return new Summary(bits(ml, mr, op.kind(), Engine.shape(n)), java.util.Set.of(), Summary.all(2, true), true);
        }
        Summary sl = e.sum(op.left()), sr = e.sum(op.right());
        if (!sl.disjoint(sr)) throw new NeedsLiterals("node " + n.id() + ": the factors of " + op.label() + " share literals");
        ClassMap a = sl.words(), b = sr.words();
        FixedFormat fa = e.fmt(op.left()), fb = e.fmt(op.right()), out = n.elem().asFixed();
        int rounds = e.rounds;
        boolean row = op.kind() == Op.KronKind.ROW;
        int pa = row ? 1 : 0; // the paired axis
        int other = 1 - pa;
        // Joint groups along the other axis: (left group, right group); along the paired axis: (left, right) of j / q,
        // j mod q, held factored ({@link PairAxis}: group l * rightGroups + r), never listed (n^2 positions).
        int[][] ids = new int[2][];
        int[] groups = new int[2];
        List<int[]> otherParts = new java.util.ArrayList<>(), pairParts = new java.util.ArrayList<>();
        ids[other] = joint(a.axisGroups(other), b.axisGroups(other), otherParts);
        int lg = a.groups(pa), rg = b.groups(pa);
        int[] cell = new int[lg * rg];
        for (int l = 0; l < lg; l++) for (int r = 0; r < rg; r++) { cell[l * rg + r] = pairParts.size(); pairParts.add(new int[] {l, r}); }
        PairAxis[] pairs = new PairAxis[2];
        pairs[pa] = new PairAxis(a.axisGroups(pa), lg, b.axisGroups(pa), rg, cell);
        groups[other] = otherParts.size();
        groups[pa] = pairParts.size();
        int[] table = new int[groups[0] * groups[1]];
        boolean passthrough = false, disjoint = true;
        Map<ElemClass, Long> readA = new HashMap<>(), readB = new HashMap<>();
        long[][] inGroup = new long[2][];
        inGroup[other] = counts(ids[other], groups[other]);
        inGroup[pa] = pairs[pa].counts(groups[pa]);
        for (int g0 = 0; g0 < groups[0]; g0++) {
            for (int g1 = 0; g1 < groups[1]; g1++) {
                int[] go = otherParts.get(other == 0 ? g0 : g1), gp = pairParts.get(pa == 0 ? g0 : g1);
                int[] ga = new int[2], gb = new int[2];
                ga[other] = go[0]; gb[other] = go[1];
                ga[pa] = gp[0]; gb[pa] = gp[1];
                ElemClass[] in = {a.at(ga), b.at(gb)};
                long mult = Math.multiplyExact(inGroup[0][g0], inGroup[1][g1]);
                if (mult == 0) continue;
                Instance.Gadget g = (net, w) -> new int[][] {product(net, w[0], fa, w[1], fb, out, rounds)};
                Instance.Result r = PerElement.productBeyondBuilder(fa, fb, out) // past the builder's longs: the product's sum over exact integers
                        ? e.closedLifted(List.of("kron-wide", fa, fb, out, rounds), in, c -> PerElement.wideFolding(c, fa, fb, out, rounds))
                        : e.instance(List.of("kron", fa, fb, out, rounds), g, in, new int[] {0, 1});
                e.add(r, mult, NONE, in);
                readA.merge(in[0], r.usedSlots()[0], (x, y) -> x | y);
                readB.merge(in[1], r.usedSlots()[1], (x, y) -> x | y);
                passthrough |= r.passthrough();
                disjoint &= r.disjoint();
                table[g0 * groups[1] + g1] = r.out()[0].id;
            }
        }
        // Each operand element is read by several entries: what entries of its class read together counts.
        readA.forEach((c, mask) -> e.read(op.left(), c, mask));
        readB.forEach((c, mask) -> e.read(op.right(), c, mask));
        // A factor wired through (a power of two) repeats its elements along the paired axis.
        return e.computed(n, ClassMap.of(Engine.shape(n), ids, pairs, groups, table), passthrough, disjoint && !passthrough, op.left(), op.right());
    }

    private static final int[] NONE = new int[0];

    /**
     * The product of two maps of constant bits (each entry the AND of its factors' bits), grouped as {@link #count}
     * groups, except that pairs along the paired axis with the same bits down the other axis are one group at once
     * (their bits ANDed as bit sets): {@code rowkron(tril(n), tril(n))} is n x n groups, never n x n^2.
     */
    static ClassMap bits(ClassMap given, ClassMap right, Op.KronKind kind, long[] shape) {
        ClassMap keyed = pairSplit(given, right, kind, shape);
        if (keyed != null) return keyed;
        ClassMap a = given.dense(), b = right.dense();
        int pa = kind == Op.KronKind.ROW ? 1 : 0, other = 1 - pa;
        int q = Math.toIntExact(b.shape[pa]);
        int size = Math.toIntExact(shape[pa]);
        List<int[]> otherParts = new java.util.ArrayList<>(), pairParts = new java.util.ArrayList<>();
        int[][] ids = new int[2][];
        ids[other] = joint(a.axisGroups(other), b.axisGroups(other), otherParts);
        int lines = otherParts.size();
        long[][] colA = columns(a, pa, otherParts, 0), colB = columns(b, pa, otherParts, 1);
        int[] la = a.axisGroups(pa), rb = b.axisGroups(pa);
        List<long[]> patterns = new java.util.ArrayList<>();
        ids[pa] = nested(colA, colB, la, rb, q, size, patterns);
        if (ids[pa] == null) {
            int[] lp = new int[size], rp = new int[size];
            for (int j = 0; j < size; j++) { lp[j] = la[j / q]; rp[j] = rb[j % q]; }
            int[] pair = joint(lp, rp, pairParts);
            // Each pair group's bits down the other axis; equal bit sets are one group.
            Map<BitSetKey, Integer> seen = new HashMap<>();
            int[] groupOf = new int[pairParts.size()];
            for (int g = 0; g < groupOf.length; g++) {
                long[] x = colA[pairParts.get(g)[0]], y = colB[pairParts.get(g)[1]], and = new long[x.length];
                for (int w = 0; w < and.length; w++) and[w] = x[w] & y[w];
                groupOf[g] = seen.computeIfAbsent(new BitSetKey(and), k -> { patterns.add(and); return patterns.size() - 1; });
            }
            ids[pa] = new int[size];
            for (int j = 0; j < size; j++) ids[pa][j] = groupOf[pair[j]];
        }
        int[] groups = new int[2];
        groups[other] = lines;
        groups[pa] = patterns.size();
        int width = a.at(new int[2]).width();
        int one = ElemClass.constant(1, width).id, zero = ElemClass.constant(0, width).id;
        int[] table = new int[groups[0] * groups[1]];
        for (int l = 0; l < lines; l++) {
            for (int c = 0; c < patterns.size(); c++) {
                int v = (patterns.get(c)[l >> 6] >>> (l & 63) & 1) != 0 ? one : zero;
                table[other == 0 ? l * groups[1] + c : c * groups[1] + l] = v;
            }
        }
        return ClassMap.of(shape, ids, groups, table);
    }

    /**
     * {@code rowkron} of two masks kept on and below one plain diagonal ({@code tril(n)} twice): (i, (a, b)) is kept
     * where {@code a - i <= offset} and {@code b - i <= offset}, that is {@code max(a, b) - i <= offset}, a map split by
     * the pair-keyed diagonal ({@link Diagonal}), two classes whatever n; null for any other pair of masks.
     */
    private static ClassMap pairSplit(ClassMap a, ClassMap b, Op.KronKind kind, long[] shape) {
        if (kind != Op.KronKind.ROW || !keptBelow(a) || !keptBelow(b) || !a.diagonal().equals(b.diagonal())) return null;
        int width = a.at(new int[3]).width();
        int[] table = {ElemClass.constant(1, width).id, ElemClass.constant(0, width).id};
        return ClassMap.triangle(shape, new Diagonal(a.offset(), b.shape[1]), new int[2][], new int[] {1, 1}, table);
    }

    /** A plain-keyed split mask of one class per side: bit 1 on the lower side, 0 above. */
    private static boolean keptBelow(ClassMap m) {
        return m.split() && !m.diagonal().paired() && m.groups(0) == 1 && m.groups(1) == 1
                && (ElemClass.byId(m.id(0, 0, 0)).code() & 1) == 1 && (ElemClass.byId(m.id(0, 0, 1)).code() & 1) == 0;
    }

    /**
     * Where the two factors' bit sets down the other axis are nested (each within the next, as the columns of
     * tril and triu are), the AND of two is the smaller: the group of each position along the paired axis
     * without visiting pairs of groups ({@code rowkron(tril(n), tril(n))}: the pair (a, b) by max(a, b), in
     * time of the n^2 positions, not of n^2 bit sets). The patterns go to {@code patterns} in order of size;
     * null where the sets are not nested.
     */
    private static int[] nested(long[][] colA, long[][] colB, int[] la, int[] rb, int q, int size, List<long[]> patterns) {
        int na = colA.length, nb = colB.length;
        long[][] all = new long[na + nb][];
        System.arraycopy(colA, 0, all, 0, na);
        System.arraycopy(colB, 0, all, na, nb);
        Integer[] order = new Integer[na + nb];
        int[] pop = new int[na + nb];
        for (int i = 0; i < all.length; i++) {
            order[i] = i;
            for (long w : all[i]) pop[i] += Long.bitCount(w);
        }
        java.util.Arrays.sort(order, (x, y) -> Integer.compare(pop[x], pop[y]));
        int[] rank = new int[na + nb];
        long[] prev = null;
        for (int i : order) {
            long[] cur = all[i];
            if (prev != null) {
                boolean within = true, same = true;
                for (int w = 0; w < cur.length; w++) { within &= (prev[w] & ~cur[w]) == 0; same &= prev[w] == cur[w]; }
                if (!within) { patterns.clear(); return null; }
                if (!same) patterns.add(cur);
            } else {
                patterns.add(cur);
            }
            rank[i] = patterns.size() - 1;
            prev = cur;
        }
        int[] ids = new int[size];
        for (int j = 0; j < size; j++) ids[j] = Math.min(rank[la[j / q]], rank[na + rb[j % q]]);
        return ids;
    }

    /** Per group of a factor along the paired axis, its bits (code & 1) down the other axis's joint groups, as a bit set. */
    private static long[][] columns(ClassMap m, int pa, List<int[]> otherParts, int side) {
        int lines = otherParts.size();
        long[][] cols = new long[m.groups(pa)][(lines + 63) >> 6];
        int[] g = new int[2];
        for (int c = 0; c < cols.length; c++) {
            g[pa] = c;
            for (int l = 0; l < lines; l++) {
                g[1 - pa] = otherParts.get(l)[side];
                if ((m.at(g).code() & 1) != 0) cols[c][l >> 6] |= 1L << (l & 63);
            }
        }
        return cols;
    }

    private record BitSetKey(long[] bits) {
        @Override public boolean equals(Object o) { return o instanceof BitSetKey k && java.util.Arrays.equals(bits, k.bits); }

        @Override public int hashCode() { return java.util.Arrays.hashCode(bits); }
    }

    /** Positions in each group (once per axis, not once per group pair). */
    private static long[] counts(int[] ids, int groups) {
        long[] c = new long[groups];
        for (int x : ids) c[x]++;
        return c;
    }

    private static int[] joint(int[] x, int[] y, List<int[]> parts) {
        Map<Long, Integer> seen = new HashMap<>();
        int[] r = new int[x.length];
        long lastKey = -1;
        int last = -1;
        for (int i = 0; i < x.length; i++) {
            long key = ((long) x[i] << 32) | y[i];
            if (key != lastKey) { // neighbours mostly repeat the pair
                int xi = x[i], yi = y[i];
                last = seen.computeIfAbsent(key, k -> { parts.add(new int[] {xi, yi}); return parts.size() - 1; });
                lastKey = key;
            }
            r[i] = last;
        }
        return r;
    }

    /** The lowering's product: {@link Multiply#folding}. */
    static int[] product(Net net, int[] x, FixedFormat fx, int[] y, FixedFormat fy, FixedFormat out, int rounds) {
        return Multiply.folding(net, x, fx, y, fy, out, rounds);
    }
}
