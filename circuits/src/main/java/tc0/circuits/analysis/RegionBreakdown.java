package tc0.circuits.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tc0.circuits.Circuit;
import tc0.circuits.Regions;

/**
 * Depth, size, width and weights per region of the source model, as a tree: each region counts its own
 * gates and all its descendants' (see {@link RegionStats} for the figures). Regions without any gate in
 * their subtree are left out; the root is always there, and its figures equal {@link CircuitStats}'s.
 *
 * @param root the root region's figures, with the tree below it
 */
public record RegionBreakdown(RegionStats root) {

    public static RegionBreakdown of(Circuit c) {
        Regions regions = c.regions();
        int n = regions.size();
        long[] gates = new long[n], wires = new long[n], majority = new long[n], maxWeight = new long[n];
        int[] maxFanin = new int[n];
        long gateMax = 0, gateSum = 0; // the last gate's largest |weight| and sum: a gate sharing its wires has the same
        for (int g = 0; g < c.gateCount(); g++) {
            int r = c.region(g);
            gates[r]++;
            wires[r] += c.fanin(g);
            maxFanin[r] = Math.max(maxFanin[r], c.fanin(g));
            if (!c.sharesPreviousFanin(g)) {
                gateMax = 0;
                gateSum = 0;
                for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                    long m = Magnitudes.abs(c.weight(e));
                    gateMax = Magnitudes.max(gateMax, m);
                    gateSum = Magnitudes.saturatingAdd(gateSum, m);
                }
            }
            maxWeight[r] = Magnitudes.max(maxWeight[r], gateMax);
            majority[r] = Magnitudes.saturatingAdd(majority[r], gateSum);
        }
        for (int r = n - 1; r > 0; r--) { // children have larger ids than their parents
            int p = regions.parent(r);
            gates[p] += gates[r];
            wires[p] += wires[r];
            maxFanin[p] = Math.max(maxFanin[p], maxFanin[r]);
            maxWeight[p] = Magnitudes.max(maxWeight[p], maxWeight[r]);
            majority[p] = Magnitudes.saturatingAdd(majority[p], majority[r]);
        }
        RegionDepths dw = RegionDepths.of(c);
        RegionTree tree = RegionTree.of(c);
        return new RegionBreakdown(new Assembler(c, tree, dw, gates, wires, majority, maxWeight, maxFanin).stats(Regions.ROOT));
    }

    /** Every region of the tree, parents before children, children in order. */
    public List<RegionStats> preorder() {
        List<RegionStats> out = new ArrayList<>();
        addPreorder(root, out);
        return out;
    }

    private static void addPreorder(RegionStats s, List<RegionStats> out) {
        out.add(s);
        for (RegionStats child : s.children()) addPreorder(child, out);
    }

    /** The region with this path ("" is the root), if it has gates. */
    public Optional<RegionStats> find(String path) {
        return preorder().stream().filter(s -> s.path().equals(path)).findFirst();
    }

    /** The tree as an indented, column-aligned text table (for {@code tc0 stats --by-region}). */
    public String table() {
        return RegionTable.render(this);
    }

    private record Assembler(Circuit c, RegionTree tree, RegionDepths dw, long[] gates, long[] wires,
                             long[] majority, long[] maxWeight, int[] maxFanin) {
        RegionStats stats(int r) {
            List<RegionStats> children = new ArrayList<>();
            for (int child : tree.children(r)) children.add(stats(child));
            int bits = Magnitudes.bits(maxWeight[r]);
            return new RegionStats(r, c.regions().path(r), c.regions().name(r), gates[r], wires[r], dw.depth[r],
                    dw.width[r], maxFanin[r], bits, majority[r], children);
        }
    }
}
