package tc0.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Weights held in four bytes where they fit an int, the others aside: every weight reads back as given. */
class WireWeightsTest {
    /** Values at the edges of the narrow form; Integer.MIN_VALUE is the marker, so it must go aside. */
    static final long[] EDGES = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1L,
        Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, Long.MAX_VALUE, Long.MIN_VALUE + 1, 1L << 40, -(1L << 40)};

    static long weight(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> EDGES[r.nextInt(EDGES.length)];
            case 1 -> r.nextLong();
            default -> r.nextInt(-1000, 1000);
        };
    }

    @Test
    void everyWeightOfALongArrayReadsBack() {
        SplittableRandom r = new SplittableRandom(1);
        for (int trial = 0; trial < 50; trial++) {
            long[] w = new long[r.nextInt(0, 300)];
            for (int e = 0; e < w.length; e++) w[e] = weight(r);
            WireWeights ww = WireStore.of(new int[w.length], w, w.length).weights();
            int wide = 0;
            for (int e = 0; e < w.length; e++) {
                assertEquals(w[e], ww.get(e), "wire " + e);
                if (w[e] != (int) w[e] || w[e] == Integer.MIN_VALUE) wide++;
            }
            assertEquals(wide, ww.wideCount());
        }
    }

    @Test
    void theMarkerValueItselfIsKeptAside() {
        WireWeights ww = WireStore.of(new int[2], new long[] {Integer.MIN_VALUE, 5}, 2).weights();
        assertEquals(Integer.MIN_VALUE, ww.get(0));
        assertEquals(5, ww.get(1));
        assertEquals(1, ww.wideCount());
    }

    @Test
    void wideWeightsMustComeInWireOrder() {
        WideWeights w = new WideWeights();
        w.add(3, 1L << 40);
        assertThrows(IllegalStateException.class, () -> w.add(3, 1L << 41));
    }

    @Test
    void compactionInPlaceKeepsTheMovedWiresOnly() {
        // Wires 0..99, wide where e % 7 == 0; the kept wires are those with e % 3 != 0, moved down in order.
        SplittableRandom r = new SplittableRandom(2);
        long[] w = new long[100];
        for (int e = 0; e < w.length; e++) w[e] = e % 7 == 0 ? (1L << 40) + r.nextInt(1000) : e;
        WideWeights wide = new WideWeights();
        int[] narrow = new int[w.length];
        for (int e = 0; e < w.length; e++) narrow[e] = WireWeights.narrowOrMark(w[e], e, wide);
        wide.startCompaction();
        List<Long> expected = new ArrayList<>();
        int to = 0;
        for (int e = 0; e < w.length; e++) {
            if (e % 3 == 0) continue;
            if ((narrow[to] = narrow[e]) == WireWeights.WIDE) wide.move(e, to);
            expected.add(w[e]);
            to++;
        }
        wide.endCompaction();
        WireWeights kept = new WireWeights(new int[][] {narrow}, wide);
        for (int e = 0; e < expected.size(); e++) assertEquals(expected.get(e), kept.get(e), "kept wire " + e);
    }

    /**
     * Gates over inputs only with weights already in normal form (ascending nodes, gcd 1, first weight
     * positive), so the circuit must hold exactly these weights; every third gate is dead (compacted in
     * place), with and without a reservation.
     */
    @Test
    void builtCircuitsHoldWideWeightsExactly() {
        for (boolean reserved : new boolean[] {false, true}) {
            SplittableRandom r = new SplittableRandom(3);
            CircuitBuilder b = new CircuitBuilder();
            int gates = 3000;
            if (reserved) b.reserve(gates);
            int[] x = b.inputBus("x", 40);
            List<long[]> kept = new ArrayList<>();
            List<Integer> outs = new ArrayList<>();
            for (int g = 0; g < gates; g++) {
                int terms = r.nextInt(2, 20);
                int[] lits = new int[terms];
                long[] ws = new long[terms];
                int[] at = r.ints(0, 40).distinct().limit(terms).sorted().toArray();
                for (int i = 0; i < terms; i++) {
                    lits[i] = x[at[i]];
                    long big = (1L << 33) + r.nextInt(1 << 20);
                    ws[i] = i == 0 ? 1 : r.nextBoolean() ? (r.nextBoolean() ? big : -big) : r.nextInt(-9, 10) | 1;
                }
                int lit = b.gate(lits, ws, 1); // threshold 1: neither constant (ws[0] = 1 > 0) nor a single literal
                if (g % 3 != 0) {
                    outs.add(lit);
                    kept.add(ws);
                }
            }
            b.outputBus("y", outs.stream().mapToInt(Integer::intValue).toArray());
            Circuit c = b.build();
            // Only the outputs' gates are left (two equal random gates would share one).
            assertEquals(outs.stream().map(Literal::node).distinct().count(), c.gateCount(), "dead gates dropped (reserved " + reserved + ")");
            for (int o = 0; o < kept.size(); o++) {
                int g = Literal.node(c.output(o)) - c.firstGate();
                long[] ws = kept.get(o);
                assertEquals(ws.length, c.fanin(g));
                for (int i = 0; i < ws.length; i++) assertEquals(ws[i], c.weight(c.faninStart(g) + i), "gate " + g + " term " + i);
            }
        }
    }

    @Test
    void hashingTellsGatesApartByTheirWideWeights() {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputBus("x", 2);
        long wide = (1L << 40) + 1;
        int a = b.gate(new int[] {x[0], x[1]}, new long[] {1, wide}, 2);
        int same = b.gate(new int[] {x[0], x[1]}, new long[] {1, wide}, 2);
        int other = b.gate(new int[] {x[0], x[1]}, new long[] {1, wide + 2}, 2);
        assertEquals(a, same);
        assertNotEquals(a, other);
        assertEquals(1, b.stats().reused());
        b.outputBus("y", a, other);
        Circuit c = b.build();
        assertEquals(wide, c.weight(c.faninStart(0) + 1));
        assertEquals(wide + 2, c.weight(c.faninStart(1) + 1));
    }
}
