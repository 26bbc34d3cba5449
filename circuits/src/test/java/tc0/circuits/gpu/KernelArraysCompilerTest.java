package tc0.circuits.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KernelArraysCompilerTest {

    /** A bank of five comparators on one weighted sum is one counted sum with five outputs. */
    @Test
    void aBankOfComparatorsIsOneOperationWhoseSumIsReadOnce() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 4);
        long[] w = {1, 2, 4, -8};
        long[] t = {-7, -3, 0, 2, 5};
        int[] got = new int[t.length];
        b.gates(x, w, x.length, t, t.length, got);
        b.outputBus("y", got);
        KernelArrays a = KernelArraysCompiler.compile(b.build());
        assertArrayEquals(new int[] {KernelArrays.SLICED}, a.opKind());
        assertEquals(5, a.outSlot().length);
        assertEquals(4, a.operand().length, "the four terms are stored once");
        assertEquals(4 + 5, a.wordsMovedPerPatternWord());
        // sum = -8 + (x0 + 2 x1 + 4 x2 + 8 (1 - x3)): thresholds shifted by 8
        assertArrayEquals(new long[] {1, 5, 8, 10, 13}, a.threshold());
        assertArrayEquals(new long[] {1, 2, 4, 8}, a.weight());
        assertEquals(4, a.opWidth()[0], "sums up to 15");
    }

    @Test
    void andsOrsAndMajoritiesGetTheirKindsAndLevels() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 5);
        int and = b.and(x[0], x[1] ^ 1);
        int or = b.or(x[2], x[3]);
        int maj = b.majority(and, or, x[4]);
        b.outputBus("y", maj, or);
        KernelArrays a = KernelArraysCompiler.compile(b.build());
        assertEquals(2, a.levels());
        assertArrayEquals(new int[] {0, 2, 3}, a.levelStart());
        assertArrayEquals(new int[] {KernelArrays.AND, KernelArrays.AND, KernelArrays.SLICED}, a.opKind());
        assertEquals(2, a.opWidth()[2], "three unit weights: sums up to 3");
        assertEquals(2, a.threshold()[2]);
        // the OR is stored as the AND of the complements: its readers (output 1) complement it back
        assertEquals(1, a.outputs()[1] & 1);
        assertEquals(a.outSlot()[1], a.outputs()[1] >>> 1);
    }

    /** Slots come back after the level of their last reader: a long chain needs a handful, not one per gate. */
    @Test
    void aDeepChainReusesItsSlots() {
        var b = new CircuitBuilder(false);
        int[] x = b.inputBus("x", 8);
        int prev = x[0];
        for (int i = 0; i < 5000; i++) prev = b.and(prev, x[i % 8] ^ (i & 1));
        b.outputBus("y", prev);
        Circuit c = b.build();
        KernelArrays a = KernelArraysCompiler.compile(c);
        assertEquals(c.gateCount(), a.levels(), "one AND per level");
        assertTrue(c.gateCount() > 4990, c.toString());
        assertTrue(a.slots() <= 1 + 8 + 2, "slots: " + a.slots());
    }

    @Test
    void deadAndConstantGatesCostNothing() {
        var b = new CircuitBuilder(false);
        int[] x = b.inputBus("x", 3);
        int live = b.and(x[0], x[1]);
        b.and(x[1], x[2]); // no output reads it
        int always = b.gate(new int[] {x[0], x[1]}, new long[] {1, 1}, -1);
        b.outputBus("y", live, always);
        KernelArrays a = KernelArraysCompiler.compile(b.build());
        assertEquals(1, a.operations());
        assertEquals(1, a.gates());
        assertEquals(1, a.outputs()[1], "a constant true is slot 0 complemented");
    }
}
