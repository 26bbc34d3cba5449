package tc0.compiler.count;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc0.compiler.gadgets.Scan;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.FixedFormat;

/**
 * {@code scanexp}: one {@link Scan} per line along axis 0, as the lowering builds it. Lines are grouped by
 * the pair of class sequences (z's, b's) they hold; each distinct pair is counted once in closed form
 * ({@link ScanLine}), or, where that cannot model it and the line is small, by running the gadget.
 */
final class ScanCount {
    private ScanCount() {}

    /** The most gates (about) a line may have where the gadget runs instead of the closed form. */
    static final long GADGET_LIMIT = 1L << 21;

    static Summary count(Engine e, Node n, Op.ScanExp op) {
        Summary sz = e.sum(op.z()), sb = e.sum(op.b());
        boolean same = op.z() == op.b();
        if (!same && !sz.disjoint(sb)) throw new NeedsLiterals("node " + n.id() + ": the operands of scanexp share literals");
        if (!rowsDistinct(e, op.z(), new HashMap<>()) || !rowsDistinct(e, op.b(), new HashMap<>())) {
            throw new NeedsLiterals("node " + n.id() + ": a line of scanexp repeats literals");
        }
        FixedFormat fz = e.fmt(op.z()), fb = e.fmt(op.b()), fe = op.expFormat(), out = n.elem().asFixed();
        int len = Math.toIntExact(n.dim(0));
        int rounds = e.rounds;
        Object key = List.of("scanexp", fz, fb, fe, out, rounds);
        Instance.Gadget g = (net, in) -> Scan.build(net, Arrays.copyOfRange(in, 0, len), fz, Arrays.copyOfRange(in, len, 2 * len), fb, fe, out, rounds);
        int[] identity = new int[2 * len];
        for (int i = 0; i < 2 * len; i++) identity[i] = same && i >= len ? i - len : i;
        int[] nodes = new int[2 * len];
        for (int i = 0; i < 2 * len; i++) nodes[i] = i < len ? op.z() : op.b();
        boolean[] flags = {false, true};
        ClassMap m = joint(sz.words(), sb.words(), (zs, bs, mult) -> {
            ElemClass[] in = new ElemClass[2 * len];
            System.arraycopy(zs, 0, in, 0, len);
            System.arraycopy(bs, 0, in, len, len);
            Instance.Result r = same ? null : closed(e, key, in, zs, bs, fz, fb, fe, out, n);
            if (r == null) {
                long pairs = (long) len * (len - 1) / 2;
                long perPair = ScanSteps.of(fz, 1, fe).steps(fz.minCode(), fz.maxCode()); // Scan.comparators(2, fz, fe), without listing the steps
                if (pairs * (perPair + (long) fe.width() * fb.width()) > GADGET_LIMIT) {
                    throw new NeedsLiterals("node " + n.id() + " (" + n.region() + "): scanexp lines of " + len + " this summary cannot count in closed form");
                }
                r = e.instance(key, g, in, identity);
            }
            e.add(r, mult, nodes, in);
            flags[0] |= r.passthrough();
            flags[1] &= r.disjoint();
            return r.out();
        });
        return e.computed(n, m, flags[0], flags[1], op.z(), op.b());
    }

    /**
     * Whether two elements of {@code node} in different rows (axis 0) share no literal. The summary's flag
     * says so for all axes at once and is lost where an op passes literals on (a product with a constant
     * keeps some input bits): then it is derived through the ops that work row by row (elementwise ops,
     * scaling, unary tables, rowkron, broadcasts not along axis 0), whose instances read one row each.
     */
    static boolean rowsDistinct(Engine e, int node, Map<Integer, Boolean> memo) {
        Summary s = e.sum(node);
        if (s.distinct(0) || !s.classes().anyVariable()) return true;
        Boolean known = memo.get(node);
        if (known != null) return known;
        Node x = e.p.node(node);
        boolean d = switch (x.op()) {
            case Op.Elementwise w -> operandsRowsDistinct(e, memo, w.left(), w.right());
            case Op.ScaleByConstant c -> rowsDistinct(e, c.operand(), memo);
            case Op.Unary u -> rowsDistinct(e, u.operand(), memo);
            case Op.Kron k when k.kind() == Op.KronKind.ROW -> operandsRowsDistinct(e, memo, k.left(), k.right());
            case Op.Broadcast b -> e.p.node(b.operand()).dim(0) == x.dim(0) && rowsDistinct(e, b.operand(), memo);
            case Op.Slice c -> rowsDistinct(e, c.operand(), memo);
            case Op.Concat c -> operandsRowsDistinct(e, memo, c.left(), c.right());
            default -> false;
        };
        memo.put(node, d);
        return d;
    }

