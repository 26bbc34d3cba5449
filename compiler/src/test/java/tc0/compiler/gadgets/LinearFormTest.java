package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;

class LinearFormTest {

    /** A 6-bit word, a negated bit and a constant: the form a comparator bank of a table lookup sees. */
    private static LinearForm form(int[] x) {
        return new LinearForm().addWord(x, 3).add(Literal.not(x[2]), 5).add(Literal.TRUE, 4).addConstant(-7);
    }

    private static long[] thresholds() {
        long[] ts = new long[140];
        for (int k = 0; k < ts.length; k++) ts[k] = -110 + 2 * k + (k % 3); // beyond both ends: some fold to constants
        return ts;
    }

    @Test
    void atLeastAllBuildsTheGatesOfOneAtLeastPerThresholdInOrder() {
        long[] ts = thresholds();
        CircuitBuilder one = new CircuitBuilder(), all = new CircuitBuilder();
        int[] x = one.inputBus("x", 6), y = all.inputBus("x", 6);
        int[] a = new int[ts.length], b = new int[ts.length], again = new int[ts.length];
        for (int k = 0; k < ts.length; k++) a[k] = form(x).atLeast(Net.of(one), ts[k]);
        form(y).atLeastAll(Net.of(all), ts, 0, ts.length, b);
        assertArrayEquals(a, b);
        form(y).atLeastAll(Net.of(all), ts, 0, ts.length, again); // the same bank again: every gate reused
        assertArrayEquals(a, again);
        assertTrue(java.util.Arrays.stream(a).anyMatch(l -> l == Literal.TRUE) && java.util.Arrays.stream(a).anyMatch(l -> l == Literal.FALSE));
        assertEquals(one.stats().gates(), all.stats().gates());
        one.outputBus("y", a);
        all.outputBus("y", b);
        Circuit c1 = one.build(), c2 = all.build();
        assertTrue(c1.sameAs(c2));
        assertTrue(c1.gateCount() > 50, "gates: " + c1.gateCount());
    }

    @Test
    void atLeastAllFillsOnlyItsRangeAndCountsAsManyGates() {
        long[] ts = thresholds();
        CountingNet n1 = new CountingNet(), n2 = new CountingNet();
        int[] x = n1.input(6), y = n2.input(6);
        for (int k = 10; k < 90; k++) form(x).atLeast(n1, ts[k]);
        int[] out = new int[ts.length];
        java.util.Arrays.fill(out, -1);
        form(y).atLeastAll(n2, ts, 10, 90, out);
        assertEquals(n1.cost(), n2.cost());
        for (int k = 0; k < ts.length; k++) assertEquals(k >= 10 && k < 90, out[k] != -1, "index " + k);
    }
}
