package tc0.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The builder keeps wires in chunks of {@link CircuitBuilder#CHUNK} entries; these circuits cross chunk
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
        Raw raw = new Raw();
        // Small gates until there are more nodes than a chunk holds, then one gate longer than a chunk,
        // then gates of up to 60 terms, many of them split between two chunks.
        int big = CircuitBuilder.CHUNK + 100;
        while (gates < big + 30_000) {
            int nodes = 1 + INPUTS + gates;
            int fanin = gates < big ? 2 + rnd.nextInt(3) : gates == big ? CircuitBuilder.CHUNK + 17 : 2 + rnd.nextInt(60);
            if (fanin > CircuitBuilder.CHUNK) bigGate = gates;
            int[] lits = distinctIncreasing(rnd, fanin, nodes);
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
        assertTrue(built.wireCount() > CircuitBuilder.CHUNK, "the big gate is alive: " + built.wireCount());
    }

    private static int[] distinctIncreasing(Random rnd, int k, int nodes) {
        // k distinct node ids in [1, nodes), increasing: a random start and random gaps that fit.
        int[] lits = new int[k];
        int span = nodes - 1;
        int node = 1 + rnd.nextInt(Math.max(1, span - k + 1));
        for (int i = 0; i < k; i++) {
            lits[i] = Literal.of(node, false);
            int room = (nodes - 1) - node - (k - 1 - i);
            node += 1 + (room > 0 ? rnd.nextInt(Math.min(room, 3) + 1) : 0);
        }
        return lits;
    }

    /**
     * The same gates as raw CSR arrays, dead ones removed as build() does (keeping the order), made into a
     * circuit by {@link Circuit#of}.
     */
    private static final class Raw {
        private final IntList starts = new IntList();
        private final IntList nodes = new IntList();
        private final java.util.ArrayList<long[]> weights = new java.util.ArrayList<>();
        private final java.util.ArrayList<Long> thresholds = new java.util.ArrayList<>();

        Raw() { starts.add(0); }

        void add(int[] lits, long[] w, long t) {
            for (int lit : lits) nodes.add(Literal.node(lit));
            weights.add(w.clone());
            thresholds.add(t);
            starts.add(nodes.size());
        }

        Circuit circuit(int[] outs) {
            int gates = thresholds.size(), first = 1 + INPUTS;
            boolean[] live = new boolean[gates];
            for (int o : outs) live[Literal.node(o) - first] = true;
            for (int g = gates - 1; g >= 0; g--) {
                if (!live[g]) continue;
                for (int e = starts.get(g); e < starts.get(g + 1); e++) if (nodes.get(e) >= first) live[nodes.get(e) - first] = true;
            }
            int[] index = new int[gates];
            int kept = 0;
            IntList fs = new IntList(), fn = new IntList();
            java.util.ArrayList<Long> ws = new java.util.ArrayList<>(), ts = new java.util.ArrayList<>();
            for (int g = 0; g < gates; g++) {
                if (!live[g]) continue;
                fs.add(fn.size());
                long[] w = weights.get(g);
                for (int e = starts.get(g), i = 0; e < starts.get(g + 1); e++, i++) {
                    int n = nodes.get(e);
                    fn.add(n >= first ? first + index[n - first] : n);
                    ws.add(w[i]);
                }
                ts.add(thresholds.get(g));
                index[g] = kept++;
            }
            fs.add(fn.size());
            int[] o = new int[outs.length];
            for (int i = 0; i < o.length; i++) o[i] = Literal.of(first + index[Literal.node(outs[i]) - first], false);
            long[] wArr = ws.stream().mapToLong(Long::longValue).toArray();
            long[] tArr = ts.stream().mapToLong(Long::longValue).toArray();
            return Circuit.of(INPUTS, fs.toArray(), fn.toArray(), wArr, tArr, new int[kept], o,
                    List.of(new Bus("x", 0, INPUTS)), List.of(new Bus("y", 0, o.length)), Regions.rootOnly());
        }
    }
}
