package tc0.circuits.analysis;

import tc0.circuits.Circuit;

/**
 * The level of every node: 0 for the constant and the inputs, 1 + the largest level among its fan-in for a
 * gate. Depth is counted in threshold gates; inversions are free (they are weights). One pass over the
 * stored wires, gates being in topological order (a gate sharing its predecessor's stored wires has its
 * level).
 */
public final class Levels {
    private final int[] level;
    private final int depth;

    private Levels(int[] level, int depth) {
        this.level = level;
        this.depth = depth;
    }

    public static Levels of(Circuit c) {
        int[] level = new int[c.nodeCount()];
        int first = c.firstGate();
        int depth = 0;
        for (int g = 0; g < c.gateCount(); g++) {
            if (c.sharesPreviousFanin(g)) { // a bank's gate: the same sources, so the same level
                level[first + g] = level[first + g - 1];
                continue;
            }
            int lv = 0;
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                int l = level[c.faninNode(e)];
                if (l > lv) lv = l;
            }
            // A gate without fan-in is a constant: level 0, like the constant node.
            lv = c.fanin(g) == 0 ? 0 : lv + 1;
            level[first + g] = lv;
            if (lv > depth) depth = lv;
        }
        return new Levels(level, depth);
    }

    /** Level of a node. */
    public int level(int node) {
        return level[node];
    }

    /** Largest level of any gate: the circuit's depth. */
    public int depth() {
        return depth;
    }

    /** Gates on each level 1..depth (index 0 counts constant gates, usually none). */
    public long[] profile(Circuit c) {
        long[] perLevel = new long[depth + 1];
        for (int g = 0; g < c.gateCount(); g++) perLevel[level[c.firstGate() + g]]++;
        return perLevel;
    }
}
