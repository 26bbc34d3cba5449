package tc0.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.testkit.DirectEval;

/**
 * Structural hashing must decide a match by comparing gates, never by their hash alone: with every hash
 * forced equal (or to one bit), different gates stay different gates and equal ones are still shared.
 * Each answer is checked against its truth table computed here from the definition
 * {@code [sum w_i x_i >= t]} over all 64 assignments of 6 inputs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CircuitBuilderHashCollisionTest {
    static final int INPUTS = 6;

    record Built(int[] answers, Circuit circuit, CircuitBuilder.Stats stats) {}

    @Test
    void gatesWhoseHashesCollideStayApartAndEvaluateByTheirDefinition() {
        Built plain = build(-1), allCollide = build(0), oneBit = build(1);
        for (Built b : List.of(allCollide, oneBit)) {
            assertArrayEquals(plain.answers(), b.answers(), "the same literal for every request");
            assertEquals(plain.circuit().gateCount(), b.circuit().gateCount(), "as many gates as with the real hash");
            assertEquals(plain.stats(), b.stats());
        }
        assertTrue(plain.stats().reused() > 300, "requests answered by an earlier gate: " + plain.stats());
        assertTrue(plain.circuit().gateCount() > 500, plain.circuit().gateCount() + " gates");
    }

    /** Random gates and banks over the inputs and earlier answers, a third of them repeats, all outputs. */
    static Built build(int hashMask) {
        SplittableRandom r = new SplittableRandom(11);
        CircuitBuilder b = new CircuitBuilder(true, hashMask);
        int[] x = b.inputBus("x", INPUTS);
        Map<Integer, Long> table = new HashMap<>(); // node -> truth table over the 64 assignments
        for (int i = 0; i < INPUTS; i++) {
            long t = 0;
            for (int p = 0; p < 64; p++) if (((p >>> i) & 1) != 0) t |= 1L << p;
            table.put(Literal.node(x[i]), t);
        }
        table.put(Literal.node(Literal.FALSE), 0L);
        List<Integer> lits = new ArrayList<>(List.of(x[0], x[1], x[2], x[3], x[4], x[5]));
        List<int[]> asked = new ArrayList<>();
        List<long[]> weights = new ArrayList<>();
        List<long[]> thresholds = new ArrayList<>();
        List<Integer> answers = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        for (int k = 0; k < 1500; k++) {
            int[] in;
            long[] w, ts;
            if (k > 50 && r.nextInt(3) == 0) { // a request made before, asked again
                int i = r.nextInt(asked.size());
                in = asked.get(i);
                w = weights.get(i);
                ts = thresholds.get(i);
            } else {
                int terms = r.nextInt(2, 5);
                in = new int[terms];
                w = new long[terms];
                for (int j = 0; j < terms; j++) {
                    in[j] = lits.get(r.nextInt(lits.size())) ^ (r.nextInt(3) == 0 ? 1 : 0);
                    w[j] = r.nextInt(-4, 5);
                }
                ts = new long[r.nextInt(4) == 0 ? 3 : 1];
                for (int j = 0; j < ts.length; j++) ts[j] = r.nextInt(-5, 6);
                asked.add(in);
                weights.add(w);
                thresholds.add(ts);
            }
            int[] out = new int[ts.length];
            if (ts.length == 1) out[0] = b.gate(in, w, ts[0]);
            else b.gates(in, w, in.length, ts, ts.length, out);
            for (int j = 0; j < ts.length; j++) {
                long want = truthTable(in, w, ts[j], table);
                long got = value(out[j], table, want);
                assertEquals(want, got, "request " + k + " threshold " + ts[j] + " (mask " + hashMask + ")");
                answers.add(out[j]);
                expected.add(want);
                if (Literal.node(out[j]) > INPUTS) lits.add(out[j]);
            }
        }
        int[] all = answers.stream().mapToInt(Integer::intValue).toArray();
        b.outputBus("y", all);
        CircuitBuilder.Stats stats = b.stats();
        Circuit c = b.build();
        for (int p = 0; p < 64; p++) {
            boolean[] y = DirectEval.outputs(c, DirectEval.assignment(p, INPUTS));
            for (int o = 0; o < y.length; o++) {
                assertEquals(((expected.get(o) >>> p) & 1) != 0, y[o], "output " + o + ", assignment " + p + " (mask " + hashMask + ")");
            }
        }
        return new Built(all, c, stats);
    }

    /** {@code [sum w_i x_i >= t]} on every assignment, from the inputs' truth tables. */
    static long truthTable(int[] in, long[] w, long t, Map<Integer, Long> table) {
        long result = 0;
        for (int p = 0; p < 64; p++) {
            long s = 0;
            for (int i = 0; i < in.length; i++) if (((literalTable(in[i], table) >>> p) & 1) != 0) s += w[i];
            if (s >= t) result |= 1L << p;
        }
        return result;
    }

    static long literalTable(int lit, Map<Integer, Long> table) {
        long t = table.get(Literal.node(lit));
        return Literal.isNegated(lit) ? ~t : t;
    }

    /** The answer's truth table; a new gate's node takes {@code want} (its table by definition). */
    static long value(int lit, Map<Integer, Long> table, long want) {
        if (!table.containsKey(Literal.node(lit))) table.put(Literal.node(lit), Literal.isNegated(lit) ? ~want : want);
        return literalTable(lit, table);
    }
}
