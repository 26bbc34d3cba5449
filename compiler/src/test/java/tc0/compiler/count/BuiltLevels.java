package tc0.compiler.count;

import java.util.Arrays;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;

/**
 * A built circuit's figures as counting reports them, worked out from the circuit itself: each node's level (the
 * inputs at given levels, a gate one above its deepest fan-in), the gates per level and the wires. What the
 * LiveNet tests compare a count with.
 */
record BuiltLevels(int[] level, long[] perLevel, long wires) {
    static BuiltLevels of(Circuit c, int[] inputs, int[] inputLevels) {
        int[] level = new int[c.nodeCount()];
        for (int k = 0; k < inputLevels.length; k++) level[Literal.node(inputs[k])] = inputLevels[k];
        long[] perLevel = new long[1];
        long wires = 0;
        for (int g = 0; g < c.gateCount(); g++) {
            int lv = 0;
            for (int e = c.faninStart(g); e < c.faninEnd(g); e++) lv = Math.max(lv, level[c.faninNode(e)]);
            level[c.firstGate() + g] = lv + 1;
            if (lv + 1 >= perLevel.length) perLevel = Arrays.copyOf(perLevel, lv + 2);
            perLevel[lv + 1]++;
            wires += c.faninEnd(g) - c.faninStart(g);
        }
        return new BuiltLevels(level, perLevel, wires);
    }

    /** The level of a circuit output, -1 for a constant. */
    int levelOf(int literal) {
        return Literal.isConstant(literal) ? -1 : level[Literal.node(literal)];
    }
}
