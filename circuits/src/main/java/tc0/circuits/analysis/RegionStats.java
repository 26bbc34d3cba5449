package tc0.circuits.analysis;

import java.util.List;

/**
 * The figures of one region, counted over its own gates and all its descendants' (its subtree). Each figure is
 * what {@link CircuitStats} would report for the subcircuit of those gates, where every wire from outside the
 * subtree counts as an input.
 *
 * @param region        the region id
 * @param path          the region's path ("" for the root)
 * @param name          the region's own name ("" for the root)
 * @param gates         threshold gates in the subtree
 * @param wires         fan-in wires of those gates (wires from outside included)
 * @param depth         longest path counted only in gates of the subtree
 * @param width         most gates of the subtree on one level, levels counted as for depth
 * @param maxFanin      largest fan-in among those gates
 * @param maxWeightBits bits of the largest |weight| on their wires (64 for Long.MIN_VALUE)
 * @param majoritySize  sum of |weight| over their wires, saturating at Long.MAX_VALUE
 * @param children      child regions with gates, in the order their first gate appears
 */
public record RegionStats(int region, String path, String name, long gates, long wires, int depth, long width,
                          int maxFanin, int maxWeightBits, long majoritySize, List<RegionStats> children) {
    public RegionStats {
        children = List.copyOf(children);
    }
}
