package tc0.compiler.count;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.Lowered;
import tc0.compiler.numerics.FixedFormat;

/**
 * The counting pass: nodes in order, each summarised ({@link Summary}) from its operands' summaries, each
 * op's gates added to one {@link Profile} by the op's counter (one small class per op family). Nodes no
 * output needs are skipped (the builder drops their gates); afterwards {@link Usage} checks that no counted
 * gate is dead.
 */
final class Engine {
    final TensorProgram p;
    final int rounds;
    final Profile total = new Profile();
    final Usage usage = new Usage();
    private final Summary[] sums;
    private final Summary[] plain; // sums made plain, when a counter that does not know the split asks
    private final Map<Object, Instance.Result> memo = new HashMap<>();
    /** RoPE's pair columns at level 0 ({@link RopeColumn}), shared by the RoPE nodes of one count. */
    final Map<Object, RopeColumn> ropeColumns = new java.util.concurrent.ConcurrentHashMap<>();
    /** RoPE's rows of plain words by heights ({@link RopePlainRows}), shared by the plain pair columns over the same codes. */
    final Map<Object, RopePlainRows> ropePlain = new java.util.concurrent.ConcurrentHashMap<>();
    /** Row families' ranges by family up to count and level ({@link tc0.compiler.gadgets.RangeMemo}); null with {@code -Dtc0.count.rangeMemo=false}. */
    final tc0.compiler.gadgets.RangeMemo rangeMemo = "false".equals(System.getProperty("tc0.count.rangeMemo")) ? null : new tc0.compiler.gadgets.RangeMemo();
    /** The most elements a non-uniform tensor may have where counting expands it element by element. */
    static final long EXPAND_LIMIT = 1L << 22;
    /** {@code -Dtc0.count.trace=true}: each node's time and class variety, and where a gadget runs instead of a closed form, on stderr. */
    static final boolean TRACE = Boolean.getBoolean("tc0.count.trace");
    /** The first node whose gadgets hold a number past a long ({@link CountedCost#wide}), described; null while none. */
    String wideAt;
    /** The node being counted (for messages), null before and after. */
    Node at;
    /** Per node, the gates its counter added and the highest level of its elements (0 for a node not counted); read by {@link TensorIrToCost#countByNode}. */
    final java.math.BigInteger[] nodeGates;
    final int[] nodeLevel;
    /** Whether to record {@link #nodeGates} and {@link #nodeLevel} (off: counting pays nothing for them). */
    boolean byNode;

    /** "node 27 (matmul, region l[0]/attention/matmul)": where, in a message. */
    static String describe(Node n) {
        return "node " + n.id() + " (" + n.op().label() + ", region " + n.region() + ")";
    }

    /** Per node, the entries a masked softmax reads in it, the others dead ({@link DeadEntries}), or null. */
    private final ClassMap[] deadMask;

    Engine(TensorProgram p, int rounds) {
        this.p = p;
        this.rounds = rounds;
        this.sums = new Summary[p.nodes().size()];
        this.plain = new Summary[p.nodes().size()];
        this.deadMask = DeadEntries.of(p);
        this.nodeGates = new java.math.BigInteger[p.nodes().size()];
        java.util.Arrays.fill(nodeGates, java.math.BigInteger.ZERO);
        this.nodeLevel = new int[p.nodes().size()];
    }

    /** Node {@code id}'s read entries as a map of constant bits (0: dead, counted as constant 0), or null where all are read. */
    ClassMap deadMask(int id) {
        return deadMask[id];
    }

    CountedCost run() {
        boolean[] live = liveNodes();
        for (Node n : p.nodes()) {
            if (!live[n.id()]) continue;
            long t0 = System.nanoTime(), c0 = TRACE ? cpuNanos() : 0;
            at = n;
            java.math.BigInteger before = byNode ? total.cost().gates() : null;
            sums[n.id()] = summarise(n);
            if (byNode) record(n.id(), before);
            if (TRACE) System.err.printf("count %%%d %s %s: %.1f ms (process cpu %.1f ms), %d combos%n", n.id(), n.op().label(), n.shape(),
                    (System.nanoTime() - t0) / 1e6, (cpuNanos() - c0) / 1e6, sums[n.id()].classes().combos());
            usage.commit();
            if (wideAt == null && total.wide()) wideAt = describe(n);
        }
        at = null;
        checkNoDeadGates(live);
        return total.cost();
    }

