package tc0.compiler.count;

import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;

/**
 * The entries no gate reads because a constant mask drops them. A softmax with {@code mask: tril(n)} reads only
 * the kept scores, and none of a line that keeps one entry (a softmax of one entry is the constant 1); the
 * builder drops the gates of the rest: the upper triangle of {@code Q K^T} and its scaling, and the query of
 * position 0 (its one score is unread) back through RoPE and the projection; a mean with {@code mask: tril(n)}
 * reads only the kept words. Counting must not count them.
 * What each op reads of its operands is followed backwards from the masked softmaxes: entry by entry through
 * scales, tables and elementwise ops, by rows and columns through matrix products, by pairs through RoPE, transposed through a transpose; any
 * other reader reads everything. Entries no reader reads are counted as constant 0 ({@link MatMulCount},
 * {@link PerElement}): no gates, as the built circuit has none there; RoPE of such entries is constant too.
 * A read pattern is a class map of constant bits (1: read), in product form like the classes themselves, so a
 * causal pair mask over n^3 scores costs its groups, not its entries.
 */
final class DeadEntries {
    private DeadEntries() {}

    private static final ElemClass ONE = ElemClass.constant(1, 1), ZERO = ElemClass.constant(0, 1);

    /** Stands for "every entry read". */
    private static final ClassMap ALL = ClassMap.uniform(new long[0], ONE);

    /** Per node, which entries some reader reads (bits, 1: read), or null where all are (or the node is not analysed). */
    static ClassMap[] of(TensorProgram p) {
        int count = p.nodes().size();
        ClassMap[] read = new ClassMap[count]; // null: no reader yet; ALL: every entry
        for (TensorProgram.Port o : p.outputs()) read[o.node()] = ALL;
        for (int u = count - 1; u >= 0; u--) {
            Node un = p.node(u);
            if (read[u] == null) continue; // not read at all: not live
            ClassMap r = read[u] == ALL ? null : read[u];
            for (int x : new java.util.HashSet<>(un.op().operands())) read[x] = or(read[x], reads(p, un, x, r));
        }
        ClassMap[] dead = new ClassMap[count];
        for (int i = 0; i < count; i++) {
            Op op = p.node(i).op();
            boolean counted = op instanceof Op.MatMul || op instanceof Op.ScaleByConstant || op instanceof Op.Unary || op instanceof Op.Elementwise;
            if (counted && read[i] != null && read[i] != ALL && !allRead(read[i])) dead[i] = read[i].onDiagonal() ? read[i].dense() : read[i];
        }
        return dead;
    }

    private static boolean allRead(ClassMap m) {
        for (int t = 0; t < m.combos(); t++) if (m.at(m.combo(t)).code() == 0) return false;
        return true;
    }

    private static ClassMap or(ClassMap acc, ClassMap add) {
        if (acc == ALL || add == ALL) return ALL;
        if (acc == null) return add;
        return new Zip(acc, add).map((c, mult) -> c[0].code() != 0 || c[1].code() != 0 ? ONE : ZERO);
    }

    /** What {@code u} reads of its operand {@code x}, given what is read of {@code u} ({@code r}, null: all). */
    private static ClassMap reads(TensorProgram p, Node u, int x, ClassMap r) {
        Node xn = p.node(x);
        return switch (u.op()) {
            case Op.MaskedSoftmax s when s.operand() == x && s.mask() != x && constantBits(p, s.mask()) != null -> {
                // Kept entries of the lines some entry of which is read and which keep two or more.
                ClassMap mask = constantBits(p, s.mask());
                long[] shape = Engine.shape(xn);
                ClassMap wanted = r == null ? ClassMap.uniform(shape, ONE) : along(r, s.axis(), 1, shape);
                ClassMap twoKept = along(mask, s.axis(), 2, shape);
                yield new Zip(mask, wanted, twoKept).map((c, mult) -> c[0].code() != 0 && c[1].code() != 0 && c[2].code() != 0 ? ONE : ZERO);
            }
            case Op.MaskedMean s when s.operand() == x && s.mask() != x && constantBits(p, s.mask()) != null -> {
                // The kept entries of the lines some output of which is read (a dropped word is read by no gate).
                ClassMap mask = constantBits(p, s.mask());
                long[] shape = Engine.shape(xn);
                ClassMap wanted = r == null ? ClassMap.uniform(shape, ONE) : r.dense().broadcast(shape);
                yield new Zip(mask, wanted).map((c, mult) -> c[0].code() != 0 && c[1].code() != 0 ? ONE : ZERO);
            }
            case Op.ScaleByConstant s when r != null -> r;
            case Op.Unary s when r != null -> r;
            case Op.Elementwise s when r != null -> r;
            case Op.MatMul m when r != null && m.left() != m.right() -> along(r, m.left() == x ? 1 : 0, 1, Engine.shape(xn));
            case Op.Transpose t when r != null -> r.transpose();
            case Op.Rope o when r != null -> or(r, pairSwapped(r));
            default -> ALL;
        };
    }

