package tc0.circuits;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Gates written down as plain CSR arrays, the way a test expects the builder to keep them: {@link #circuit}
 * drops the gates no output needs (keeping the order, as {@code CircuitBuilder.build()} does) and makes the
 * rest into a circuit with {@link Circuit#of}, one stored range per gate. Inputs are one bus "x".
 */
final class RawGates {
    private final int inputs;
    private final IntList starts = new IntList();
    private final IntList nodes = new IntList();
    private final List<long[]> weights = new ArrayList<>();
    private final List<Long> thresholds = new ArrayList<>();

    RawGates(int inputs) {
        this.inputs = inputs;
        starts.add(0);
    }

    /** Gates written so far. */
    int size() {
        return thresholds.size();
    }

    void add(int[] lits, long[] w, long t) {
        for (int lit : lits) nodes.add(Literal.node(lit));
        weights.add(w.clone());
        thresholds.add(t);
        starts.add(nodes.size());
    }

    /** The circuit of the gates {@code outs} (positive literals) need, with output bus "y". */
    Circuit circuit(int[] outs) {
        int gates = thresholds.size(), first = 1 + inputs;
        boolean[] live = new boolean[gates];
        for (int o : outs) live[Literal.node(o) - first] = true;
        for (int g = gates - 1; g >= 0; g--) {
            if (!live[g]) continue;
            for (int e = starts.get(g); e < starts.get(g + 1); e++) if (nodes.get(e) >= first) live[nodes.get(e) - first] = true;
        }
        int[] index = new int[gates];
        int kept = 0;
        IntList fs = new IntList(), fn = new IntList();
        List<Long> ws = new ArrayList<>(), ts = new ArrayList<>();
        for (int g = 0; g < gates; g++) {
            if (!live[g]) continue;
            fs.add(fn.size());
            long[] w = weights.get(g);
            for (int e = starts.get(g), i = 0; e < starts.get(g + 1); e++, i++) {
                int n = nodes.get(e);
                fn.add(n >= first ? first + index[n - first] : n);
                ws.add(w[i]);
            }
            ts.add(thresholds.get(g));
            index[g] = kept++;
        }
        fs.add(fn.size());
        int[] o = new int[outs.length];
        for (int i = 0; i < o.length; i++) o[i] = Literal.of(first + index[Literal.node(outs[i]) - first], false);
        long[] wArr = ws.stream().mapToLong(Long::longValue).toArray();
        long[] tArr = ts.stream().mapToLong(Long::longValue).toArray();
        return Circuit.of(inputs, fs.toArray(), fn.toArray(), wArr, tArr, new int[kept], o,
                List.of(new Bus("x", 0, inputs)), List.of(new Bus("y", 0, o.length)), Regions.rootOnly());
    }

    /** {@code k} distinct node ids in {@code [1, nodes)}, increasing, as positive literals: a random start and gaps that fit. */
    static int[] distinctIncreasing(Random rnd, int k, int nodes) {
        int[] lits = new int[k];
        int span = nodes - 1;
        int node = 1 + rnd.nextInt(Math.max(1, span - k + 1));
        for (int i = 0; i < k; i++) {
            lits[i] = Literal.of(node, false);
            int room = (nodes - 1) - node - (k - 1 - i);
            node += 1 + (room > 0 ? rnd.nextInt(Math.min(room, 3) + 1) : 0);
        }
        return lits;
    }
}
