package tc0.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The builder keeps wires in chunks of {@link WireChunks#SIZE} entries; these circuits cross chunk
 * boundaries (gates split between two chunks, one gate longer than a chunk, dead gates whose chunks are
 * released during the compaction) and must come out exactly as requested.
 */
class CircuitBuilderChunksTest {
    private static final int INPUTS = 64;

    /**
     * Gates already in the builder's normal form (distinct increasing nodes, first weight positive, a weight
     * of 1 so the gcd is 1, a threshold that is not constant): without hashing the builder keeps each as is,
     * so the built circuit must equal the raw arrays, gate for gate, minus the dead ones.
     */
    @Test
    void gatesAcrossChunkBoundariesComeOutAsRequested() {
        Random rnd = new Random(7);
        CircuitBuilder b = new CircuitBuilder(false);
        b.inputBus("x", INPUTS);
        int gates = 0;
        long wires = 0;
        int bigGate = -1;
        RawGates raw = new RawGates(INPUTS);
        // Small gates until there are more nodes than a chunk holds, then one gate longer than a chunk,
        // then gates of up to 60 terms, many of them split between two chunks.
        int big = WireChunks.SIZE + 100;
        while (gates < big + 30_000) {
            int nodes = 1 + INPUTS + gates;
            int fanin = gates < big ? 2 + rnd.nextInt(3) : gates == big ? WireChunks.SIZE + 17 : 2 + rnd.nextInt(60);
            if (fanin > WireChunks.SIZE) bigGate = gates;
            int[] lits = RawGates.distinctIncreasing(rnd, fanin, nodes);
            long[] w = new long[fanin];
            long max = 0, min = 0;
            for (int i = 0; i < fanin; i++) {
                w[i] = i == 0 ? 1 : (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextInt(5));
                if (w[i] > 0) max += w[i]; else min += w[i];
            }
            long t = min + 1 + rnd.nextInt((int) Math.min(max - min, 1000));
            int lit = b.gate(lits, w, t);
            assertEquals(Literal.of(nodes, false), lit, "gate " + gates + " kept as requested");
            raw.add(lits, w, t);
            gates++;
            wires += fanin;
        }
        assertTrue(bigGate >= 0);
        // Outputs: every 3rd gate from the end, so many gates (and whole chunks) are dead.
        int[] outs = new int[gates / 3];
        for (int i = 0; i < outs.length; i++) outs[i] = Literal.of(1 + INPUTS + gates - 1 - 3 * i, false);
        b.outputBus("y", outs);
        Circuit built = b.build();
        Circuit expected = raw.circuit(outs);
        assertEquals(expected.gateCount(), built.gateCount(), "live gates");
        assertEquals(expected.wireCount(), built.wireCount(), "live wires");
        for (int g = 0; g < built.gateCount(); g++) {
            assertEquals(expected.faninStart(g), built.faninStart(g), "start of gate " + g);
            for (int e = expected.faninStart(g); e < expected.faninEnd(g); e++) {
                assertEquals(expected.faninNode(e), built.faninNode(e), "wire " + e + " of gate " + g);
                assertEquals(expected.weight(e), built.weight(e), "weight " + e + " of gate " + g);
            }
            assertEquals(expected.threshold(g), built.threshold(g), "threshold of gate " + g);
        }
        assertTrue(expected.sameAs(built), "built circuit differs from the raw one");
        assertTrue(built.wireCount() > WireChunks.SIZE, "the big gate is alive: " + built.wireCount());
    }
}
