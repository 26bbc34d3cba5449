package tc0.compiler.count;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * runner that counts each distinct element once. An element's key is its step's kind and its inputs up to renaming:
 * which literals are constants (and which), which repeat (and negated or not), and the level of each distinct
 * one. Elements alike build alike (no hashing), so the first is counted once, alone, on a {@link LiveNet} (its live
 * gates; the float sum's alignment by its counting twin, {@code AlignedBits}, in closed form), and every other
 * replays its figures.
 *
 * <p>Two passes, because the builder drops every gate no output reaches, and an element's output bits may go unread
 * (a softmax's max, a layer norm's exponent bits, a scan's prefix): forward, each element's outputs (constants,
 * inputs passed through, or new literals at their levels); backward, from the program's outputs, each element's
 * <em>read mask</em> (which of its output literals a program output or a live gate of a later element reads),
 * the element counted with only those outputs read (the mask in the memo key), and the input literals its live
 * gates read marked read in turn. The figures are then those of {@code TensorIrToCircuit.lower(p, rounds, false)}
 * (FloatModelsTest, FloatSequenceModelsTest compare them). Time: one count per distinct element and mask plus two
 * passes over every element's input literals. Memory: three ints per node of the largest distinct element, a flag
 * per literal between elements (in a {@link CountingNet}, one node each), references per element to its outputs
 * and entry; an element read whole, its inputs all read, is replayed backward without its key.
 */
public final class FloatCount {
    private final TensorProgram p;
    private final CountingNet v = new CountingNet(); // the literals between elements: inputs and element outputs, at their levels
    private final int[][][] words;
    private final Map<Key, Entry> memo = new HashMap<>();
    private final List<int[]> outputsOfStep = new ArrayList<>(); // forward: each element's output literals, in order
    private final List<Entry> entryOfStep = new ArrayList<>(); // forward: each element's entry (every output read)
    private final int[] firstStep; // per node: the index of its first element in outputsOfStep
    private boolean[] read = new boolean[1024]; // backward: per literal node of v, whether a live gate or an output reads it
    private int cursor; // backward: the element being counted
    private long gates, wires;
    private long[] perLevel = new long[16];
    private int[] seen = new int[1024];
    private int[] stamp = new int[1024];
    private int call;

    private record Key(String kind, int[] data) {
        @Override public boolean equals(Object o) { return o instanceof Key k && k.kind.equals(kind) && Arrays.equals(k.data, data); }
        @Override public int hashCode() { return kind.hashCode() * 31 + Arrays.hashCode(data); }
    }

    /**
     * A counted element: its figures and outputs. An output is a constant ({@code FALSE}/{@code TRUE}), input
     * {@code k} ({@code 2 + 2k}, {@code +1} negated) or new literal {@code j} ({@code -(1 + 2j)}, {@code -1} more negated).
     */
    private record Entry(long gates, long wires, long[] perLevel, int[] outputs, int[] newLevels, boolean[] inputsRead, boolean allInputsRead) {}

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
        FloatNodes backward = new FloatNodes(p, c.words, rounds, c::backward);
        for (int id = p.nodes().size() - 1; id >= 0; id--) {
            Node n = p.node(id);
            if (isWiring(n)) continue; // wiring and constants: the literals read are the ones read
            c.cursor = c.firstStep[id];
            backward.lower(n);
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

    /** An element's key (its kind and inputs up to renaming) and its distinct input literals. */
    private record Keyed(Key key, int[] data, int distinct, int[] vars, int[] levels) {}

    private Keyed keyOf(FloatNodes.Step s) {
        call++;
        int lits = s.inputs().length;
        for (int[] w : s.inputs()) lits += w.length;
        int[] data = new int[lits];
        int[] vars = new int[16];
        int distinct = 0, at = 0;
        for (int[] w : s.inputs()) {
            data[at++] = w.length;
            for (int lit : w) {
                if (Literal.isConstant(lit)) { data[at++] = lit == Literal.TRUE ? -2 : -1; continue; }
                int node = Literal.node(lit);
                if (node >= seen.length) { seen = Arrays.copyOf(seen, 2 * node + 2); stamp = Arrays.copyOf(stamp, 2 * node + 2); }
                if (stamp[node] != call) {
                    stamp[node] = call;
                    seen[node] = distinct;
                    if (distinct == vars.length) vars = Arrays.copyOf(vars, 2 * distinct);
                    vars[distinct++] = Literal.of(node, false);
                }
                data[at++] = 2 * seen[node] + (Literal.isNegated(lit) ? 1 : 0);
            }
        }
        int[] key = Arrays.copyOf(data, data.length + distinct);
        for (int k = 0; k < distinct; k++) key[data.length + k] = v.level(vars[k]);
        return new Keyed(new Key(s.kind(), key), data, distinct, vars, Arrays.copyOfRange(key, data.length, key.length));
    }

    /** Forward: one element's outputs, from its key's entry (counted now, every output read, if new). */
    private int[] forward(FloatNodes.Step s) {
        Keyed k = keyOf(s);
        Entry e = memo.computeIfAbsent(k.key(), x -> count(s, k.data(), k.levels(), null));
        int[] out = outputs(e, k.vars());
        outputsOfStep.add(out);
        entryOfStep.add(e);
        return out;
    }

    /**
     * Backward: the element's figures with only its read outputs read (its entry for that mask, counted now if
     * new); the inputs its live gates read are marked read. Returns its forward outputs (the lowering's words are
     * already built).
     */
    private int[] backward(FloatNodes.Step s) {
        int step = cursor++;
        int[] out = outputsOfStep.get(step);
        boolean all = true;
        for (int lit : out) all &= Literal.isConstant(lit) || isRead(lit);
        Entry e = entryOfStep.get(step);
        if (all && e.allInputsRead()) {
            add(e);
            for (int[] w : s.inputs()) markRead(w); // no key needed: the forward entry, every input read
            return out;
        }
        Keyed k = keyOf(s);
        if (!all) {
            int[] data = k.key().data();
            int[] withMask = Arrays.copyOf(data, data.length + out.length);
            boolean[] mask = new boolean[out.length];
            for (int i = 0; i < out.length; i++) {
                mask[i] = isRead(out[i]);
                withMask[data.length + i] = mask[i] ? 1 : 0;
            }
            e = memo.computeIfAbsent(new Key(k.key().kind() + " read mask", withMask), x -> count(s, k.data(), k.levels(), mask));
        }
        add(e);
        for (int j = 0; j < k.distinct(); j++) if (e.inputsRead()[j]) markRead(new int[] {k.vars()[j]});
        return out;
    }

    private void add(Entry e) {
        gates = Math.addExact(gates, e.gates());
        wires = Math.addExact(wires, e.wires());
        if (e.perLevel().length > perLevel.length) perLevel = Arrays.copyOf(perLevel, Math.max(2 * perLevel.length, e.perLevel().length));
        for (int l = 0; l < e.perLevel().length; l++) perLevel[l] += e.perLevel()[l];
    }

    /**
     * Counts the step once on a {@link LiveNet}: its live gates (those reaching an output, as the builder keeps them
     * when every output of the element is read), wide and float stages through their counting twins; then each
     * output as a constant, an input passed through, or a new literal at its level.
     */
    private static Entry count(FloatNodes.Step s, int[] data, int[] levels, boolean[] mask) {
        LiveNet net = new LiveNet(levels);
        int[] out = run(net, s, data, mask);
        if (!net.twinsLive()) {
            net.withoutTwins();
            out = run(net, s, data, mask);
        }
        Map<Integer, Integer> fresh = new HashMap<>();
        int[] newLevels = new int[out.length];
        int[] outputs = new int[out.length];
        for (int i = 0; i < outputs.length; i++) {
            int lit = out[i];
            if (Literal.isConstant(lit)) { outputs[i] = lit; continue; }
            int node = Literal.node(lit), neg = Literal.isNegated(lit) ? 1 : 0;
            if (net.isInput(node)) { outputs[i] = 2 + 2 * (node - 1) + neg; continue; }
            Integer j = fresh.get(node);
            if (j == null) { j = fresh.size(); fresh.put(node, j); newLevels[j] = net.level(lit); }
            outputs[i] = -(1 + 2 * j) - neg;
        }
        long[] perLevel = net.perLevel().clone();
        boolean[] inputsRead = new boolean[levels.length];
        boolean allInputsRead = true;
        for (int k = 0; k < levels.length; k++) allInputsRead &= inputsRead[k] = net.isRead(1 + k);
        return new Entry(net.gates(), net.wires(), perLevel, outputs, Arrays.copyOf(newLevels, fresh.size()), inputsRead, allInputsRead);
    }

    /**
     * Runs the step on the net until no gate dies, reading the outputs {@code mask} marks (all where null): the last
     * run's figures are the live ones; returns its outputs.
     */
    private static int[] run(LiveNet net, FloatNodes.Step s, int[] data, boolean[] mask) {
        while (true) {
            net.reset();
            int[] base = net.inputs();
            int[][] in = new int[s.inputs().length][];
            int at = 0;
            for (int w = 0; w < in.length; w++) {
                in[w] = new int[data[at++]];
                for (int k = 0; k < in[w].length; k++) {
                    int d = data[at++];
                    in[w][k] = d == -2 ? Literal.TRUE : d == -1 ? Literal.FALSE : d % 2 == 1 ? Literal.not(base[d / 2]) : base[d / 2];
                }
            }
            int[] out = s.gadget().build(net, in);
            int[] read = out;
            if (mask != null) {
                read = new int[out.length];
                for (int i = 0; i < out.length; i++) read[i] = mask[i] ? out[i] : Literal.FALSE;
            }
            if (!net.settle(read)) return out;
        }
    }

    /** The entry's outputs for these input literals: new literals are new nodes of {@code v}, at their levels. */
    private int[] outputs(Entry e, int[] vars) {
        int[] fresh = new int[e.newLevels().length];
        for (int j = 0; j < fresh.length; j++) fresh[j] = v.inputAt(e.newLevels()[j]);
        int[] out = new int[e.outputs().length];
        for (int i = 0; i < out.length; i++) {
            int o = e.outputs()[i];
            if (o >= 2) out[i] = (o & 1) == 1 ? Literal.not(vars[(o - 2) / 2]) : vars[(o - 2) / 2];
            else if (o >= 0) out[i] = o;
            else { int j = (-o - 1) / 2; out[i] = (-o - 1) % 2 == 1 ? Literal.not(fresh[j]) : fresh[j]; }
        }
        return out;
    }
}
