package tc0.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The builder keeps recent gates in a small table and older ones in a big one, and looks a request up in
 * the big one only where its newest input is old. Whatever the age of the gate asked for again, and of its
 * inputs, the same request must give the same literal: tens of thousands of gates, so that many flushes
 * from the small table to the big one happen in between.
 */
class CircuitBuilderYoungTableTest {
    record Request(int[] lits, long[] weights, long[] thresholds) {}

    @Test
    void aRequestRepeatedAtAnyAgeGetsItsFirstLiteral() {
        for (boolean reserved : new boolean[] {false, true}) {
            SplittableRandom r = new SplittableRandom(7);
            CircuitBuilder b = new CircuitBuilder();
            if (reserved) b.reserve(200_000);
            int[] x = b.inputBus("x", 64);
            List<Integer> nodes = new ArrayList<>(); // literals available as inputs: the inputs, then gates built
            for (int lit : x) nodes.add(lit);
            List<Request> asked = new ArrayList<>();
            List<int[]> answers = new ArrayList<>();
            int repeats = 0;
            for (int k = 0; k < 150_000; k++) {
                if (k > 1000 && r.nextInt(5) == 0) { // again, a request made at any time before
                    int i = r.nextInt(asked.size());
                    Request q = asked.get(i);
                    assertArrayEquals(answers.get(i), ask(b, q), "request " + i + " asked again at " + k + " (reserved " + reserved + ")");
                    repeats++;
                    continue;
                }
                Request q = fresh(r, nodes);
                int[] out = ask(b, q);
                asked.add(q);
                answers.add(out);
                for (int lit : out) if (Literal.node(lit) > 64) nodes.add(lit);
            }
            assertTrue(repeats > 20_000);
            assertTrue(b.stats().reused() > repeats / 2, "repeats answered by existing gates: " + b.stats());
        }
    }

    /** A gate of 2 to 6 terms, or a bank of thresholds, over recent gates (mostly) or any earlier literal. */
    private static Request fresh(SplittableRandom r, List<Integer> nodes) {
        int terms = r.nextInt(2, 7);
        int[] lits = new int[terms];
        long[] ws = new long[terms];
        boolean recent = r.nextInt(3) != 0;
        for (int i = 0; i < terms; i++) {
            int at = recent ? Math.max(0, nodes.size() - 1 - r.nextInt(2000)) : r.nextInt(nodes.size());
            lits[i] = nodes.get(at) ^ (r.nextInt(4) == 0 ? 1 : 0);
            ws[i] = r.nextInt(-5, 6);
        }
        long[] ts = new long[r.nextInt(4) == 0 ? r.nextInt(2, 9) : 1];
        for (int k = 0; k < ts.length; k++) ts[k] = r.nextInt(-6, 7);
        return new Request(lits, ws, ts);
    }

    private static int[] ask(CircuitBuilder b, Request q) {
        int[] out = new int[q.thresholds().length];
        if (out.length == 1) out[0] = b.gate(q.lits(), q.weights(), q.thresholds()[0]);
        else b.gates(q.lits(), q.weights(), q.lits().length, q.thresholds(), out.length, out);
        return out;
    }

    @Test
    void aGateOverInputsIsFoundAcrossManyFlushes() {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputBus("x", 3);
        int first = b.and(x[0], x[1]);
        int last = first;
        for (int i = 0; i < 100_000; i++) last = b.or(last, x[2 - i % 2]); // a chain: every gate reads the one before
        assertEquals(first, b.and(x[0], x[1]));
        assertEquals(first, b.and(x[1], x[0]));
        assertEquals(2, b.stats().reused());
        b.outputBus("y", last, first);
        assertEquals(100_001, b.build().gateCount());
    }
}
