package tc0.circuits.io.verilog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import tc0.circuits.Circuit;
import tc0.circuits.IntList;
import tc0.circuits.LongList;
import tc0.circuits.Regions;
import tc0.circuits.analysis.RegionTree;

/**
 * The plan of a hierarchical Verilog export: each region that holds gates becomes a module whose ports are the
 * wires crossing its border, and regions with the same structure share one module. For region R:
 * <ul>
 *   <li>its <em>signals</em> are its own gates and its children's outputs, numbered in node order;</li>
 *   <li>its <em>outputs</em> are the signals read outside R (by a gate outside, through a term the writer emits,
 *       or by a circuit output), in node order;</li>
 *   <li>its <em>inputs</em> are the nodes outside R that its gates and its children read, numbered by first
 *       use: its items (own gates and children, by first gate) in order, a gate's terms in order, a child's
 *       inputs in order;</li>
 *   <li>its <em>key</em> writes down, in terms of those numbers only, every own gate (terms, weights, threshold),
 *       every child (its module, its name, what feeds each of its inputs) and which signals are outputs.</li>
 * </ul>
 * Equal keys make equal module text, so a module is written once per key however many regions have it:
 * gadgets that repeat cost their size once. Memory is a few ints per gate and per port.
 */
final class RegionModules {
    final Circuit c;
    final RegionTree tree;
    final int[][] signals;   // per region: global nodes of its signals, ascending
    final int[][] inputs;    // per region: global nodes of its inputs, by first use
    final int[][] outputs;   // per region: global nodes of its outputs, ascending
    final int[] moduleOf;    // per region: its module id, or -1 (root, regions without gates)
    final int[] representative; // per module id: the region with that key that comes first
    final int[] instances;   // per module id: how many regions share it
    final int modules;
    private final int[] ownStart; // gates of region r: ownGate[ownStart[r] .. ownStart[r + 1])
    private final int[] ownGate;

    private RegionModules(Circuit c) {
        this.c = c;
        this.tree = RegionTree.of(c);
        Regions regions = c.regions();
        int n = regions.size();
        int[] depth = new int[n];
        for (int r = 1; r < n; r++) depth[r] = depth[regions.parent(r)] + 1;
        ownStart = new int[n + 1];
        for (int g = 0; g < c.gateCount(); g++) ownStart[c.region(g) + 1]++;
        for (int r = 0; r < n; r++) ownStart[r + 1] += ownStart[r];
        ownGate = new int[c.gateCount()];
        int[] fill = Arrays.copyOf(ownStart, n);
        for (int g = 0; g < c.gateCount(); g++) ownGate[fill[c.region(g)]++] = g;
        int[] exportDepth = exportDepths(depth);
        signals = new int[n][];
        inputs = new int[n][];
        outputs = new int[n][];
        moduleOf = new int[n];
        Arrays.fill(moduleOf, -1);
        Map<Key, Integer> ids = new HashMap<>();
        Map<String, Integer> nameIds = new HashMap<>();
        int[] stamp = new int[c.nodeCount()];
        Arrays.fill(stamp, -1);
        int[] number = new int[c.nodeCount()];
        int[] repr = new int[16];
        int[] count = new int[16];
        for (int r = n - 1; r >= 0; r--) { // children have larger ids than their parents
            if (!tree.shown(r) && r != Regions.ROOT) continue;
            signals[r] = signalsOf(r);
            if (r == Regions.ROOT) continue;
            int d = depth[r];
            outputs[r] = Arrays.stream(signals[r]).filter(s -> exportDepth[s - c.firstGate()] <= d).toArray();
            long[] key = key(r, stamp, number, nameIds);
            int id = ids.computeIfAbsent(new Key(key), k -> ids.size());
            if (id == repr.length) {
                repr = Arrays.copyOf(repr, 2 * id);
                count = Arrays.copyOf(count, 2 * id);
            }
            count[id]++;
            repr[id] = r; // the last met has the smallest id: the first in the circuit
            moduleOf[r] = id;
        }
        modules = ids.size();
        representative = Arrays.copyOf(repr, modules);
        instances = Arrays.copyOf(count, modules);
    }

