package tc0.circuits.analysis;

import tc0.circuits.Circuit;

/**
 * The headline figures of a circuit.
 *
 * @param inputs        primary inputs
 * @param outputs       outputs
 * @param gates         threshold gates (size)
 * @param wires         fan-in edges
 * @param depth         longest input-to-output path, in threshold gates
 * @param width         most gates on one level
 * @param maxFanin      largest fan-in of a gate
 * @param maxWeightBits bits of the largest |weight| (0 when there are no wires, 64 for Long.MIN_VALUE)
 * @param majoritySize  wires in the majority-gate model, where a weight w counts as |w| wires: the sum of
 *                      |w| over all wires, saturating at Long.MAX_VALUE. TC0 needs it polynomial.
 * @param levelProfile  gates per level, index = level (index 0: constant gates)
 */
public record CircuitStats(int inputs, int outputs, long gates, long wires, int depth, long width, int maxFanin,
                           int maxWeightBits, long majoritySize, long[] levelProfile) {

    public static CircuitStats of(Circuit c) {
        Levels levels = Levels.of(c);
        long[] profile = levels.profile(c);
        long width = 0;
        for (int l = 1; l < profile.length; l++) width = Math.max(width, profile[l]);
        int maxFanin = 0;
        long maxAbsWeight = 0;
        long majority = 0;
        long gateSum = 0; // the last gate's sum of |weights|: a gate sharing its wires has the same
        for (int g = 0; g < c.gateCount(); g++) {
            maxFanin = Math.max(maxFanin, c.fanin(g));
            if (!c.sharesPreviousFanin(g)) {
                gateSum = 0;
                for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                    long a = Magnitudes.abs(c.weight(e));
                    maxAbsWeight = Magnitudes.max(maxAbsWeight, a);
                    gateSum = Magnitudes.saturatingAdd(gateSum, a);
                }
            }
            majority = Magnitudes.saturatingAdd(majority, gateSum);
        }
        int bits = Magnitudes.bits(maxAbsWeight);
        return new CircuitStats(c.inputCount(), c.outputCount(), c.gateCount(), c.wireCount(), levels.depth(),
                width, maxFanin, bits, majority, profile);
    }
}