    /** A constant mask's bits (a constant, or the product of two: {@code rowkron(tril(n), tril(n))}), or null. */
    private static ClassMap constantBits(TensorProgram p, int id) {
        Node n = p.node(id);
        return switch (n.op()) {
            case Op.Constant c -> Wiring.constant(null, n, c).classes();
            case Op.Broadcast b when p.node(b.operand()).shape().equals(n.shape()) -> constantBits(p, b.operand());
            case Op.Kron k when n.elem() instanceof tc0.compiler.ir.Elem.Bit -> {
                ClassMap a = constantBits(p, k.left()), b = constantBits(p, k.right());
                yield a == null || b == null ? null : KronCount.bits(a, b, k.kind(), Engine.shape(n));
            }
            default -> null;
        };
    }

    /**
     * Per line along {@code axis}: whether it holds at least {@code least} 1 bits, as a map of the given shape
     * (the line's bit repeated along the axis, or the axis of size {@code shape[axis]} broadcast from one).
     */
    private static ClassMap along(ClassMap given, int axis, long least, long[] shape) {
        if (given.split()) return alongSplit(given, axis, least, shape);
        ClassMap m = given.dense(); // eye(n) as a softmax's own mask (a line keeps one entry): small n only
        long[] collapsed = m.shape.clone();
        collapsed[axis] = 1;
        int lines = 1;
        for (int a = 0; a < m.rank(); a++) if (a != axis) lines = Math.multiplyExact(lines, m.groups(a));
        long[] ones = new long[lines];
        for (int t = 0; t < m.combos(); t++) {
            int[] g = m.combo(t);
            if (m.at(g).code() == 0) continue;
            int line = 0;
            for (int a = 0; a < m.rank(); a++) if (a != axis) line = line * m.groups(a) + g[a];
            ones[line] += m.count(axis, g[axis]);
        }
        int[] out = new int[lines];
        for (int i = 0; i < lines; i++) out[i] = (ones[i] >= least ? ONE : ZERO).id;
        return Lines.reduced(m, axis, out).broadcast(shape);
    }

    /**
     * {@link #along} of a map split by a diagonal: a line's 1 bits are, per group across it and side, the
     * positions of that group on that side of the line's own position (a prefix or suffix of the group).
     */
    private static ClassMap alongSplit(ClassMap m, int axis, long least, long[] shape) {
        int other = 1 - axis;
        if (axis == 0 && m.diagonal().paired()) {
            ClassMap byGroup = alongPairColumns(m, least, shape);
            if (byGroup != null) return byGroup;
        }
        int lines = ClassMap.listed(m.shape[other]);
        if (axis == 1) return alongRows(m, least, shape, lines);
        int[][] pos = TriangleCounts.positions(m.axisGroups(axis), m.groups(axis));
        int[] bit = new int[lines];
        for (int i = 0; i < lines; i++) {
            int gi = m.group(other, i);
            long ones = 0;
            for (int g = 0; g < pos.length; g++) {
                // Rows of group g on the lower side of column i: rows at least key(i) - offset.
                long lower = pos[g].length - TriangleCounts.atMost(pos[g], m.diagonal().key(i) - m.offset() - 1);
                if (ElemClass.byId(m.id(g, gi, 0)).code() != 0) ones += lower;
                if (ElemClass.byId(m.id(g, gi, 1)).code() != 0) ones += pos[g].length - lower;
            }
            bit[i] = ones >= least ? 1 : 0;
        }
        return lineBits(m, axis, shape, bit);
    }

