package tc0.compiler.count;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;

/**
 * Row 0 of scanexp's log-decays z is read by no gate ({@code S_(j,t)} sums {@code z_(j+1..t)}), so the
 * builder drops the gates that compute it, and those of every row 0 before it that only it needs. Counting
 * sees only what each op reads, so before counting this rewrite stops computing those rows: z becomes
 * {@code concat(0, rows 1.. of z)}, and "rows 1.." is pushed up through the ops that work row by row
 * (elementwise ops, scaling, unary tables, rowkron, broadcasts, fills) while every consumer of a node is
 * itself trimmed so; elsewhere it is a slice. A line of one row reads no z at all: z becomes 0. The live
 * gates are the same gadgets on the same operands, so the count of the rewritten program is that of the
 * built original. The lowering is not changed.
 */
final class UnreadRows {
    private UnreadRows() {}

    /** The program with the rows no gate reads not computed; {@code p} itself where there are none. */
    static TensorProgram apply(TensorProgram p) {
        int count = p.nodes().size();
        List<List<Integer>> users = new ArrayList<>();
        for (int i = 0; i < count; i++) users.add(new ArrayList<>());
        for (Node n : p.nodes()) for (int o : n.op().operands()) users.get(o).add(n.id());
        Set<Integer> outputs = new HashSet<>();
        for (TensorProgram.Port o : p.outputs()) outputs.add(o.node());
        boolean[] trim = new boolean[count];
        boolean any = false;
        for (int i = count - 1; i >= 0; i--) {
            Node x = p.node(i);
            if (outputs.contains(i) || x.dim(0) < 2 || !rowWise(x.op()) || users.get(i).isEmpty()) continue;
            boolean all = true;
            for (int u : users.get(i)) all &= readsRowsFromOne(p.node(u), i) || trim[u] && alignedRows(p.node(u), x);
            trim[i] = all;
            any |= all;
        }
        boolean computedZ = false;
        for (Node n : p.nodes()) if (n.op() instanceof Op.ScanExp s) computedZ |= computes(p.node(s.z()).op());
        if (!computedZ) return p;
        return new Rewrite(p, trim).run();
    }

    /** Whether a node of this op has gates (inputs and constants have none). */
    private static boolean computes(Op op) {
        return !(op instanceof Op.Input || op instanceof Op.Constant || op instanceof Op.Fill);
    }

    /** Whether {@code u} reads node {@code x} only as scanexp's z (so from row 1 on). */
    private static boolean readsRowsFromOne(Node u, int x) {
        return u.op() instanceof Op.ScanExp s && s.z() == x && s.b() != x;
    }

    /** Ops whose row t of output needs only row t of their operands (a broadcast: of a source of as many rows). */
    private static boolean rowWise(Op op) {
        return op instanceof Op.Elementwise || op instanceof Op.ScaleByConstant || op instanceof Op.Unary || op instanceof Op.Fill
                || op instanceof Op.Broadcast || op instanceof Op.Kron k && k.kind() == Op.KronKind.ROW;
    }

    /** Whether consumer {@code u} reads operand {@code x} row for row (a broadcast from one row reads no rows). */
    private static boolean alignedRows(Node u, Node x) {
        return x.dim(0) == u.dim(0);
    }

    /** Builds the new node list: every node as it was (ids renumbered), each trimmed node's rows 1.. right after it. */
    private static final class Rewrite {
        final TensorProgram p;
        final boolean[] trim;
        final List<Node> nodes = new ArrayList<>();
        final int[] id;
        final Map<Integer, Integer> rest = new HashMap<>(); // original node -> its rows 1.. in the new list

        Rewrite(TensorProgram p, boolean[] trim) {
            this.p = p;
            this.trim = trim;
            this.id = new int[p.nodes().size()];
        }

        TensorProgram run() {
            for (Node n : p.nodes()) {
                Op op = n.op();
                if (op instanceof Op.ScanExp s && computes(p.node(s.z()).op())) op = new Op.ScanExp(zeroRowZero(p.node(s.z())), id[s.b()], s.expFormat());
                else op = remap(op, o -> id[o]);
                id[n.id()] = add(op, n.shape(), n);
                if (trim[n.id()]) rest.put(n.id(), restOf(n));
            }
            List<TensorProgram.Port> ins = new ArrayList<>(), outs = new ArrayList<>();
            for (TensorProgram.Port in : p.inputs()) ins.add(new TensorProgram.Port(in.name(), id[in.node()]));
            for (TensorProgram.Port o : p.outputs()) outs.add(new TensorProgram.Port(o.name(), id[o.node()]));
            return new TensorProgram(p.model(), p.parameters(), p.precision(), nodes, ins, outs);
        }

