package tc0.circuits.analysis;

import java.util.Arrays;
import tc0.circuits.Circuit;
import tc0.circuits.Regions;

/**
 * Depth and width of every region's subtree, exactly. A gate's level inside a subtree is 0 without fan-in,
 * else 1 + the largest level among its fan-in gates in the same subtree (anything else counts 0). The
 * subtrees rooted at one tree depth are disjoint, so one pass over the wires handles all of them: (tree
 * height + 1) passes in all, O(wires x height) time, and O(gates + regions) memory reused by every pass.
 */
final class RegionDepths {
    final int[] depth;   // per region
    final long[] width;  // per region

    private RegionDepths(int regions) {
        depth = new int[regions];
        width = new long[regions];
    }

    static RegionDepths of(Circuit c) {
        Regions regions = c.regions();
        int n = regions.size();
        int[] treeDepth = new int[n];
        int height = 0;
        for (int r = 1; r < n; r++) height = Math.max(height, treeDepth[r] = treeDepth[regions.parent(r)] + 1);
        RegionDepths out = new RegionDepths(n);
        int[] top = new int[n];                    // per region: its ancestor at the pass's tree depth, or -1
        int[] level = new int[c.gateCount()];      // per gate: its level inside that ancestor's subtree
        int[] histogram = new int[c.gateCount() + n];
        int[] offset = new int[n];
        for (int d = 0; d <= height; d++) {
            for (int r = 0; r < n; r++) {
                top[r] = treeDepth[r] < d ? -1 : treeDepth[r] == d ? r : top[regions.parent(r)];
            }
            levels(c, top, level, out.depth);
            widths(c, top, level, out, treeDepth, d, histogram, offset);
        }
        return out;
    }

    private static void levels(Circuit c, int[] top, int[] level, int[] depth) {
        int first = c.firstGate();
        for (int g = 0; g < c.gateCount(); g++) {
            int t = top[c.region(g)];
            if (t < 0) continue;
            if (c.sharesPreviousFanin(g) && top[c.region(g - 1)] == t) { // a bank's gate: its predecessor's sources, same subtree
                level[g] = level[g - 1];
                continue; // depth[t] has counted that level already
            }
            int lv = 0;
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                int u = c.faninNode(e) - first;
                if (u >= 0 && top[c.region(u)] == t && level[u] > lv) lv = level[u];
            }
            level[g] = c.fanin(g) == 0 ? 0 : lv + 1;
            if (level[g] > depth[t]) depth[t] = level[g];
        }
    }

    /** Gates per (region, level) for the regions at tree depth {@code d}, packed one region after another. */
    private static void widths(Circuit c, int[] top, int[] level, RegionDepths out, int[] treeDepth, int d,
                               int[] histogram, int[] offset) {
        int used = 0;
        for (int r = 0; r < top.length; r++) {
            if (treeDepth[r] != d) continue;
            offset[r] = used;
            used += out.depth[r] + 1;
        }
        Arrays.fill(histogram, 0, used, 0);
        for (int g = 0; g < c.gateCount(); g++) {
            int t = top[c.region(g)];
            if (t >= 0) histogram[offset[t] + level[g]]++;
        }
        for (int r = 0; r < top.length; r++) {
            if (treeDepth[r] != d) continue;
            for (int l = 1; l <= out.depth[r]; l++) out.width[r] = Math.max(out.width[r], histogram[offset[r] + l]);
        }
    }
}
