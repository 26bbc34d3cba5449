package tc0.compiler.count;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.Block;

/**
 * Parts of a float count, each distinct one counted once on a {@link LiveNet} and replayed: the elements of a
 * float program ({@link FloatCount}) and the blocks inside them ({@link Block}: exp, log, sqrt, divide,
 * reciprocal, which {@link LiveNet} meets as one call). A part's key is its kind and its inputs up to renaming:
 * which literals are constants (and which), which repeat (and negated or not), and the level of each distinct
 * one <em>less the lowest</em>: a gate's level is one more than its inputs' highest, so inputs raised alike raise
 * every gate alike, and the figures are kept from that base up. With a read mask (which outputs something
 * reads) the part is counted with only those read, the mask in its key.
 */
final class PartCounts {
    /** With {@code -Dtc0.count.profile=true}, each part counted is one line on stderr: its kind, gates and CPU seconds (blocks inside included). */
    private static final boolean PROFILE = Boolean.getBoolean("tc0.count.profile");
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private final Map<Key, Entry> memo = new HashMap<>();
    private int[] seen = new int[1024];
    private int[] stamp = new int[1024];
    private int call;
    private int lastRuns, lastNodes; // the runs and nodes of the part counted last (profile)

    record Key(String kind, int[] data) {
        @Override public boolean equals(Object o) { return o instanceof Key k && k.kind.equals(kind) && Arrays.equals(k.data, data); }
        @Override public int hashCode() { return kind.hashCode() * 31 + Arrays.hashCode(data); }
    }

    /**
     * A counted part: its figures (gates per level from the base up: {@code perLevel[l]} is level {@code base + l})
     * and outputs. An output is a constant ({@code FALSE}/{@code TRUE}), input {@code k} ({@code 2 + 2k}, {@code +1}
     * negated) or new literal {@code j} ({@code -(1 + 2j)}, {@code -1} more negated) at level {@code base + newLevels[j]}.
     */
    record Entry(long gates, long wires, long[] perLevel, int[] outputs, int[] newLevels, boolean[] inputsRead, boolean allInputsRead) {}

    /**
     * A part's key and inputs: {@code data} its input pattern, {@code vars} its distinct input literals (plain),
     * {@code levels} theirs less {@code base}, the lowest.
     */
    record Keyed(Key key, int[] data, int distinct, int[] vars, int[] levels, int base) {}

    Keyed keyOf(String kind, int[][] inputs, IntUnaryOperator levelOf) {
        call++;
        int lits = inputs.length;
        for (int[] w : inputs) lits += w.length;
        int[] data = new int[lits];
        int[] vars = new int[16];
        int distinct = 0, at = 0;
        for (int[] w : inputs) {
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
        int base = Integer.MAX_VALUE;
        int[] levels = new int[distinct];
        for (int k = 0; k < distinct; k++) base = Math.min(base, levels[k] = levelOf.applyAsInt(vars[k]));
        if (distinct == 0) base = 0;
        for (int k = 0; k < distinct; k++) levels[k] -= base;
        int[] key = Arrays.copyOf(data, data.length + distinct);
        System.arraycopy(levels, 0, key, data.length, distinct);
        return new Keyed(new Key(kind, key), data, distinct, Arrays.copyOf(vars, distinct), levels, base);
    }

    /** The part's entry with the outputs {@code mask} marks read (every one where null), counted now if new. */
    Entry entry(Keyed k, Block body, boolean[] mask) {
        Key key = k.key();
        if (mask != null) {
            int[] data = key.data();
            int[] withMask = Arrays.copyOf(data, data.length + mask.length);
            for (int i = 0; i < mask.length; i++) withMask[data.length + i] = mask[i] ? 1 : 0;
            key = new Key(key.kind() + " read mask", withMask);
        }
        Entry e = memo.get(key); // not computeIfAbsent: counting a part may count (and memoise) blocks inside it
        if (e == null) {
            long start = PROFILE ? CPU.getCurrentThreadCpuTime() : 0;
            e = count(body, k.data(), k.levels(), mask);
            memo.put(key, e);
            if (PROFILE) System.err.printf("count profile: %s%s: %,d gates, %.2f s CPU, %d runs of %,d nodes%n", k.key().kind(), mask == null ? "" : " (read mask)", e.gates(), (CPU.getCurrentThreadCpuTime() - start) / 1e9, lastRuns, lastNodes);
        }
        return e;
    }

    /** Distinct parts counted so far (each mask apart). */
    int size() { return memo.size(); }

    /**
     * Counts the part once on a {@link LiveNet}: its live gates (those reaching a read output, as the builder keeps
     * them), wide and float stages through their counting twins, blocks inside it through this memo; then each
     * output as a constant, an input passed through, or a new literal at its level.
     */
    private Entry count(Block body, int[] data, int[] levels, boolean[] mask) {
        LiveNet net = new LiveNet(levels, this);
        int[] out = run(net, body, data, mask);
        if (!net.twinsLive()) {
            net.withoutTwins();
            out = run(net, body, data, mask);
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
        lastRuns = net.runs();
        lastNodes = net.nodes();
        boolean[] inputsRead = new boolean[levels.length];
        boolean allInputsRead = true;
        for (int k = 0; k < levels.length; k++) allInputsRead &= inputsRead[k] = net.isRead(1 + k);
        return new Entry(net.gates(), net.wires(), perLevel, outputs, Arrays.copyOf(newLevels, fresh.size()), inputsRead, allInputsRead);
    }

    /**
     * Runs the part on the net until no gate dies, reading the outputs {@code mask} marks (all where null): the last
     * run's figures are the live ones; returns its outputs.
     */
    private static int[] run(LiveNet net, Block body, int[] data, boolean[] mask) {
        while (true) {
            net.reset();
            int[] base = net.inputs();
            int[][] in = new int[count(data)][];
            int at = 0;
            for (int w = 0; w < in.length; w++) {
                in[w] = new int[data[at++]];
                for (int k = 0; k < in[w].length; k++) {
                    int d = data[at++];
                    in[w][k] = d == -2 ? Literal.TRUE : d == -1 ? Literal.FALSE : d % 2 == 1 ? Literal.not(base[d / 2]) : base[d / 2];
                }
            }
            int[] out = body.build(net, in);
            int[] read = out;
            if (mask != null) {
                read = new int[out.length];
                for (int i = 0; i < out.length; i++) read[i] = mask[i] ? out[i] : Literal.FALSE;
            }
            if (!net.settle(read)) return out;
        }
    }

    /** The number of input words in an input pattern (each its length, then its literals). */
    private static int count(int[] data) {
        int words = 0;
        for (int at = 0; at < data.length; at += 1 + data[at]) words++;
        return words;
    }

    /**
     * The entry's outputs for these input literals, its new literals {@code fresh} (made by the caller at
     * {@code base + newLevels[j]}).
     */
    static int[] outputs(Entry e, int[] vars, int[] fresh) {
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
