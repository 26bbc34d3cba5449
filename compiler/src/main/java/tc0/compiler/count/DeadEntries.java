package tc0.compiler.count;

import tc0.compiler.interp.Layout;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;

/**
 * The entries no gate reads because a constant mask drops them. A softmax with {@code mask: tril(n)} reads only
 * the kept scores, and none of a line that keeps one entry (a softmax of one entry is the constant 1); the
 * builder drops the gates of the rest: the upper triangle of {@code Q K^T} and its scaling, and the query of
 * position 0 (its one score is unread) back through RoPE and the projection. Counting must not count them.
 * What each op reads of its operands is followed backwards from the masked softmaxes: entry by entry through
 * scales, tables and elementwise ops, by rows and columns through matrix products, by pairs through RoPE, transposed through a transpose; any
 * other reader reads everything. Entries no reader reads are counted as constant 0 ({@link MatMulCount},
 * {@link PerElement}): no gates, as the built circuit has none there; RoPE of such entries is constant too.
 */
final class DeadEntries {
    private DeadEntries() {}

    /** Stands for "every entry read". */
    private static final boolean[] ALL = new boolean[0];

    /** Per node, which entries some reader reads (row-major), or null where all are (or the node is not analysed). */
    static boolean[][] of(TensorProgram p) {
        int count = p.nodes().size();
        boolean[][] read = new boolean[count][]; // null: no reader yet; ALL: every entry
        for (TensorProgram.Port o : p.outputs()) read[o.node()] = ALL;
        for (int u = count - 1; u >= 0; u--) {
            Node un = p.node(u);
            if (read[u] == null) continue; // not read at all: not live
            boolean[] r = read[u] == ALL ? null : read[u];
            for (int x : new java.util.HashSet<>(un.op().operands())) read[x] = or(read[x], reads(p, un, x, r));
        }
        boolean[][] dead = new boolean[count][];
        for (int i = 0; i < count; i++) {
            Op op = p.node(i).op();
            boolean counted = op instanceof Op.MatMul || op instanceof Op.ScaleByConstant || op instanceof Op.Unary || op instanceof Op.Elementwise;
            if (counted && read[i] != null && read[i] != ALL) dead[i] = read[i];
        }
        return dead;
    }

    private static boolean[] or(boolean[] acc, boolean[] add) {
        if (acc == ALL || add == ALL) return ALL;
        if (acc == null) return add.clone();
        for (int i = 0; i < acc.length; i++) acc[i] |= add[i];
        return acc;
    }

    /** What {@code u} reads of its operand {@code x}, given what is read of {@code u} ({@code r}, null: all). */
    private static boolean[] reads(TensorProgram p, Node u, int x, boolean[] r) {
        Node xn = p.node(x);
        if (xn.size() > Engine.EXPAND_LIMIT) return ALL;
        return switch (u.op()) {
            case Op.MaskedSoftmax s when s.operand() == x && s.mask() != x && p.node(s.mask()).op() instanceof Op.Constant c -> {
                boolean[] out = new boolean[(int) xn.size()];
                for (int[] line : Layout.lines(xn.shape(), s.axis())) {
                    int kept = 0;
                    boolean wanted = r == null;
                    for (int i : line) { if (c.code(i) != 0) kept++; wanted |= r != null && r[i]; }
                    if (wanted && kept >= 2) for (int i : line) out[i] = c.code(i) != 0;
                }
                yield out;
            }
            case Op.ScaleByConstant s when r != null -> r;
            case Op.Unary s when r != null -> r;
            case Op.Elementwise s when r != null -> r;
            case Op.MatMul m when r != null && m.left() != m.right() -> {
                int rows = (int) u.dim(0), cols = (int) u.dim(1), inner = (int) xn.dim(m.left() == x ? 1 : 0);
                boolean[] out = new boolean[(int) xn.size()];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        if (!r[i * cols + j]) continue;
                        if (m.left() == x) java.util.Arrays.fill(out, i * inner, (i + 1) * inner, true);
                        else for (int k = 0; k < inner; k++) out[k * cols + j] = true;
                    }
                }
                yield out;
            }
            case Op.Transpose t when r != null -> {
                int rows = (int) u.dim(0), cols = (int) u.dim(1);
                boolean[] out = new boolean[r.length];
                for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) out[j * rows + i] = r[i * cols + j];
                yield out;
            }
            case Op.Rope o when r != null -> {
                boolean[] out = new boolean[r.length];
                for (int i = 0; i < r.length; i++) out[i] = r[i] || r[i ^ 1];
                yield out;
            }
            default -> ALL;
        };
    }

    /** A read pattern as a map of constant words of width 1 (1: read, 0: dead). */
    static ClassMap map(Node n, boolean[] read) {
        int one = ElemClass.constant(1, 1).id, zero = ElemClass.constant(0, 1).id;
        int[] ids = new int[read.length];
        for (int i = 0; i < ids.length; i++) ids[i] = read[i] ? one : zero;
        return ClassMap.explicit(Engine.shape(n), ids);
    }
}
