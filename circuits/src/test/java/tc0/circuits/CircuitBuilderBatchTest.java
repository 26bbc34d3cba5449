package tc0.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The builder's two shortcuts change how it works, never what it builds: {@link CircuitBuilder#gates}
 * (one form, many thresholds) must give the literals, statistics and circuit of one {@code gate} call per
 * threshold, and {@link CircuitBuilder#reserve} (arrays sized beforehand, compacted in place) the circuit
 * of an unreserved builder, whether the reservation is exact, too small or too large.
 */
class CircuitBuilderBatchTest {
    private static final int INPUTS = 12;

    /**
     * Random requests over the inputs and the gates built so far: literals negated or not, repeated,
     * the constants among them, zero and negative weights, a common factor, thresholds from always-false
     * to always-true (so some gates fold to constants or to one literal), some forms asked again (reuse),
     * and a few dead gates at the end. {@code batched} chooses per form: thresholds one by one or in a batch.
     */
    private static Circuit build(CircuitBuilder b, long seed, boolean batched, int[] literalsSeen, long[] statsSeen) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] x = b.inputBus("x", INPUTS);
        int[] pool = new int[4000];
        int poolSize = 0;
        for (int v : x) pool[poolSize++] = v;
        pool[poolSize++] = Literal.TRUE;
        pool[poolSize++] = Literal.FALSE;
        int seen = 0;
        for (int f = 0; f < 300; f++) {
            int count = rnd.nextInt(0, 9);
            int[] lits = new int[count];
            long[] w = new long[count];
            long factor = rnd.nextInt(4) == 0 ? 3 : 1;
            for (int i = 0; i < count; i++) {
                int lit = pool[rnd.nextInt(poolSize)];
                lits[i] = rnd.nextBoolean() ? Literal.not(lit) : lit;
                w[i] = factor * rnd.nextInt(-5, 6);
            }
            if (count > 1 && rnd.nextInt(5) == 0) { lits[1] = lits[0]; } // a node twice: merged
            long lo = 0, hi = 0; // the form's range, inputs taken as independent
            for (long v : w) { if (v < 0) lo += v; else hi += v; }
            int n = rnd.nextInt(1, 12);
            long[] ts = new long[n];
            for (int k = 0; k < n; k++) ts[k] = rnd.nextLong(lo - 2, hi + 3);
            int[] out = new int[n];
            if (batched) {
                b.gates(lits, w, count, ts, n, out);
            } else {
                for (int k = 0; k < n; k++) out[k] = b.gate(lits, w, count, ts[k]);
            }
            for (int k = 0; k < n; k++) {
                literalsSeen[seen++] = out[k];
                if (poolSize < pool.length && !Literal.isConstant(out[k])) pool[poolSize++] = out[k];
            }
        }
        CircuitBuilder.Stats s = b.stats();
        statsSeen[0] = s.requested();
        statsSeen[1] = s.reused();
        statsSeen[2] = s.folded();
        statsSeen[3] = s.gates();
        statsSeen[4] = s.wires();
        int[] outs = new int[Math.min(40, poolSize)];
        for (int i = 0; i < outs.length; i++) outs[i] = pool[poolSize - 1 - 2 * i % poolSize]; // earlier gates stay dead
        b.outputBus("y", outs);
        return b.build();
    }

    @Test
    void aBatchOfThresholdsBuildsWhatOneGateCallPerThresholdBuilds() {
        for (boolean hashing : new boolean[] {true, false}) {
            for (long seed = 1; seed <= 20; seed++) {
                int[] one = new int[300 * 12], many = new int[300 * 12];
                long[] s1 = new long[5], s2 = new long[5];
                Circuit a = build(new CircuitBuilder(hashing), seed, false, one, s1);
                Circuit c = build(new CircuitBuilder(hashing), seed, true, many, s2);
                assertArrayEquals(one, many, "literals, seed " + seed + ", hashing " + hashing);
                assertArrayEquals(s1, s2, "requested, reused, folded, gates, wires; seed " + seed);
                assertTrue(a.sameAs(c), "circuits differ, seed " + seed + ", hashing " + hashing);
            }
        }
    }

    @Test
    void theBatchesReallyFoldReuseAndBuild() {
        int[] lits = new int[300 * 12];
        long[] s = new long[5];
        build(new CircuitBuilder(true), 3, true, lits, s);
        assertTrue(s[1] > 10 && s[2] > 10 && s[3] > 500, "reused " + s[1] + ", folded " + s[2] + ", gates " + s[3]);
    }

    @Test
    void hugeWeightsTakeTheOneGatePathAndOverflowIsStillReported() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 2);
        long big = Long.MAX_VALUE / 2;
        int[] out = new int[2];
        b.gates(new int[] {x[0], x[1]}, new long[] {big, big}, 2, new long[] {big, 1}, 2, out);
        var ref = new CircuitBuilder();
        int[] y = ref.inputBus("x", 2);
        assertEquals(ref.gate(new int[] {y[0], y[1]}, new long[] {big, big}, 2, big), out[0]);
        assertEquals(ref.gate(new int[] {y[0], y[1]}, new long[] {big, big}, 2, 1), out[1]);
        assertThrows(ArithmeticException.class,
                () -> b.gates(new int[] {x[0], x[1]}, new long[] {Long.MAX_VALUE, Long.MAX_VALUE}, 2, new long[] {1}, 1, new int[1]));
    }

    /** Wide gates across the chunk size, every third dead: built with and without reservations. */
    private static Circuit wide(CircuitBuilder b) {
        SplittableRandom rnd = new SplittableRandom(11);
        int[] x = b.inputBus("x", 64);
        int nodes = 1 + 64;
        int[] last = new int[3000];
        for (int g = 0; g < last.length; g++) {
            int fanin = 2 + rnd.nextInt(60);
            int[] lits = new int[fanin];
            long[] w = new long[fanin];
            for (int i = 0; i < fanin; i++) {
                lits[i] = Literal.of(1 + rnd.nextInt(nodes - 1), rnd.nextBoolean());
                w[i] = rnd.nextInt(-7, 8);
            }
            last[g] = b.gate(lits, w, rnd.nextLong(-20, 21));
            if (Literal.node(last[g]) == nodes) nodes++;
        }
        int[] outs = new int[last.length / 3];
        for (int i = 0; i < outs.length; i++) outs[i] = last[last.length - 1 - 3 * i];
        b.outputBus("y", outs);
        return b.build();
    }

    @Test
    void aReservedBuilderBuildsTheSameCircuitWhateverTheReservation() {
        Circuit plain = wide(new CircuitBuilder());
        CircuitBuilder probe = new CircuitBuilder();
        wide(probe);
        long gates = probe.stats().gates();
        assertTrue(plain.gateCount() < gates, "some gates are dead, so build() compacts");
        for (long r : new long[] {gates, gates / 2, 3 * gates, 0}) {
            CircuitBuilder b = new CircuitBuilder();
            b.reserve(r);
            Circuit c = wide(b);
            assertTrue(plain.sameAs(c), "reserved " + r + " gates");
            assertEquals(plain.wireCount(), c.wireCount());
        }
    }

    @Test
    void aReservedBuilderWithEveryGateLiveHandsItsArraysOverAsTheyAre() {
        Consumer<CircuitBuilder> body = b -> {
            int[] x = b.inputBus("x", 40);
            int prev = x[0];
            for (int g = 0; g < 5000; g++) {
                int[] lits = new int[30];
                long[] w = new long[30];
                for (int i = 0; i < 30; i++) { lits[i] = x[(g + i) % 40]; w[i] = 1 + (i % 3); }
                lits[29] = prev;
                prev = b.gate(lits, w, 20 + g % 7);
            }
            b.outputBus("y", prev);
        };
        CircuitBuilder plain = new CircuitBuilder(), reserved = new CircuitBuilder();
        reserved.reserve(5000);
        body.accept(plain);
        body.accept(reserved);
        Circuit a = plain.build(), c = reserved.build();
        assertEquals(5000, c.gateCount(), "a chain: every gate live");
        assertTrue(a.sameAs(c));
    }

    @Test
    void reserveComesBeforeTheFirstGate() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 2);
        b.reserve(10); // after the inputs is fine
        b.and(x[0], x[1]);
        assertThrows(IllegalStateException.class, () -> b.reserve(10));
        assertThrows(IllegalArgumentException.class, () -> new CircuitBuilder().reserve(-1));
    }
}
