package tc0.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.circuits.testkit.DirectEval;

/**
 * A gate with the terms of the gate added just before it (a bank of comparators on one sum) shares that
 * gate's stored wires. The circuit must still be exactly the gates requested, each with its own fan-in,
 * whichever gates of a shared run are dead, across chunk boundaries, with and without a reservation.
 */
class CircuitBuilderSharedTermsTest {
    private static final int INPUTS = 48;

    @Test
    void aBankStoresItsTermsOnce() {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputBus("x", 4);
        int[] ge = new int[15];
        b.gates(x, new long[] {1, 2, 4, 8}, 4, new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, 15, ge);
        b.outputBus("ge", ge);
        Circuit c = b.build();
        assertEquals(15, c.gateCount());
        assertEquals(60, c.wireCount(), "every gate counts its four wires");
        for (int g = 1; g < 15; g++) assertTrue(c.sharesPreviousFanin(g), "gate " + g);
        assertFalse(c.sharesPreviousFanin(0));
        for (int v = 0; v < 16; v++) { // exhaustive: output k is [x >= k + 1]
            boolean[] out = DirectEval.outputs(c, bits(v, 4));
            for (int k = 0; k < 15; k++) assertEquals(v >= k + 1, out[k], "x = " + v + ", k = " + k);
        }
    }

    @Test
    void gatesAskedOneByOneShareOnlyWhenTheirTermsAreEqual() {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputBus("x", 3);
        int ab2 = b.gate(new int[] {x[0], x[1]}, new long[] {1, 1}, 2);
        int ab1 = b.gate(new int[] {x[0], x[1]}, new long[] {1, 1}, 1); // same terms: shared
        int ab1w = b.gate(new int[] {x[0], x[1]}, new long[] {1, 2}, 2); // other weights: stored
        int bc = b.gate(new int[] {x[1], x[2]}, new long[] {1, 2}, 2); // other nodes: stored
        b.outputBus("y", ab2, ab1, ab1w, bc);
        Circuit c = b.build();
        assertEquals(4, c.gateCount());
        assertArrayEquals(new boolean[] {false, true, false, false}, new boolean[] {c.sharesPreviousFanin(0),
                c.sharesPreviousFanin(1), c.sharesPreviousFanin(2), c.sharesPreviousFanin(3)});
        assertEquals(8, c.wireCount());
    }

    @Test
    void aBankAfterALookupThatFoundAGateSharesOnlyItsOwnTerms() {
        // With hashing, some thresholds of a bank are answered by gates built before: the first gate the
        // bank adds must not take the range of whatever gate was added last (here one with other terms).
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputBus("x", 4);
        long[] w = {1, 2, 4, 8};
        int[] first = new int[2];
        b.gates(x, w, 4, new long[] {3, 9}, 2, first);
        int other = b.gate(new int[] {x[0], x[3]}, new long[] {1, 1}, 2);
        int[] all = new int[15];
        b.gates(x, w, 4, new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, 15, all);
        assertEquals(first[0], all[2]);
        assertEquals(first[1], all[8]);
        int[] outs = new int[16];
        System.arraycopy(all, 0, outs, 0, 15);
        outs[15] = other;
        b.outputBus("y", outs);
        Circuit c = b.build();
        assertEquals(16, c.gateCount());
        assertEquals(62, c.wireCount());
        for (int v = 0; v < 16; v++) {
            boolean[] out = DirectEval.outputs(c, bits(v, 4));
            for (int k = 0; k < 15; k++) assertEquals(v >= k + 1, out[k], "x = " + v + ", k = " + k);
            assertEquals((v & 1) + (v >> 3 & 1) >= 2, out[15], "x = " + v);
        }
    }

    /**
     * Without hashing every request is kept as asked: single gates, banks, and runs of one-by-one gates on
     * the same terms, across chunk boundaries, with about two thirds dead, so runs lose their first,
     * middle or last gates. The built circuit must equal the raw gates gate for gate, and store fewer wires.
     */
    @ParameterizedTest(name = "reserved {0}")
    @ValueSource(booleans = {false, true})
    void sharedRunsCompactLikeTheRawGates(boolean reserved) {
        Random rnd = new Random(reserved ? 5 : 3);
        CircuitBuilder b = new CircuitBuilder(false);
        if (reserved) b.reserve(60_000);
        b.inputBus("x", INPUTS);
        RawGates raw = new RawGates(INPUTS);
        int runs = 0;
        while (raw.size() < 40_000) {
            int nodes = 1 + INPUTS + raw.size();
            int fanin = 2 + rnd.nextInt(rnd.nextInt(10) == 0 ? 200 : 12);
            int[] lits = RawGates.distinctIncreasing(rnd, Math.min(fanin, nodes - 1), nodes);
            long[] w = new long[lits.length];
            long max = 0, min = 0;
            for (int i = 0; i < w.length; i++) {
                w[i] = i == 0 ? 1 : (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextInt(5));
                if (w[i] > 0) max += w[i]; else min += w[i];
            }
            int k = rnd.nextInt(3) == 0 ? 1 : 2 + rnd.nextInt(8);
            long[] t = new long[k];
            for (int j = 0; j < k; j++) t[j] = min + 1 + rnd.nextInt((int) Math.min(max - min, 1000)); // never constant
            int[] out = new int[k];
            if (rnd.nextBoolean()) b.gates(lits, w, lits.length, t, k, out);
            else for (int j = 0; j < k; j++) out[j] = b.gate(lits, w, t[j]);
            for (int j = 0; j < k; j++) {
                assertEquals(Literal.of(nodes + j, false), out[j], "kept as requested");
                raw.add(lits, w, t[j]);
            }
            if (k > 1) runs++;
        }
        List<Integer> outs = new ArrayList<>();
        for (int g = 0; g < raw.size(); g++) if (rnd.nextInt(3) == 0) outs.add(Literal.of(1 + INPUTS + g, false));
        int[] o = outs.stream().mapToInt(Integer::intValue).toArray();
        b.outputBus("y", o);
        Circuit built = b.build();
        Circuit expected = raw.circuit(o);
        assertTrue(runs > 1000);
        assertEquals(expected.gateCount(), built.gateCount(), "live gates");
        assertEquals(expected.wireCount(), built.wireCount(), "live wires");
        assertTrue(expected.sameAs(built) && built.sameAs(expected), "built circuit differs from the raw one");
        long stored = 0;
        int shared = 0;
        for (int g = 0; g < built.gateCount(); g++) {
            if (built.sharesPreviousFanin(g)) shared++;
            else stored += built.fanin(g);
        }
        assertTrue(shared > 1000, "gates sharing: " + shared);
        assertTrue(stored < built.wireCount() * 3 / 4, stored + " stored of " + built.wireCount());
        for (int s = 0; s < 20; s++) { // and they compute the same
            boolean[] in = new boolean[INPUTS];
            for (int i = 0; i < INPUTS; i++) in[i] = rnd.nextBoolean();
            assertArrayEquals(DirectEval.outputs(expected, in), DirectEval.outputs(built, in), "sample " + s);
        }
    }

    private static boolean[] bits(int v, int width) {
        boolean[] b = new boolean[width];
        for (int i = 0; i < width; i++) b[i] = (v >> i & 1) != 0;
        return b;
    }
}
