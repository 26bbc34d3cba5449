package tc0.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc0.circuits.analysis.CircuitStats;

class CircuitBuilderTest {

    /** Value of a literal under an assignment, straight from the circuit's arrays: the plainest reference. */
    static boolean value(Circuit c, int lit, boolean[] in) {
        boolean[] v = new boolean[c.nodeCount()];
        for (int i = 0; i < c.inputCount(); i++) v[1 + i] = in[i];
        for (int g = 0; g < c.gateCount(); g++) {
            long s = 0;
            for (int e = c.faninStart(g); e < c.faninEnd(g); e++) if (v[c.faninNode(e)]) s += c.weight(e);
            v[c.firstGate() + g] = s >= c.threshold(g);
        }
        return v[Literal.node(lit)] ^ Literal.isNegated(lit);
    }

    static boolean[] assignment(int bits, int inputs) {
        boolean[] in = new boolean[inputs];
        for (int i = 0; i < inputs; i++) in[i] = ((bits >> i) & 1) != 0;
        return in;
    }

    @Test
    void andOfTwoInputsIsOneGateOfDepthOne() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 2);
        b.outputBus("y", b.and(x[0], x[1]));
        Circuit c = b.build();
        var s = CircuitStats.of(c);
        assertEquals(1, s.gates());
        assertEquals(2, s.wires());
        assertEquals(1, s.depth());
        for (int a = 0; a < 4; a++) assertEquals(a == 3, value(c, c.output(0), assignment(a, 2)));
    }

    @Test
    void identicalGatesAreBuiltOnce() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 3);
        int g1 = b.atLeast(2, x);
        int g2 = b.atLeast(2, x[2], x[0], x[1]);
        assertEquals(g1, g2);
        assertEquals(1, b.gateCount());
        assertEquals(1, b.stats().reused());
    }

    @Test
    void aGateAndItsComplementShareOneNode() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 2);
        int and = b.and(x[0], x[1]);
        int nand = b.or(Literal.not(x[0]), Literal.not(x[1]));
        assertEquals(Literal.not(and), nand);
        assertEquals(1, b.gateCount());
    }

    @Test
    void constantAndSingleLiteralGatesFoldAway() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 2);
        assertEquals(Literal.TRUE, b.gate(new int[] {x[0]}, new long[] {1}, 0));
        assertEquals(Literal.FALSE, b.gate(new int[] {x[0], x[1]}, new long[] {1, 1}, 3));
        assertEquals(x[1], b.gate(new int[] {x[1]}, new long[] {5}, 3));
        assertEquals(Literal.not(x[1]), b.gate(new int[] {x[1]}, new long[] {-5}, -2));
        assertEquals(x[0], b.and(x[0], Literal.TRUE));
        assertEquals(Literal.FALSE, b.and(x[0], Literal.not(x[0])));
        assertEquals(0, b.gateCount());
    }

    @Test
    void gatesNoOutputNeedsAreDropped() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 3);
        b.and(x[0], x[1]);                    // dead
        int keep = b.or(x[1], x[2]);
        int top = b.majority(keep, x[0], x[2]);
        b.outputBus("y", top);
        Circuit c = b.build();
        assertEquals(2, c.gateCount());
        for (int a = 0; a < 8; a++) {
            boolean[] in = assignment(a, 3);
            boolean or = in[1] || in[2];
            boolean maj = (or ? 1 : 0) + (in[0] ? 1 : 0) + (in[2] ? 1 : 0) >= 2;
            assertEquals(maj, value(c, c.output(0), in));
        }
    }

    @Test
    void regionsTagTheGatesBuiltInsideThem() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 4);
        int inner;
        try (var _ = b.region("layer[0]")) {
            try (var _ = b.region("attention")) {
                inner = b.and(x[0], x[1]);
            }
        }
        int outer = b.or(inner, x[2], x[3]);
        b.outputBus("y", outer);
        Circuit c = b.build();
        assertEquals("layer[0]/attention", c.regions().path(c.region(0)));
        assertEquals(Regions.ROOT, c.region(1));
    }

    @Test
    void normalisedGatesComputeWhatWasAskedForOnEveryAssignment() {
        var rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            var b = new CircuitBuilder();
            int[] x = b.inputBus("x", 5);
            int count = 1 + rnd.nextInt(7);
            int[] lits = new int[count];
            long[] w = new long[count];
            for (int i = 0; i < count; i++) {
                lits[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(2) : Literal.of(1 + rnd.nextInt(5), rnd.nextBoolean());
                w[i] = rnd.nextInt(-6, 7) * (rnd.nextBoolean() ? 1 : 4);
            }
            long t = rnd.nextInt(-12, 13);
            int out = b.gate(lits, w, t);
            b.outputBus("y", out);
            Circuit c = b.build();
            for (int a = 0; a < 32; a++) {
                boolean[] in = assignment(a, 5);
                long s = 0;
                for (int i = 0; i < count; i++) {
                    boolean v = Literal.node(lits[i]) == 0 ? false : in[Literal.node(lits[i]) - 1];
                    if (v ^ Literal.isNegated(lits[i])) s += w[i];
                }
                assertEquals(s >= t, value(c, c.output(0), in), "trial " + trial + " assignment " + a);
            }
        }
    }

    @Test
    void withoutHashingEveryRequestedGateIsKept() {
        var b = new CircuitBuilder(false);
        int[] x = b.inputBus("x", 2);
        int a = b.and(x[0], x[1]);
        int a2 = b.and(x[0], x[1]);
        assertNotEquals(a, a2);
        b.outputBus("y", a, a2);
        assertEquals(2, b.build().gateCount());
    }

    @Test
    void busesAreNamedAndOrdered() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 2);
        int[] y = b.inputBus("y", 3);
        assertArrayEquals(new int[] {Literal.of(3, false), Literal.of(4, false), Literal.of(5, false)}, y);
        b.outputBus("s", b.and(x[0], y[0]), Literal.TRUE);
        Circuit c = b.build();
        assertEquals(new Bus("y", 2, 3), c.inputBus("y"));
        assertEquals(2, c.outputCount());
        assertTrue(Literal.isConstant(c.output(1)));
    }

    @Test
    void misuseIsRejected() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 1);
        assertThrows(IllegalArgumentException.class, () -> b.and(x[0], Literal.of(9, false)));
        b.or(x[0], Literal.TRUE);
        b.and(x[0], Literal.not(x[0]));
        b.majority(x[0], x[0], x[0]);
        assertThrows(IllegalArgumentException.class, () -> b.inputBus("x", 1));
        b.outputBus("y", x[0]);
        b.build();
        assertThrows(IllegalStateException.class, () -> b.and(x[0]));
    }

    @Test
    void circuitOfRejectsACycle() {
        var e = assertThrows(IllegalArgumentException.class, () -> Circuit.of(1,
                new int[] {0, 1}, new int[] {2}, new long[] {1}, new long[] {1}, new int[] {0},
                new int[] {4}, java.util.List.of(new Bus("x", 0, 1)), java.util.List.of(new Bus("y", 0, 1)), Regions.rootOnly()));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }
}
