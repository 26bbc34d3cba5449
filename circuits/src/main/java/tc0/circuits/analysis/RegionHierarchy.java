package tc0.circuits.analysis;

import java.util.List;
import tc0.circuits.Circuit;
import tc0.circuits.Regions;

/**
 * The region tree as the viewer and the JSON export show it: each region's figures ({@link RegionBreakdown}),
 * where its gates lie in the whole circuit's levels (first and last level of its subtree's gates, so a region
 * can be drawn at x = level), and how many gates of the critical path it holds. One pass over the gates beyond
 * the breakdown and the levels.
 */
public final class RegionHierarchy {
    private final RegionBreakdown breakdown;
    private final Levels levels;
    private final CriticalPath criticalPath;
    private final int[] firstLevel;    // per region id: smallest circuit level among its subtree's gates (-1 without)
    private final int[] lastLevel;     // per region id: the largest (-1 without gates)
    private final int[] criticalGates; // per region id: gates of the critical path in its subtree

    private RegionHierarchy(RegionBreakdown breakdown, Levels levels, CriticalPath criticalPath,
                            int[] firstLevel, int[] lastLevel, int[] criticalGates) {
        this.breakdown = breakdown;
        this.levels = levels;
        this.criticalPath = criticalPath;
        this.firstLevel = firstLevel;
        this.lastLevel = lastLevel;
        this.criticalGates = criticalGates;
    }

    public static RegionHierarchy of(Circuit c) {
        Levels levels = Levels.of(c);
        CriticalPath path = CriticalPath.of(c, levels);
        Regions regions = c.regions();
        int n = regions.size();
        int[] first = new int[n], last = new int[n], critical = new int[n];
        java.util.Arrays.fill(first, Integer.MAX_VALUE);
        java.util.Arrays.fill(last, -1);
        for (int g = 0; g < c.gateCount(); g++) {
            int r = c.region(g), lv = levels.level(c.firstGate() + g);
            if (lv < first[r]) first[r] = lv;
            if (lv > last[r]) last[r] = lv;
        }
        for (int node : path.nodes()) critical[c.region(node - c.firstGate())]++;
        for (int r = n - 1; r > 0; r--) { // children have larger ids than their parents
            int p = regions.parent(r);
            first[p] = Math.min(first[p], first[r]);
            last[p] = Math.max(last[p], last[r]);
            critical[p] += critical[r];
        }
        for (int r = 0; r < n; r++) if (first[r] == Integer.MAX_VALUE) first[r] = -1;
        return new RegionHierarchy(RegionBreakdown.of(c), levels, path, first, last, critical);
    }

    /** The figures per region, as a tree. */
    public RegionBreakdown breakdown() {
        return breakdown;
    }

    /** The whole circuit's levels. */
    public Levels levels() {
        return levels;
    }

    /** One longest path, gate by gate. */
    public CriticalPath criticalPath() {
        return criticalPath;
    }

    /** The regions with gates, parents before children. */
    public List<RegionStats> preorder() {
        return breakdown.preorder();
    }

    /** Smallest circuit level among the gates of the region's subtree, -1 without gates. */
    public int firstLevel(int region) {
        return firstLevel[region];
    }

    /** Largest circuit level among the gates of the region's subtree, -1 without gates. */
    public int lastLevel(int region) {
        return lastLevel[region];
    }

    /** Gates of the critical path in the region's subtree. */
    public int criticalGates(int region) {
        return criticalGates[region];
    }
}
