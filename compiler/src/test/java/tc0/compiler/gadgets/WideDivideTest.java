package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.testing.GadgetAsserts;
import tc0.compiler.testing.WideEval;

/** Division by the power series: floor(x / y) exact against BigInteger (all ones for y = 0), depth free of p. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class WideDivideTest {
    /**
     * The circuit, and its count against what the builder keeps (hashing off). The count may exceed it by a
     * few gates: the comparison reads only the sign of a WideSum, and compression bits that land in low
     * columns which can never carry are read by no gate (the builder drops them, a CountingNet cannot).
     */
    static WideEval circuit(int p) {
        java.util.function.Consumer<tc0.circuits.CircuitBuilder> body = b -> {
            int[] x = b.inputBus("x", p), y = b.inputBus("y", p);
            b.outputBus("q", WideDivide.quotient(Net.of(b), x, y, 2));
        };
        tc0.circuits.CircuitBuilder plain = new tc0.circuits.CircuitBuilder(false);
        body.accept(plain);
        tc0.circuits.analysis.CircuitStats s = GadgetAsserts.stats(plain.build());
        Cost counted = cost(p);
        assertEquals(counted.depth(), s.depth(), "depth counted vs built");
        assertTrue(s.gates() <= counted.gates() && counted.gates() - s.gates() <= 8, "gates counted " + counted.gates() + ", built " + s.gates());
        assertTrue(s.wires() <= counted.wires() && counted.wires() - s.wires() <= 32, "wires counted " + counted.wires() + ", built " + s.wires());
        return new WideEval(GadgetAsserts.build(body));
    }

    static Cost cost(int p) {
        CountingNet net = new CountingNet();
        WideDivide.quotient(net, net.input(p), net.input(p), 2);
        return net.cost();
    }

    static BigInteger reference(BigInteger x, BigInteger y, int p) {
        return y.signum() == 0 ? BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE) : x.divide(y);
    }

    @Test
    void everyQuotientOfFourBitWordsIsExact() {
        int p = 4;
        WideEval ev = circuit(p);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                BigInteger bx = BigInteger.valueOf(x), by = BigInteger.valueOf(y);
                assertEquals(reference(bx, by, p), ev.run(bx, by).unsigned("q"), x + " / " + y);
            }
        }
    }

    @Test
    void quotientsOfSixteenBitWordsMatchBigIntegerOnRandomAndEdgeInputs() {
        int p = 16;
        WideEval ev = circuit(p);
        Random r = new Random(3);
        for (BigInteger[] xy : WideSumTest.words(r, 2, p)) {
            assertEquals(reference(xy[0], xy[1], p), ev.run(xy).unsigned("q"), xy[0] + " / " + xy[1]);
            assertEquals(reference(xy[1], xy[0], p), ev.run(xy[1], xy[0]).unsigned("q"), xy[1] + " / " + xy[0]);
        }
    }

    @Test
    void depthIsTheSameFromEightToThirtyTwoBits() {
        int d8 = cost(8).depth();
        assertEquals(56, d8);
        for (int p : new int[] {12, 16, 32}) assertEquals(d8, cost(p).depth(), "p = " + p);
    }

    /**
     * The last stage, from Q0 to the quotient, entered at Q0's level in the division (43), ends on level 56 at every
     * p. Before, it read the sign as a bit: one gate over the top block's ladder, or that ladder's gate itself where
     * the block's constants folded it, so 56 to p = 128 (3-column blocks) and 57 from 160 (4-column blocks).
     */
    @Test
    void theLastStageEndsOnOneLevelAtEveryWidth() {
        for (int p : new int[] {4, 8, 13, 16, 64, 128, 160, 192, 224, 256, 320}) {
            CountingNet net = new CountingNet();
            int[] x = net.input(p), y = net.input(p), q0 = new int[p];
            for (int i = 0; i < p; i++) q0[i] = net.inputAt(43);
            int[] out = WideDivide.corrected(net, x, y, q0, 2);
            int top = 0;
            for (int o : out) top = Math.max(top, net.level(o));
            assertEquals(56, top, "p = " + p);
            assertEquals(56, net.cost().depth(), "p = " + p + ": no gate deeper than the outputs");
        }
    }

    @Test
    void theIncrementOverASignsLadderAddsNotTheSignInDepthTwo() {
        // The sign is bit 0 of a 2-bit value s, given by its ladder [s >= 1], [s >= 2], [s >= 3] with weights +1, -1, +1.
        WideEval ev = new WideEval(GadgetAsserts.build(b -> {
            int[] v = b.inputBus("v", 5), s = b.inputBus("s", 2), z = b.inputBus("z", 1);
            Net net = Net.of(b);
            int[] ladder = new int[3];
            for (int t = 1; t <= 3; t++) ladder[t - 1] = net.gate(s, new long[] {1, 2}, 2, t);
            WideSum.Terms sign = new WideSum.Terms(ladder, new long[] {1, -1, 1});
            b.outputBus("r", WideDivide.incrementOr(net, v, sign, z[0]));
        }));
        for (int v = 0; v < 31; v++) { // v + c < 2^5
            for (int s = 0; s < 4; s++) {
                for (int z = 0; z < 2; z++) {
                    long expected = z == 1 ? 31 : v + 1 - (s & 1);
                    assertEquals(BigInteger.valueOf(expected), ev.run(BigInteger.valueOf(v), BigInteger.valueOf(s), BigInteger.valueOf(z)).unsigned("r"), v + " + not bit 0 of " + s + " or " + z);
                }
            }
        }
    }

    @Test
    void theIncrementAddsTheCarryAndForcesOnesInDepthTwo() {
        WideEval ev = new WideEval(GadgetAsserts.build(b -> {
            int[] v = b.inputBus("v", 5), c = b.inputBus("c", 1), z = b.inputBus("z", 1);
            b.outputBus("r", WideDivide.incrementOr(Net.of(b), v, c[0], z[0]));
        }));
        for (int v = 0; v < 31; v++) { // v + c < 2^5
            for (int c = 0; c < 2; c++) {
                for (int z = 0; z < 2; z++) {
                    long expected = z == 1 ? 31 : v + c;
                    assertEquals(BigInteger.valueOf(expected), ev.run(BigInteger.valueOf(v), BigInteger.valueOf(c), BigInteger.valueOf(z)).unsigned("r"), v + " + " + c + " or " + z);
                }
            }
        }
    }
}
