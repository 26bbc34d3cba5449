package tc0.compiler.count;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.CountingNet;
import tc0.compiler.interp.Layout;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.FloatNodes;
import tc0.compiler.lower.Lowered;

/**
 * Counting mode for a program under {@code precision float(p: P)}: the float lowering ({@link FloatNodes}) run with a
 * runner that counts each distinct element once ({@link PartCounts}: its kind and inputs up to renaming, levels
 * relative to the lowest). Elements alike build alike (no hashing), so the first is counted once, alone, on a
 * {@link LiveNet} (its live gates; the float sum's alignment by its counting twin, {@code AlignedBits}, in closed
 * form; the float functions inside it, exp, log, sqrt, divide and reciprocal, and the comparisons and products, as blocks counted once per key across
 * the whole program), and every other replays its figures.
 *
 * <p>Two passes, because the builder drops every gate no output reaches, and an element's output bits may go unread
 * (a softmax's max, a layer norm's exponent bits, a scan's prefix): forward, each element's outputs (constants,
 * inputs passed through, or new literals at their levels); backward, from the program's outputs, last element first, each element's
 * <em>read mask</em> (which of its output literals a program output or a live gate of a later element reads),
 * the element counted with only those outputs read (the mask in the memo key), and the input literals its live
 * gates read marked read in turn. The figures are then those of {@code TensorIrToCircuit.lower(p, rounds, false)}
 * (FloatModelsTest, FloatSequenceModelsTest compare them). Time: one count per distinct element, block and mask
 * plus two passes over every element's input literals. Memory: three ints per node of the largest distinct
 * element or block, a flag per literal between elements (in a {@link CountingNet}, one node each), references per
 * element to its outputs and entry; an element read whole, its inputs all read, is replayed backward without its key.
 */
public final class FloatCount {
    private final TensorProgram p;
    private final CountingNet v = new CountingNet(); // the literals between elements: inputs and element outputs, at their levels
    private final int[][][] words;
    private final PartCounts parts = new PartCounts();
    private final List<int[]> outputsOfStep = new ArrayList<>(); // forward: each element's output literals, in order
    private final List<PartCounts.Entry> entryOfStep = new ArrayList<>(); // forward: each element's entry (every output read)
    private final List<Integer> baseOfStep = new ArrayList<>(); // forward: each element's base level
    private final int[] firstStep; // per node: the index of its first element in outputsOfStep
    private boolean[] read = new boolean[1024]; // backward: per literal node of v, whether a live gate or an output reads it
    private int cursor; // backward: the next element of the node being lowered
    private final List<FloatNodes.Step> pending = new ArrayList<>(); // backward: the node's elements, counted last first
    private long gates, wires;
    private long[] perLevel = new long[16];

    private FloatCount(TensorProgram p) {
        this.p = p;
        this.words = new int[p.nodes().size()][][];
        this.firstStep = new int[p.nodes().size()];
    }

    /** The cost of {@code TensorIrToCircuit.lower(p, rounds, false)} of a float program, without building it. */
    public static CountedCost count(TensorProgram p, int rounds) {
        FloatCount c = new FloatCount(p);
        FloatNodes forward = new FloatNodes(p, c.words, rounds, c::forward);
        for (Node n : p.nodes()) {
            c.firstStep[n.id()] = c.outputsOfStep.size();
            c.words[n.id()] = isWiring(n) ? c.bits(n) : forward.lower(n);
        }
        for (TensorProgram.Port out : p.outputs()) for (int[] w : c.words[out.node()]) c.markRead(w);
        FloatNodes backward = new FloatNodes(p, c.words, rounds, c::defer);
        for (int id = p.nodes().size() - 1; id >= 0; id--) {
            Node n = p.node(id);
            if (isWiring(n)) continue; // wiring and constants: the literals read are the ones read
            c.cursor = c.firstStep[id];
            c.pending.clear();
            backward.lower(n);
            // last step first: a node's later steps may read its earlier ones (a softmax line's max, sum)
            for (int i = c.pending.size() - 1; i >= 0; i--) c.backward(c.pending.get(i), c.firstStep[id] + i);
        }
        int depth = 0;
        long width = 0;
        for (int l = 1; l < c.perLevel.length; l++) {
            if (c.perLevel[l] > 0) depth = l;
            width = Math.max(width, c.perLevel[l]);
        }
        return new CountedCost(depth, BigInteger.valueOf(c.gates), BigInteger.valueOf(c.wires), BigInteger.valueOf(width));
    }

    private static boolean isWiring(Node n) {
        return n.op() instanceof Op.Input || n.elem() instanceof Elem.Bit;
    }

