package tc0.proofs.smt;

import tc0.circuits.Circuit;
import tc0.circuits.Literal;

/** Test-only faults planted in a built circuit (never in a gadget's source): one threshold or one weight off. */
final class Faults {
    private Faults() {}

    /** The gate (index from 0) that drives bit {@code bit} of output bus {@code bus}. */
    static int gateOf(Circuit c, String bus, int bit) {
        int node = Literal.node(c.output(c.outputBus(bus).offset() + bit));
        if (!c.isGate(node)) throw new IllegalArgumentException(bus + "[" + bit + "] is not a gate");
        return node - c.firstGate();
    }

    /** {@code c} with gate {@code g}'s threshold moved by {@code delta}. */
    static Circuit threshold(Circuit c, int g, long delta) {
        return copy(c, g, -1, delta);
    }

    /** {@code c} with the weight of gate {@code g}'s {@code term}-th fan-in moved by {@code delta}. */
    static Circuit weight(Circuit c, int g, int term, long delta) {
        if (term >= c.fanin(g)) throw new IllegalArgumentException("gate " + g + " has " + c.fanin(g) + " fan-ins");
        return copy(c, -1, c.faninStart(g) + term, delta);
    }

    /** A copy; a changed stored wire is given to its gate alone (gates sharing its range keep theirs). */
    private static Circuit copy(Circuit c, int thresholdGate, int wire, long delta) {
        int gates = c.gateCount();
        int stored = 0;
        for (int g = 0; g < gates; g++) stored = Math.max(stored, c.faninEnd(g));
        int extra = wire >= 0 ? c.fanin(owner(c, wire)) : 0;
        int[] start = new int[gates], end = new int[gates], node = new int[stored + extra], region = new int[gates];
        long[] weight = new long[stored + extra], threshold = new long[gates];
        for (int e = 0; e < stored; e++) { node[e] = c.faninNode(e); weight[e] = c.weight(e); }
        for (int g = 0; g < gates; g++) {
            start[g] = c.faninStart(g);
            end[g] = c.faninEnd(g);
            threshold[g] = c.threshold(g) + (g == thresholdGate ? delta : 0);
            region[g] = c.region(g);
        }
        if (wire >= 0) { // the mutated gate gets a private copy of its range
            int g = owner(c, wire);
            for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
                node[stored + e - c.faninStart(g)] = c.faninNode(e);
                weight[stored + e - c.faninStart(g)] = c.weight(e) + (e == wire ? delta : 0);
            }
            start[g] = stored;
            end[g] = stored + extra;
        }
        return Circuit.ofRanges(c.inputCount(), start, end, node, weight, stored + extra, threshold, region, c.outputs(),
                c.inputBuses(), c.outputBuses(), c.regions());
    }

    private static int owner(Circuit c, int wire) {
        for (int g = 0; g < c.gateCount(); g++) if (c.faninStart(g) <= wire && wire < c.faninEnd(g)) return g;
        throw new IllegalArgumentException("no gate reads wire " + wire);
    }
}