        /** z as scanexp reads it: row 0 the constant 0 (never read), the rest of z's rows. */
        private int zeroRowZero(Node z) {
            if (z.dim(0) == 1) return add(new Op.Fill(0), z.shape(), z);
            int r = rows(z.id());
            List<Long> one = new ArrayList<>(z.shape());
            one.set(0, 1L);
            int zero = add(new Op.Fill(0), one, z);
            return add(new Op.Concat(0, zero, r), z.shape(), z);
        }

        /** Rows 1.. of original node {@code o}: its trimmed copy, or a slice of it. */
        private int rows(int o) {
            Integer r = rest.get(o);
            if (r != null) return r;
            Node x = p.node(o);
            List<Long> start = new ArrayList<>();
            for (int a = 0; a < x.rank(); a++) start.add(a == 0 ? 1L : 0L);
            r = add(new Op.Slice(id[o], start), restShape(x), x);
            rest.put(o, r);
            return r;
        }

        /** The op of {@code x} on rows 1.. of its operands (a broadcast from one row keeps its source). */
        private int restOf(Node x) {
            Op op = remap(x.op(), o -> p.node(o).dim(0) == x.dim(0) ? rows(o) : id[o]);
            return add(op, restShape(x), x);
        }

        private static List<Long> restShape(Node x) {
            List<Long> s = new ArrayList<>(x.shape());
            s.set(0, x.dim(0) - 1);
            return s;
        }

        private int add(Op op, List<Long> shape, Node like) {
            int i = nodes.size();
            nodes.add(new Node(i, op, shape, like.elem(), like.region()));
            return i;
        }
    }

    /** The op with each operand {@code o} replaced by {@code f(o)}. */
    static Op remap(Op op, java.util.function.IntUnaryOperator f) {
        return switch (op) {
            case Op.Input x -> x;
            case Op.Constant x -> x;
            case Op.Fill x -> x;
            case Op.MatMul x -> new Op.MatMul(f.applyAsInt(x.left()), f.applyAsInt(x.right()));
            case Op.Elementwise x -> new Op.Elementwise(x.arith(), f.applyAsInt(x.left()), f.applyAsInt(x.right()));
            case Op.Broadcast x -> new Op.Broadcast(f.applyAsInt(x.operand()));
            case Op.ScaleByConstant x -> new Op.ScaleByConstant(f.applyAsInt(x.operand()), x.coefficient(), x.coefficientFormat(), x.value());
            case Op.Unary x -> new Op.Unary(x.function(), f.applyAsInt(x.operand()));
            case Op.Reduce x -> new Op.Reduce(x.reduction(), x.axis(), f.applyAsInt(x.operand()));
            case Op.Softmax x -> new Op.Softmax(f.applyAsInt(x.operand()), x.axis(), x.expFormat());
            case Op.MaskedSoftmax x -> new Op.MaskedSoftmax(f.applyAsInt(x.operand()), f.applyAsInt(x.mask()), x.axis(), x.expFormat());
            case Op.MaskedMean x -> new Op.MaskedMean(f.applyAsInt(x.operand()), f.applyAsInt(x.mask()), x.axis());
            case Op.Select x -> new Op.Select(f.applyAsInt(x.cond()), f.applyAsInt(x.a()), f.applyAsInt(x.b()));
            case Op.LayerNorm x -> new Op.LayerNorm(f.applyAsInt(x.operand()), x.eps(), x.epsFormat(), x.scaleFormat());
            case Op.Rope x -> new Op.Rope(f.applyAsInt(x.operand()), x.base(), x.coefficientFormat());
            case Op.ScanExp x -> new Op.ScanExp(f.applyAsInt(x.z()), f.applyAsInt(x.b()), x.expFormat());
            case Op.Kron x -> new Op.Kron(x.kind(), f.applyAsInt(x.left()), f.applyAsInt(x.right()));
            case Op.Upsample x -> new Op.Upsample(f.applyAsInt(x.operand()), x.mode());
            case Op.Downsample x -> new Op.Downsample(f.applyAsInt(x.operand()), x.mode());
            case Op.Concat x -> new Op.Concat(x.axis(), f.applyAsInt(x.left()), f.applyAsInt(x.right()));
            case Op.Slice x -> new Op.Slice(f.applyAsInt(x.operand()), x.start());
            case Op.Reshape x -> new Op.Reshape(f.applyAsInt(x.operand()));
            case Op.Transpose x -> new Op.Transpose(f.applyAsInt(x.operand()));
        };
    }
}
