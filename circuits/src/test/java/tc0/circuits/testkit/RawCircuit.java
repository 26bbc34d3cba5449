package tc0.circuits.testkit;

import java.util.ArrayList;
import java.util.List;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;
import tc0.circuits.Regions;

/**
 * Builds a circuit gate by gate exactly as written, with no normalisation, hashing or folding (unlike
 * CircuitBuilder), so tests can pin odd cases: zero weights, the constant as a fan-in, repeated fan-in,
 * gates without fan-in, extreme weights and thresholds.
 */
public final class RawCircuit {
    private final List<Bus> inputBuses = new ArrayList<>();
    private final List<Bus> outputBuses = new ArrayList<>();
    private final List<Integer> outputs = new ArrayList<>();
    private final List<Integer> start = new ArrayList<>(List.of(0));
    private final List<Integer> src = new ArrayList<>();
    private final List<Long> weight = new ArrayList<>();
    private final List<Long> threshold = new ArrayList<>();
    private final List<Integer> region = new ArrayList<>();
    private final Regions.Builder regions = new Regions.Builder();
    private int inputs;

    /** Adds an input bus; returns the node ids of its bits, least significant first. */
    public int[] input(String name, int width) {
        if (!threshold.isEmpty()) throw new IllegalStateException("inputs first");
        inputBuses.add(new Bus(name, inputs, width));
        int[] nodes = new int[width];
        for (int i = 0; i < width; i++) nodes[i] = 1 + inputs + i;
        inputs += width;
        return nodes;
    }

    /** The region id of a path like {@code layer[0]/attention}, made if new; "" is the root. */
    public int region(String path) {
        int r = Regions.ROOT;
        if (path.isEmpty()) return r;
        for (String part : path.split("/")) r = regions.child(r, part);
        return r;
    }

    /** Adds a gate in region {@code path}; returns its node id. */
    public int gate(String path, int[] nodes, long[] weights, long t) {
        int r = region(path);
        for (int i = 0; i < nodes.length; i++) {
            src.add(nodes[i]);
            weight.add(weights[i]);
        }
        start.add(src.size());
        threshold.add(t);
        region.add(r);
        return inputs + threshold.size();
    }

    /** Adds a gate in the root region. */
    public int gate(int[] nodes, long[] weights, long t) {
        return gate("", nodes, weights, t);
    }

    /** Adds an output bus of literals. */
    public void output(String name, int... literals) {
        outputBuses.add(new Bus(name, outputs.size(), literals.length));
        for (int l : literals) outputs.add(l);
    }

    /** The literal of a node, for {@link #output}. */
    public static int lit(int node) {
        return Literal.of(node, false);
    }

    public static int not(int node) {
        return Literal.of(node, true);
    }

    public Circuit build() {
        return Circuit.of(inputs, ints(start), ints(src), longs(weight), longs(threshold), ints(region),
                ints(outputs), inputBuses, outputBuses, regions.build());
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long[] longs(List<Long> l) {
        return l.stream().mapToLong(Long::longValue).toArray();
    }
}