    private void record(int id, java.math.BigInteger before) {
        nodeGates[id] = total.cost().gates().subtract(before);
        ClassMap m = sums[id].classes();
        int top = 0;
        for (int t = 0; t < m.combos(); t++) top = Math.max(top, m.at(m.combo(t)).maxLevel());
        nodeLevel[id] = top;
    }

    /** CPU time of the whole process (every thread, the JIT's and the collector's too), for the trace. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Node {@code id}'s summary, its classes plain (a triangular map made plain, {@link ClassMap#dense}): for counters that do not know the split. */
    Summary sum(int id) {
        Summary s = sums[id];
        if (s == null || !s.classes().sided()) return s;
        if (plain[id] == null) plain[id] = new Summary(s.classes().dense(), s.bases(), s.distinctAxes(), s.bit());
        return plain[id];
    }

    /** Node {@code id}'s summary as counted, its classes perhaps split by a diagonal ({@link ClassMap#triangle}). */
    Summary sumSplit(int id) { return sums[id]; }

    FixedFormat fmt(int id) { return p.node(id).elem().asFixed(); }

    static long[] shape(Node n) {
        long[] s = new long[n.rank()];
        for (int a = 0; a < s.length; a++) s[a] = n.dim(a);
        return s;
    }

    /**
     * Runs (or recalls) one instance; {@code key} must name the gadget and its parameters. Inputs above level 0
     * are counted moved down to it and the result moved back up ({@link Lift}), so layers share instances.
     */
    Instance.Result instance(Object key, Instance.Gadget g, ElemClass[] in, int[] identity) {
        int[] ids = new int[in.length];
        for (int i = 0; i < in.length; i++) ids[i] = in[i].id;
        Object k = List.of(key, new IntsKey(ids), new IntsKey(identity));
        Instance.Result r = memo.get(k);
        if (r == null) {
            int d = Lift.of(in);
            r = d == 0 ? Instance.run(g, in, identity) : Lift.up(instance(key, g, Lift.down(in, d), identity), d);
            memo.put(k, r);
        }
        return r;
    }

    /** {@link #closed} of a count over {@code in}, made at level 0 and moved up ({@link Lift}); {@code f} counts given inputs. */
    Instance.Result closedLifted(Object key, ElemClass[] in, java.util.function.Function<ElemClass[], Instance.Result> f) {
        int[] ids = new int[in.length];
        for (int i = 0; i < in.length; i++) ids[i] = in[i].id;
        return closed(List.of(key, new IntsKey(ids)), () -> {
            int d = Lift.of(in);
            return d == 0 ? f.apply(in) : Lift.up(closedLifted(key, Lift.down(in, d), f), d);
        });
    }

    /** A result computed in closed form (no gadget run), memoised under {@code key}. */
    Instance.Result closed(Object key, java.util.function.Supplier<Instance.Result> f) {
        Instance.Result r = memo.get(key);
        if (r == null) {
            r = f.get();
            memo.put(key, r);
        }
        return r;
    }

    /**
     * Counts {@code times} copies of an instance and records which operand slots it read, for ops where each
     * operand element is read by one instance ({@code operandNodes[i] < 0}: not recorded).
     */
    void add(Instance.Result r, long times, int[] operandNodes, ElemClass[] in) {
        total.add(r.profile(), times);
        for (int i = 0; i < operandNodes.length; i++) if (operandNodes[i] >= 0) read(operandNodes[i], in[i], r.usedSlots()[i]);
    }

    /** Some elements of {@code node} of class {@code cls} (as read: a bit node's as words) have only slots {@code mask} read. */
    void read(int node, ElemClass cls, long mask) {
        usage.read(node, sums[node].bit() ? Summary.asBit(cls) : cls, mask);
    }

    /** The summary of a computed node (its own gates are a new base). */
    Summary computed(Node n, ClassMap classes, boolean passthrough, boolean disjoint, int... operands) {
        Set<Integer> bases = new HashSet<>();
        bases.add(n.id());
        boolean distinct = disjoint;
        if (passthrough) {
            for (int o : operands) { bases.addAll(sums[o].bases()); distinct &= sums[o].distinct(); }
        }
        return new Summary(classes, Set.copyOf(bases), Summary.all(n.rank(), distinct), n.elem() instanceof Elem.Bit);
    }

