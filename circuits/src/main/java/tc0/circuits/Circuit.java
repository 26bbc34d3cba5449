package tc0.circuits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A threshold circuit, immutable and flat. Node 0 is the constant false; nodes {@code 1..inputs} are the
 * inputs; the remaining nodes are threshold gates in topological order. Gate {@code g} (node
 * {@code firstGate() + g}) outputs 1 iff {@code sum_e weight(e) * value(faninNode(e)) >= threshold(g)} over
 * its fan-in edges {@code e} in {@code [faninStart(g), faninEnd(g))}. Outputs are literals (node and
 * inversion, see {@link Literal}), so inverters cost nothing.
 *
 * <p>Storage is a handful of primitive arrays, never an object per gate or wire: gate {@code g}'s fan-in is
 * the range {@code [faninStart(g), faninEnd(g))} of the wire arrays. Consecutive gates with the same terms
 * (a bank of comparators on one sum, which differ only in their thresholds: about 70% of the wires of the
 * GNN and transformer examples) may share one range, so {@link #wireCount()}, the circuit's wires, can be
 * more than the wires stored. Arrays may be longer than the counts say (the builder hands its arrays over
 * without copying); only the counted prefix is part of the circuit. Nothing here is mutated after
 * construction.
 */
public final class Circuit {
    private final int inputs;
    private final int gates;
    private final int[] faninStart;   // gates entries: where each gate's range of stored wires starts
    private final int[] faninEnd;     // gates entries: where it ends (a later gate may share the range)
    private final long wires;         // the fan-ins' sum: shared ranges count once per gate
    private final int[][] faninNode;  // stored wires (in WireChunks), each a node id smaller than the gate's node id
    private final WireWeights weight; // stored wires, four bytes each where they fit an int
    private final long[] threshold;   // gates entries
    private final int[] region;       // gates entries
    private final int[] outputs;      // literals
    private final List<Bus> inputBuses;
    private final List<Bus> outputBuses;
    private final Regions regions;

    Circuit(int inputs, int gates, int[] faninStart, int[] faninEnd, long wires, int[][] faninNode, WireWeights weight,
            long[] threshold, int[] region, int[] outputs, List<Bus> inputBuses, List<Bus> outputBuses, Regions regions) {
        this.inputs = inputs;
        this.gates = gates;
        this.faninStart = faninStart;
        this.faninEnd = faninEnd;
        this.wires = wires;
        this.faninNode = faninNode;
        this.weight = weight;
        this.threshold = threshold;
        this.region = region;
        this.outputs = outputs;
        this.inputBuses = List.copyOf(inputBuses);
        this.outputBuses = List.copyOf(outputBuses);
        this.regions = Objects.requireNonNull(regions);
    }

    /**
     * Makes a circuit from raw arrays (as a file reader has them), checking every invariant: topological
     * order, literal ranges, region ids, and buses that tile the inputs and outputs. The arrays are copied.
     *
     * @throws IllegalArgumentException naming the first broken invariant
     */
    public static Circuit of(int inputs, int[] faninStart, int[] faninNode, long[] weight, long[] threshold,
                             int[] region, int[] outputs, List<Bus> inputBuses, List<Bus> outputBuses, Regions regions) {
        int gates = threshold.length;
        if (faninStart.length != gates + 1) throw new IllegalArgumentException("array lengths disagree with " + gates + " gates");
        if (faninStart[0] != 0 || faninStart[gates] != faninNode.length || weight.length != faninNode.length) {
            throw new IllegalArgumentException("fan-in offsets disagree with " + faninNode.length + " wires");
        }
        for (int g = 0; g < gates; g++) {
            if (faninStart[g + 1] < faninStart[g]) throw new IllegalArgumentException("gate " + g + ": decreasing fan-in offsets");
        }
        return ofRanges(inputs, Arrays.copyOf(faninStart, gates), Arrays.copyOfRange(faninStart, 1, gates + 1), faninNode,
                weight, faninNode.length, threshold, region, outputs, inputBuses, outputBuses, regions);
    }

    /**
     * As {@link #of}, with gate {@code g}'s fan-in the stored wires {@code [faninStart[g], faninEnd[g])} of the
     * first {@code stored} entries of {@code faninNode} and {@code weight}: a gate may share the range of the
     * gate before it (see the class comment). Checks every invariant; the arrays are copied.
     *
     * @throws IllegalArgumentException naming the first broken invariant
     */
    public static Circuit ofRanges(int inputs, int[] faninStart, int[] faninEnd, int[] faninNode, long[] weight, int stored,
                                   long[] threshold, int[] region, int[] outputs, List<Bus> inputBuses, List<Bus> outputBuses,
                                   Regions regions) {
        if (stored < 0 || stored > faninNode.length || stored > weight.length) {
            throw new IllegalArgumentException(stored + " stored wires, more than the arrays hold");
        }
        return ofRanges(inputs, faninStart, faninEnd, WireStore.of(faninNode, weight, stored), threshold, region, outputs,
                inputBuses, outputBuses, regions);
    }

    /**
     * As {@link #ofRanges(int, int[], int[], int[], long[], int, long[], int[], int[], List, List, Regions)}, the
     * stored wires in a {@link WireStore}, which the circuit takes as they are (the store is spent); the
     * other arrays are copied.
     *
     * @throws IllegalArgumentException naming the first broken invariant
     */
    public static Circuit ofRanges(int inputs, int[] faninStart, int[] faninEnd, WireStore wires, long[] threshold,
                                   int[] region, int[] outputs, List<Bus> inputBuses, List<Bus> outputBuses, Regions regions) {
        int gates = threshold.length;
        if (inputs < 0) throw new IllegalArgumentException("negative input count");
        if (faninStart.length != gates || faninEnd.length != gates || region.length != gates) {
            throw new IllegalArgumentException("array lengths disagree with " + gates + " gates");
        }
        int stored = wires.size();
        int firstGate = inputs + 1;
        long wireCount = 0;
        for (int g = 0; g < gates; g++) {
            int start = faninStart[g], end = faninEnd[g];
            if (start < 0 || end < start || end > stored) {
                throw new IllegalArgumentException("gate " + g + ": fan-in range [" + start + ", " + end + ") outside the " + stored + " stored wires");
            }
            boolean checked = g > 0 && start == faninStart[g - 1] && end == faninEnd[g - 1]; // an earlier gate's sources
            for (int e = start; e < end && !checked; e++) {
                int src = wires.node(e);
                if (src < 0 || src >= firstGate + g) {
                    throw new IllegalArgumentException("gate " + (firstGate + g) + " reads node " + src + ": not an earlier node (cycle or out of range)");
                }
            }
            wireCount += end - start;
            if (region[g] < 0 || region[g] >= regions.size()) throw new IllegalArgumentException("gate " + g + ": no region " + region[g]);
        }
        int nodes = firstGate + gates;
        for (int lit : outputs) {
            if (lit < 0 || Literal.node(lit) >= nodes) throw new IllegalArgumentException("output literal " + lit + " out of range");
        }
        checkTiling(inputBuses, inputs, "input");
        checkTiling(outputBuses, outputs.length, "output");
        return new Circuit(inputs, gates, faninStart.clone(), faninEnd.clone(), wireCount, wires.nodeChunks(), wires.weights(),
                threshold.clone(), region.clone(), outputs.clone(), inputBuses, outputBuses, regions);
    }

    static void checkTiling(List<Bus> buses, int count, String what) {
        int next = 0;
        Set<String> names = new HashSet<>();
        for (Bus b : buses) {
            if (b.offset() != next) throw new IllegalArgumentException(what + " bus " + b.name() + " starts at " + b.offset() + ", expected " + next);
            if (!names.add(b.name())) throw new IllegalArgumentException("duplicate " + what + " bus " + b.name());
            next = b.end();
        }
        if (next != count) throw new IllegalArgumentException(what + " buses cover " + next + " of " + count + " " + what + "s");
    }

    /** Number of primary inputs. */
    public int inputCount() { return inputs; }

    /** Number of threshold gates (constants and inputs excluded). */
    public int gateCount() { return gates; }

    /** Number of nodes: the constant, the inputs and the gates. */
    public int nodeCount() { return inputs + 1 + gates; }

    /** Node id of gate 0. */
    public int firstGate() { return inputs + 1; }

    /** Number of fan-in edges over all gates: the sum of their fan-ins (a shared range counts for each gate). */
    public long wireCount() { return wires; }

    public int outputCount() { return outputs.length; }

    public int output(int i) { return outputs[i]; }

    /** A copy of the output literals. */
    public int[] outputs() { return outputs.clone(); }

    public int faninStart(int gate) { return faninStart[gate]; }

    public int faninEnd(int gate) { return faninEnd[gate]; }

    public int fanin(int gate) { return faninEnd[gate] - faninStart[gate]; }

    /** True if gate {@code gate} reads the same stored range as the gate before it (same terms, shared). */
    public boolean sharesPreviousFanin(int gate) {
        return gate > 0 && faninStart[gate] == faninStart[gate - 1] && faninEnd[gate] == faninEnd[gate - 1];
    }

    /** Source node of fan-in edge {@code e}. */
    public int faninNode(int e) { return faninNode[e >>> WireChunks.BITS][e & WireChunks.MASK]; }

    public long weight(int e) { return weight.get(e); }

    public long threshold(int gate) { return threshold[gate]; }

    public int region(int gate) { return region[gate]; }

    public Regions regions() { return regions; }

    public List<Bus> inputBuses() { return inputBuses; }

    public List<Bus> outputBuses() { return outputBuses; }

    /** The input bus with this name, or null. */
    public Bus inputBus(String name) {
        for (Bus b : inputBuses) if (b.name().equals(name)) return b;
        return null;
    }

    /** The output bus with this name, or null. */
    public Bus outputBus(String name) {
        for (Bus b : outputBuses) if (b.name().equals(name)) return b;
        return null;
    }

    /** True if {@code node} is a gate (not the constant, not an input). */
    public boolean isGate(int node) { return node > inputs; }

    /** Same structure, weights, thresholds, regions and buses: the equality a file round trip must keep. */
    public boolean sameAs(Circuit o) {
        if (inputs != o.inputs || gates != o.gates || outputs.length != o.outputs.length) return false;
        if (!inputBuses.equals(o.inputBuses) || !outputBuses.equals(o.outputBuses) || !regions.equals(o.regions)) return false;
        for (int i = 0; i < outputs.length; i++) if (outputs[i] != o.outputs[i]) return false;
        if (wires != o.wires) return false;
        for (int g = 0; g < gates; g++) {
            if (threshold[g] != o.threshold[g] || region[g] != o.region[g] || fanin(g) != o.fanin(g)) return false;
            if (sharesPreviousFanin(g) && o.sharesPreviousFanin(g)) continue; // the terms compared at gate g - 1
            for (int e = faninStart[g], f = o.faninStart[g]; e < faninEnd[g]; e++, f++) {
                if (faninNode(e) != o.faninNode(f) || weight.get(e) != o.weight.get(f)) return false;
            }
        }
        return true;
    }

    /** Bus names, for messages. */
    public List<String> inputBusNames() {
        List<String> names = new ArrayList<>();
        for (Bus b : inputBuses) names.add(b.name());
        return names;
    }

    @Override
    public String toString() {
        return "Circuit[inputs=" + inputs + ", gates=" + gates + ", wires=" + wireCount() + ", outputs=" + outputs.length + "]";
    }
}