    /** Rows of each operand distinct, and two different operands share no literal (so no row of one meets another row of the other). */
    private static boolean operandsRowsDistinct(Engine e, Map<Integer, Boolean> memo, int l, int r) {
        if (!rowsDistinct(e, l, memo) || !rowsDistinct(e, r, memo)) return false;
        return l == r || e.sum(l).disjoint(e.sum(r));
    }

    private static Instance.Result closed(Engine e, Object key, ElemClass[] in, ElemClass[] zs, ElemClass[] bs, FixedFormat fz, FixedFormat fb,
                                          FixedFormat fe, FixedFormat out, Node n) {
        int[] ids = new int[in.length];
        for (int i = 0; i < ids.length; i++) ids[i] = in[i].id;
        try {
            return e.closed(List.of(key, "closed", new Engine.IntsKey(ids)), () -> ScanLine.count(zs, bs, fz, fb, fe, out, e.rounds));
        } catch (SumForm.Unmodelled u) {
            if (Engine.TRACE) System.err.println("count: scanexp of node " + n.id() + " runs the gadget: " + u.getMessage());
            return null;
        }
    }

    /** What a visit of one line sees; returns the classes of the line's outputs. */
    @FunctionalInterface
    interface LineVisitor {
        ElemClass[] visit(ElemClass[] z, ElemClass[] b, long multiplicity);
    }

    /**
     * The lines along axis 0 of two maps of one shape, grouped jointly: along every other axis the joint
     * group of a position is the pair of its groups. Returns the map of the outputs (one group per position
     * of axis 0).
     */
    static ClassMap joint(ClassMap mz, ClassMap mb, LineVisitor v) {
        int r = mz.rank();
        int len = Math.toIntExact(mz.shape[0]);
        int[][] ids = new int[r][];
        int[] groups = new int[r];
        int[][][] parts = new int[r][][];
        long[][] counts = new long[r][];
        ids[0] = new int[len];
        for (int i = 0; i < len; i++) ids[0][i] = i;
        groups[0] = len;
        for (int a = 1; a < r; a++) {
            Map<List<Integer>, Integer> seen = new HashMap<>();
            int d = Math.toIntExact(mz.shape[a]);
            ids[a] = new int[d];
            for (int i = 0; i < d; i++) ids[a][i] = seen.computeIfAbsent(List.of(mz.group(a, i), mb.group(a, i)), x -> seen.size());
            groups[a] = seen.size();
            parts[a] = new int[groups[a]][];
            for (Map.Entry<List<Integer>, Integer> en : seen.entrySet()) parts[a][en.getValue()] = new int[] {en.getKey().get(0), en.getKey().get(1)};
            counts[a] = new long[groups[a]];
            for (int gi : ids[a]) counts[a][gi]++;
        }
        int lines = 1;
        for (int a = 1; a < r; a++) lines = Math.multiplyExact(lines, groups[a]);
        int[] table = new int[Math.multiplyExact(lines, len)];
        int[] g = new int[r], gz = new int[r], gb = new int[r];
        for (int f = 0; f < lines; f++) {
            int rest = f;
            long mult = 1;
            for (int a = r - 1; a >= 1; a--) {
                g[a] = rest % groups[a];
                rest /= groups[a];
                mult = Math.multiplyExact(mult, counts[a][g[a]]);
                gz[a] = parts[a][g[a]][0];
                gb[a] = parts[a][g[a]][1];
            }
            ElemClass[] zs = new ElemClass[len], bs = new ElemClass[len];
            for (int t = 0; t < len; t++) {
                gz[0] = mz.group(0, t);
                gb[0] = mb.group(0, t);
                zs[t] = mz.at(gz);
                bs[t] = mb.at(gb);
            }
            ElemClass[] h = v.visit(zs, bs, mult);
            for (int t = 0; t < len; t++) { // row-major over groups: axis 0 outermost
                table[t * lines + f] = h[t].id;
            }
        }
        return ClassMap.of(mz.shape, ids, groups, table);
    }
}