    private Summary summarise(Node n) {
        return switch (n.op()) {
            case Op.Input in -> new Summary(ClassMap.uniform(shape(n), ElemClass.fresh(Lowered.width(n), 0)), Set.of(n.id()), Summary.all(n.rank(), true),
                    n.elem() instanceof Elem.Bit);
            case Op.Constant c -> Wiring.constant(this, n, c);
            case Op.Fill f -> new Summary(ClassMap.uniform(shape(n), ElemClass.constant(f.code(), Lowered.width(n))), Set.of(), Summary.all(n.rank(), true),
                    n.elem() instanceof Elem.Bit);
            case Op.Broadcast x -> Wiring.broadcast(this, n, x);
            case Op.Transpose x -> Wiring.transpose(this, n, x);
            case Op.Reshape x -> Wiring.reshape(this, n, x);
            case Op.Slice x -> Wiring.slice(this, n, x);
            case Op.Concat x -> Wiring.concat(this, n, x);
            case Op.Elementwise e -> PerElement.elementwise(this, n, e);
            case Op.ScaleByConstant s -> PerElement.scale(this, n, s);
            case Op.Unary u -> PerElement.unary(this, n, u);
            case Op.MatMul m -> MatMulCount.count(this, n, m);
            case Op.Reduce r -> ReduceCount.count(this, n, r);
            case Op.Softmax s -> LineOps.softmax(this, n, s);
            case Op.LayerNorm l -> LineOps.layerNorm(this, n, l);
            case Op.MaskedSoftmax s -> MaskedSoftmaxCount.count(this, n, s);
            case Op.MaskedMean m -> MaskedMeanCount.count(this, n, m);
            case Op.Select s -> PerElement.select(this, n, s);
            case Op.Rope r -> RopeCount.count(this, n, r);
            case Op.Kron k -> KronCount.count(this, n, k);
            case Op.ScanExp s -> ScanCount.count(this, n, s);
            case Op.Upsample _, Op.Downsample _ -> ResampleCount.count(this, n);
            default -> throw new UnsupportedOperationException("counting of " + n.op().label() + " is not built yet (node "
                    + n.id() + ", region " + n.region() + ")");
        };
    }

    /** Nodes an output needs, through operands. */
    private boolean[] liveNodes() {
        boolean[] live = new boolean[p.nodes().size()];
        for (TensorProgram.Port o : p.outputs()) live[o.node()] = true;
        for (int i = live.length - 1; i >= 0; i--) {
            if (!live[i]) continue;
            for (int o : p.node(i).op().operands()) live[o] = true;
        }
        // Inputs are buses: always there, but they are not gates.
        return live;
    }

    private void checkNoDeadGates(boolean[] live) {
        Set<Integer> outputs = new HashSet<>();
        for (TensorProgram.Port o : p.outputs()) outputs.add(o.node());
        boolean[] fullyRead = Wiring.fullyRead(this, live, outputs);
        for (int o : outputs) { // an output reads all of itself: a wiring output (a concat of heads) passes that on to its sources
            ClassMap m = sums[o].classes();
            for (int t = 0; t < m.combos(); t++) usage.readAll(o, m.at(m.combo(t)));
        }
        usage.commit();
        for (int i = sums.length - 1; i >= 0; i--) {
            if (!live[i]) continue;
            Node n = p.node(i);
            if (Wiring.isWiring(n.op())) { Wiring.forwardUsage(this, n); continue; }
            if (n.op() instanceof Op.Input || outputs.contains(i) || !sums[i].classes().anyVariable()) continue;
            if (!fullyRead[i]) throw new NeedsLiterals("node " + i + " (" + n.region() + ") is read only in part: its other elements' gates are dead");
            ClassMap m = sums[i].classes();
            for (int t = 0; t < m.combos(); t++) {
                ElemClass c = m.at(m.combo(t));
                long need = Usage.all(c), got = usage.covered(i, c);
                if ((need & ~got) != 0) {
                    throw new NeedsLiterals("node " + i + " (" + n.region() + "): a bit of class " + c + " is read by no consumer in every instance");
                }
            }
        }
    }

    /** An int[] with value equality, for keys. */
    record IntsKey(int[] a) {
        @Override public boolean equals(Object o) { return o instanceof IntsKey k && Arrays.equals(a, k.a); }

        @Override public int hashCode() { return Arrays.hashCode(a); }
    }
}
