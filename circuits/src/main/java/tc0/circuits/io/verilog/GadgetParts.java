package tc0.circuits.io.verilog;

import tc0.circuits.Circuit;
import tc0.circuits.Regions;

/**
 * The circuit with each region's gadget instances as regions of their own, so that {@link RegionModules} can
 * write a repeated gadget once. The compiler tags gates by tensor operation ({@code l[0]/gcn_layer/mul}), and
 * one operation is many independent gadget calls (gcn n = 4's {@code mul}: 32 multiplications, 20,992 gates):
 * within a region, the own gates that are connected through each other (union-find over wires between own
 * gates, either direction) form one call. Where a region has two or more such parts of at least
 * {@link #MIN_GATES} gates, each becomes a child region {@code part[k]} (in first-gate order); smaller parts stay
 * the region's own gates. Calls that share a gate (the builder's structural hashing) fall into one part, which
 * is still correct, only shared less. Gates, wires, order and outputs are unchanged; only region tags move.
 */
final class GadgetParts {
    /** A part smaller than this stays in its region: a module costs a tool more than a few gates. */
    static final int MIN_GATES = 4;

    private GadgetParts() {}

    static Circuit split(Circuit c) {
        if (c.wireCount() > Integer.MAX_VALUE - 8) return c; // too large for one copy of the wires; export as it is
        int gates = c.gateCount(), first = c.firstGate();
        int[] root = new int[gates];
        for (int g = 0; g < gates; g++) root[g] = g;
        for (int g = 0; g < gates; g++) {
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                int src = c.faninNode(e) - first;
                if (src >= 0 && c.region(src) == c.region(g)) union(root, src, g);
            }
        }
        int[] size = new int[gates];
        for (int g = 0; g < gates; g++) size[find(root, g)]++;
        Regions regions = c.regions();
        int[] bigParts = new int[regions.size()];
        for (int g = 0; g < gates; g++) if (root[g] == g && size[g] >= MIN_GATES) bigParts[c.region(g)]++;
        Regions.Builder b = new Regions.Builder();
        for (int r = 1; r < regions.size(); r++) b.child(regions.parent(r), regions.name(r)); // same ids
        int[] partRegion = new int[gates]; // per part root: its region
        int[] parts = new int[regions.size()];
        int[] region = new int[gates];
        boolean moved = false;
        for (int g = 0; g < gates; g++) { // a part's root is its smallest gate: parts number in first-gate order
            int r = c.region(g), p = find(root, g);
            if (bigParts[r] < 2 || size[p] < MIN_GATES) {
                region[g] = r;
                continue;
            }
            if (p == g) partRegion[p] = b.child(r, "part[" + parts[r]++ + "]");
            region[g] = partRegion[p];
            moved = true;
        }
        return moved ? retagged(c, region, b.build()) : c;
    }

    /** Union by the smaller index: a set's root stays its first gate. */
    private static void union(int[] root, int a, int b) {
        int x = find(root, a), y = find(root, b);
        if (x < y) root[y] = x;
        else if (y < x) root[x] = y;
    }

    private static int find(int[] root, int a) {
        while (root[a] != a) {
            root[a] = root[root[a]];
            a = root[a];
        }
        return a;
    }

    private static Circuit retagged(Circuit c, int[] region, Regions regions) {
        int gates = c.gateCount();
        int wires = (int) c.wireCount();
        int[] faninStart = new int[gates + 1];
        int[] faninNode = new int[wires];
        long[] weight = new long[wires];
        long[] threshold = new long[gates];
        int w = 0;
        for (int g = 0; g < gates; g++) {
            faninStart[g] = w;
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                faninNode[w] = c.faninNode(e);
                weight[w++] = c.weight(e);
            }
            threshold[g] = c.threshold(g);
        }
        faninStart[gates] = w;
        return Circuit.of(c.inputCount(), faninStart, faninNode, weight, threshold, region, c.outputs(),
                c.inputBuses(), c.outputBuses(), regions);
    }
}
