package tc0.circuits.analysis;

import java.util.Arrays;
import tc0.circuits.Circuit;
import tc0.circuits.Regions;

/**
 * The region tree as the circuit uses it: a region is shown if it or a descendant holds a gate, and children
 * come in the order their first gate appears (so the order follows the circuit, not region ids). The root is
 * always there. Linear in gates plus regions (plus sorting each region's children).
 */
public final class RegionTree {
    private final int[] firstGate;   // per region: smallest gate index in its subtree, or -1
    private final int[][] children;

    private RegionTree(int[] firstGate, int[][] children) {
        this.firstGate = firstGate;
        this.children = children;
    }

    public static RegionTree of(Circuit c) {
        Regions regions = c.regions();
        int n = regions.size();
        int[] first = new int[n];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int g = c.gateCount() - 1; g >= 0; g--) first[c.region(g)] = g;
        for (int r = n - 1; r > 0; r--) { // parents have smaller ids than their children
            int p = regions.parent(r);
            first[p] = Math.min(first[p], first[r]);
        }
        int[] count = new int[n];
        for (int r = 1; r < n; r++) if (first[r] != Integer.MAX_VALUE) count[regions.parent(r)]++;
        int[][] children = new int[n][];
        for (int r = 0; r < n; r++) children[r] = new int[count[r]];
        Arrays.fill(count, 0);
        for (int r = 1; r < n; r++) {
            if (first[r] != Integer.MAX_VALUE) children[regions.parent(r)][count[regions.parent(r)]++] = r;
        }
        for (int[] list : children) sortByFirstGate(list, first);
        for (int r = 0; r < n; r++) if (first[r] == Integer.MAX_VALUE) first[r] = -1;
        return new RegionTree(first, children);
    }

    private static void sortByFirstGate(int[] list, int[] first) {
        long[] keys = new long[list.length];
        for (int i = 0; i < list.length; i++) keys[i] = ((long) first[list[i]] << 32) | list[i];
        Arrays.sort(keys);
        for (int i = 0; i < list.length; i++) list[i] = (int) keys[i];
    }

    /** The shown children of {@code region}, in first-gate order (a copy). */
    public int[] children(int region) {
        return children[region].clone();
    }

    /** Smallest gate index in the subtree of {@code region}, or -1 if the subtree has no gate. */
    public int firstGate(int region) {
        return firstGate[region];
    }

    /** True if the subtree of {@code region} holds a gate. */
    public boolean shown(int region) {
        return firstGate[region] >= 0;
    }
}