    static RegionModules of(Circuit c) {
        return new RegionModules(c);
    }

    /** Own gates of {@code r}, ascending. */
    int[] ownGates(int r) {
        return Arrays.copyOfRange(ownGate, ownStart[r], ownStart[r + 1]);
    }

    /** The index of {@code node} among r's signals, or -1 if it is none of them. */
    int signal(int r, int node) {
        int i = Arrays.binarySearch(signals[r], node);
        return i >= 0 ? i : -1;
    }

    /**
     * The items of {@code r} in order: own gate g as {@code g}, child k (index into tree.children(r)) as
     * {@code -1 - k}, merged by first gate.
     */
    int[] items(int r) {
        int[] own = ownGates(r);
        int[] children = tree.children(r);
        int[] items = new int[own.length + children.length];
        int i = 0, j = 0, k = 0;
        while (i < own.length || j < children.length) {
            if (j == children.length || (i < own.length && own[i] < tree.firstGate(children[j]))) items[k++] = own[i++];
            else items[k++] = -1 - j++;
        }
        return items;
    }

    /** Per gate: the smallest region depth at which it is read from outside (a circuit output: 1), else MAX. */
    private int[] exportDepths(int[] depth) {
        Regions regions = c.regions();
        int first = c.firstGate();
        int[] d = new int[c.gateCount()];
        Arrays.fill(d, Integer.MAX_VALUE);
        for (int g = 0; g < c.gateCount(); g++) {
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                if (!SumWidth.emitted(c, e) || !c.isGate(c.faninNode(e))) continue;
                int s = c.faninNode(e) - first;
                int a = c.region(s), b = c.region(g);
                while (depth[a] > depth[b]) a = regions.parent(a);
                while (depth[b] > depth[a]) b = regions.parent(b);
                while (a != b) {
                    a = regions.parent(a);
                    b = regions.parent(b);
                }
                d[s] = Math.min(d[s], depth[a] + 1);
            }
        }
        for (int o = 0; o < c.outputCount(); o++) {
            int node = c.output(o) >>> 1;
            if (c.isGate(node)) d[node - first] = 1;
        }
        return d;
    }

    private int[] signalsOf(int r) {
        int[] own = ownGates(r);
        int total = own.length;
        for (int child : tree.children(r)) total += outputs[child].length;
        int[] s = new int[total];
        int k = 0;
        for (int g : own) s[k++] = c.firstGate() + g;
        for (int child : tree.children(r)) for (int node : outputs[child]) s[k++] = node;
        Arrays.sort(s);
        return s;
    }

    /** Numbers r's inputs (into inputs[r]) and writes its key. */
    private long[] key(int r, int[] stamp, int[] number, Map<String, Integer> nameIds) {
        LongList key = new LongList();
        IntList in = new IntList();
        int[] children = tree.children(r);
        for (int item : items(r)) {
            if (item >= 0) {
                int g = item;
                key.add(-1);
                for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                    if (!SumWidth.emitted(c, e)) continue;
                    key.add(operand(r, c.faninNode(e), stamp, number, in));
                    key.add(c.weight(e));
                }
                key.add(-2);
                key.add(c.threshold(g));
            } else {
                int child = children[-1 - item];
                key.add(-3);
                key.add(moduleOf[child]);
                key.add(nameIds.computeIfAbsent(c.regions().name(child), x -> nameIds.size()));
                for (int node : inputs[child]) key.add(operand(r, node, stamp, number, in));
            }
        }
        key.add(-4);
        for (int node : outputs[r]) key.add(signal(r, node));
        inputs[r] = in.toArray();
        return key.toArray();
    }

    /** A signal's word in r's key: 2 local for one of r's own, 2 i + 1 for r's input i (numbered as first met). */
    private long operand(int r, int node, int[] stamp, int[] number, IntList in) {
        int local = signal(r, node);
        if (local >= 0) return 2L * local;
        if (stamp[node] != r) {
            stamp[node] = r;
            number[node] = in.size();
            in.add(node);
        }
        return 2L * number[node] + 1;
    }

    /** A module's key: equal arrays, equal modules. */
    private record Key(long[] words) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(words, k.words);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(words);
        }
    }
}