    /** {@link #alongSplit} along the rows: a row's 1 bits, per column group and side, by the columns' keys (a pair axis's from its factors). */
    private static ClassMap alongRows(ClassMap m, long least, long[] shape, int lines) {
        AxisJoint cols = AxisJoint.of(new ClassMap[] {m}, new int[] {1}, m.diagonal());
        KeyedPositions keys = cols.keyed(m.diagonal()).cursor(); // i ascending: counts moved on, not searched again
        int[] bit = new int[lines];
        for (int i = 0; i < lines; i++) {
            int gi = m.group(0, i);
            long ones = 0;
            for (int c = 0; c < cols.count(); c++) {
                int g = cols.parts()[c][0];
                long lower = keys.atMost(c, i + m.offset()); // the group's columns with key(j) <= i + offset
                if (ElemClass.byId(m.id(gi, g, 0)).code() != 0) ones += lower;
                if (ElemClass.byId(m.id(gi, g, 1)).code() != 0) ones += keys.size(c) - lower;
            }
            bit[i] = ones >= least ? 1 : 0;
        }
        return lineBits(m, 1, shape, bit);
    }

    /**
     * {@link #alongSplit} down the columns of a pair-keyed split: a column's 1 bits depend on its group and its key
     * max(a, b) only, so per column group every key is tried (n of them, not the n^2 columns); where a group's bit
     * is the same at every key, the columns keep their (factored) groups. Null where it varies with the key.
     */
    private static ClassMap alongPairColumns(ClassMap m, long least, long[] shape) {
        AxisJoint cols = AxisJoint.of(new ClassMap[] {m}, new int[] {1}, m.diagonal());
        if (cols.pairs() == null) return null;
        int[][] rows = TriangleCounts.positions(m.axisGroups(0), m.groups(0));
        int[] table = new int[cols.count()];
        for (int c = 0; c < cols.count(); c++) {
            int g = cols.parts()[c][0], bit = -1;
            for (long key = 0; key < m.diagonal().pairs(); key++) {
                long ones = 0;
                for (int r = 0; r < rows.length; r++) {
                    long lower = rows[r].length - TriangleCounts.atMost(rows[r], key - m.offset() - 1); // rows i with key - i <= offset
                    if (ElemClass.byId(m.id(r, g, 0)).code() != 0) ones += lower;
                    if (ElemClass.byId(m.id(r, g, 1)).code() != 0) ones += rows[r].length - lower;
                }
                int b = ones >= least ? 1 : 0;
                if (bit >= 0 && b != bit) return null;
                bit = b;
            }
            table[c] = (bit == 1 ? ONE : ZERO).id;
        }
        long[] collapsed = {1, m.shape[1]};
        return ClassMap.of(collapsed, new int[2][], new PairAxis[] {null, cols.pairs()}, new int[] {1, cols.count()}, table).broadcast(shape);
    }

    /** Per line across {@code axis}, its bit (1: enough 1 bits), repeated along the axis to {@code shape}. */
    private static ClassMap lineBits(ClassMap m, int axis, long[] shape, int[] bit) {
        int other = 1 - axis;
        int[][] ids = new int[2][];
        ids[other] = bit;
        int[] groups = new int[2];
        groups[other] = 2;
        groups[axis] = 1;
        long[] collapsed = m.shape.clone();
        collapsed[axis] = 1;
        ClassMap lineBits = ClassMap.of(collapsed, ids, groups, new int[] {ZERO.id, ONE.id});
        return lineBits.broadcast(shape);
    }

    /** The map with each position j of the last axis holding what j ^ 1 held (RoPE's pairs). */
    private static ClassMap pairSwapped(ClassMap given) {
        ClassMap m = given.dense();
        int r = m.rank();
        int[][] ids = new int[r][];
        int[] groups = new int[r];
        for (int a = 0; a < r; a++) { ids[a] = m.axisGroups(a); groups[a] = m.groups(a); }
        int[] last = ids[r - 1], swapped = new int[last.length];
        for (int j = 0; j < last.length; j++) swapped[j] = last[j ^ 1];
        ids[r - 1] = swapped;
        int[] table = new int[m.combos()];
        for (int t = 0; t < table.length; t++) table[t] = m.at(m.combo(t)).id;
        return ClassMap.of(m.shape, ids, groups, table);
    }
}
