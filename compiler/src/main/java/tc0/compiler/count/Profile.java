package tc0.compiler.count;

import java.util.Arrays;

/**
 * Gates per level and wires of some part of a circuit: what width and depth are made of. Levels are absolute
 * (inputs at level 0), so profiles of parts add up level by level. Mutable accumulator.
 */
final class Profile {
    private long[] perLevel = new long[8];
    private long wires;
    private int depth;

    /** Adds {@code count} gates of fan-in {@code fanIn} at {@code level >= 1}. */
    void gates(long count, long fanIn, int level) {
        if (count == 0) return;
        if (level < 1) throw new IllegalArgumentException("gate level " + level);
        if (level >= perLevel.length) perLevel = Arrays.copyOf(perLevel, Math.max(level + 1, perLevel.length * 2));
        perLevel[level] = Math.addExact(perLevel[level], count);
        wires = Math.addExact(wires, Math.multiplyExact(count, fanIn));
        depth = Math.max(depth, level);
    }

    void addWires(long w) { wires = Math.addExact(wires, w); }

    /** Adds {@code times} copies of {@code o}. */
    void add(Profile o, long times) {
        if (times == 0) return;
        if (o.depth >= perLevel.length) perLevel = Arrays.copyOf(perLevel, Math.max(o.depth + 1, perLevel.length * 2));
        for (int l = 1; l <= o.depth; l++) perLevel[l] = Math.addExact(perLevel[l], Math.multiplyExact(o.perLevel[l], times));
        wires = Math.addExact(wires, Math.multiplyExact(o.wires, times));
        if (o.gates() > 0) depth = Math.max(depth, o.depth);
    }

    long gates() {
        long g = 0;
        for (int l = 1; l <= depth; l++) g = Math.addExact(g, perLevel[l]);
        return g;
    }

    long wires() { return wires; }

    int depth() { return depth; }

    /** The most gates on one level. */
    long width() {
        long w = 0;
        for (int l = 1; l <= depth; l++) w = Math.max(w, perLevel[l]);
        return w;
    }

    /** Gates on level {@code l}. */
    long at(int l) { return l < perLevel.length ? perLevel[l] : 0; }

    CountedCost cost() { return new CountedCost(depth, gates(), wires, width()); }
}