    private void markRead(int[] lits) {
        for (int lit : lits) {
            if (Literal.isConstant(lit)) continue;
            int node = Literal.node(lit);
            if (node >= read.length) read = Arrays.copyOf(read, Math.max(2 * read.length, node + 1));
            read[node] = true;
        }
    }

    private boolean isRead(int lit) {
        return !Literal.isConstant(lit) && Literal.node(lit) < read.length && read[Literal.node(lit)];
    }

    /** An input (of floats or bits), or a bit node of a float program: a constant, or wiring (the float regime computes no bits). */
    private int[][] bits(Node n) {
        int size = Math.toIntExact(n.size());
        int[][] r = new int[size][];
        switch (n.op()) {
            case Op.Input in -> { for (int i = 0; i < size; i++) r[i] = v.input(Lowered.width(n)); }
            case Op.Constant c -> { for (int i = 0; i < size; i++) r[i] = new int[] {c.code(i) != 0 ? Literal.TRUE : Literal.FALSE}; }
            case Op.Fill f -> { for (int i = 0; i < size; i++) r[i] = new int[] {f.code() != 0 ? Literal.TRUE : Literal.FALSE}; }
            case Op.Broadcast x -> gather(n, r);
            case Op.Transpose x -> gather(n, r);
            case Op.Reshape x -> gather(n, r);
            case Op.Slice x -> gather(n, r);
            case Op.Concat x -> gather(n, r);
            default -> throw new UnsupportedOperationException("counting: " + n.op().label() + " of bits is not in the float regime (node "
                    + n.id() + ", region " + n.region() + ")");
        }
        return r;
    }

    private void gather(Node n, int[][] r) {
        int[] g = Layout.gather(p, n);
        int first = n.op().operands().getFirst();
        for (int i = 0; i < g.length; i++) r[i] = g[i] >= 0 ? words[first][g[i]] : words[((Op.Concat) n.op()).right()][-g[i] - 1];
    }

    private PartCounts.Keyed keyOf(FloatNodes.Step s) {
        return parts.keyOf(s.kind(), s.inputs(), v::level);
    }

    /** Forward: one element's outputs, from its key's entry (counted now, every output read, if new). */
    private int[] forward(FloatNodes.Step s) {
        PartCounts.Keyed k = keyOf(s);
        PartCounts.Entry e = parts.entry(k, s.gadget()::build, null);
        int[] fresh = new int[e.newLevels().length];
        for (int j = 0; j < fresh.length; j++) fresh[j] = v.inputAt(k.base() + e.newLevels()[j]);
        int[] out = PartCounts.outputs(e, k.vars(), fresh);
        outputsOfStep.add(out);
        entryOfStep.add(e);
        baseOfStep.add(k.base());
        return out;
    }

    /** Backward, while the node is lowered: the element kept for {@link #backward}; its forward outputs. */
    private int[] defer(FloatNodes.Step s) {
        pending.add(s);
        return outputsOfStep.get(cursor++);
    }

    /**
     * Backward: the element's figures with only its read outputs read (its entry for that mask, counted now if
     * new); the inputs its live gates read are marked read.
     */
    private void backward(FloatNodes.Step s, int step) {
        int[] out = outputsOfStep.get(step);
        boolean all = true, none = true;
        for (int lit : out) {
            boolean read = Literal.isConstant(lit) || isRead(lit);
            all &= read;
            none &= !read || Literal.isConstant(lit);
        }
        if (none) return; // its gates reach no output: none is live, no input read (a masked score)
        PartCounts.Entry e = entryOfStep.get(step);
        if (all && e.allInputsRead()) {
            add(e, baseOfStep.get(step));
            for (int[] w : s.inputs()) markRead(w); // no key needed: the forward entry, every input read
            return;
        }
        PartCounts.Keyed k = keyOf(s);
        if (!all) {
            boolean[] mask = new boolean[out.length];
            for (int i = 0; i < out.length; i++) mask[i] = isRead(out[i]);
            e = parts.entry(k, s.gadget()::build, mask);
        }
        add(e, k.base());
        for (int j = 0; j < k.distinct(); j++) if (e.inputsRead()[j]) markRead(new int[] {k.vars()[j]});
    }

    private void add(PartCounts.Entry e, int base) {
        gates = Math.addExact(gates, e.gates());
        wires = Math.addExact(wires, e.wires());
        int top = base + e.perLevel().length;
        if (top > perLevel.length) perLevel = Arrays.copyOf(perLevel, Math.max(2 * perLevel.length, top));
        for (int l = 0; l < e.perLevel().length; l++) perLevel[base + l] += e.perLevel()[l];
    }
}
