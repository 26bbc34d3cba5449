package tc0.circuits.analysis;

import java.util.ArrayList;
import java.util.List;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;
import tc0.circuits.Regions;

/**
 * One region of a circuit as a circuit of its own: the gates of the region's subtree, in their order; one
 * one-bit input bus per node outside the subtree that feeds it (named {@code x[3]} for the source's input bit,
 * {@code g<node>} for a gate outside, by the whole circuit's numbering), in node order; one one-bit output bus
 * {@code g<node>} per subtree gate that a gate outside or a circuit output reads, in node order. The region
 * table is kept whole, so gates keep their full paths. The constant node stays node 0.
 */
public final class RegionCut {
    private RegionCut() {}

    /** The cut of {@code region}; the root's cut is the circuit's gates with every output gate as an output. */
    public static Circuit of(Circuit c, int region) {
        Regions regions = c.regions();
        boolean[] inside = new boolean[regions.size()];
        for (int r = 0; r < inside.length; r++) inside[r] = r == region || (r != Regions.ROOT && inside[regions.parent(r)]);
        int first = c.firstGate();
        int[] newNode = new int[c.nodeCount()];    // 0 = not (yet) part of the cut, except the constant
        boolean[] used = new boolean[c.nodeCount()]; // outside nodes feeding the cut
        boolean[] leaves = new boolean[c.nodeCount()]; // cut gates read from outside
        int gates = 0;
        long wires = 0;
        for (int g = 0; g < c.gateCount(); g++) {
            boolean in = inside[c.region(g)];
            if (in) {
                gates++;
                wires += c.fanin(g);
            }
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                int src = c.faninNode(e);
                if (src == 0) continue;
                boolean srcIn = c.isGate(src) && inside[c.region(src - first)];
                if (in && !srcIn) used[src] = true;
                if (!in && srcIn) leaves[src] = true;
            }
        }
        for (int o = 0; o < c.outputCount(); o++) {
            int node = Literal.node(c.output(o));
            if (c.isGate(node) && inside[c.region(node - first)]) leaves[node] = true;
        }
        if (wires > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("region has too many wires to cut: " + wires);
        NodeNames names = new NodeNames(c);
        List<Bus> inputBuses = new ArrayList<>();
        int inputs = 0;
        for (int node = 1; node < c.nodeCount(); node++) {
            if (!used[node]) continue;
            newNode[node] = ++inputs;
            inputBuses.add(new Bus(names.name(node), inputs - 1, 1));
        }
        int[] faninStart = new int[gates + 1];
        int[] faninNode = new int[(int) wires];
        long[] weight = new long[(int) wires];
        long[] threshold = new long[gates];
        int[] regionOf = new int[gates];
        int k = 0;
        int w = 0;
        for (int g = 0; g < c.gateCount(); g++) {
            if (!inside[c.region(g)]) continue;
            newNode[first + g] = inputs + 1 + k;
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                faninNode[w] = newNode[c.faninNode(e)];
                weight[w++] = c.weight(e);
            }
            threshold[k] = c.threshold(g);
            regionOf[k++] = c.region(g);
            faninStart[k] = w;
        }
        List<Bus> outputBuses = new ArrayList<>();
        IntList outputs = new IntList();
        for (int node = first; node < c.nodeCount(); node++) {
            if (!leaves[node]) continue;
            outputBuses.add(new Bus(names.name(node), outputs.size(), 1));
            outputs.add(Literal.of(newNode[node], false));
        }
        return Circuit.of(inputs, faninStart, faninNode, weight, threshold, regionOf, outputs.toArray(),
                inputBuses, outputBuses, regions);
    }

    /** Growable int array, for the output literals. */
    private static final class IntList {
        private int[] a = new int[16];
        private int n;

        void add(int v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, 2 * n);
            a[n++] = v;
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    /** The name of an input bit ({@code x[3]}) or gate ({@code g<node>}) of the whole circuit. */
    private static final class NodeNames {
        private final String[] inputName;

        NodeNames(Circuit c) {
            inputName = new String[c.inputCount() + 1];
            for (Bus b : c.inputBuses()) for (int k = 0; k < b.width(); k++) inputName[1 + b.offset() + k] = b.name() + "[" + k + "]";
        }

        String name(int node) {
            return node < inputName.length ? inputName[node] : "g" + node;
        }
    }
}
