package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.testing.DirectEval;
import tc0.compiler.testing.GadgetAsserts;

class CompareSelectMaxTest {

    @Test
    void comparisonAndEqualityAreRightOnEveryPairOfWordsOfDifferentWidths() {
        Circuit c = GadgetAsserts.assertCost(sum(Compare.costGeq(5, 4), Compare.costEq(5, 4)), b -> {
            int[] x = b.inputBus("x", 5), y = b.inputBus("y", 4);
            Net n = Net.of(b);
            b.outputBus("ge", Compare.geq(n, x, y));
            b.outputBus("eq", Compare.eq(n, x, y));
        });
        DirectEval ev = new DirectEval(c);
        for (long x = -16; x < 16; x++) {
            for (long y = -8; y < 8; y++) {
                ev.run(x, y);
                assertEquals(x >= y ? 1 : 0, ev.unsigned("ge"), x + " >= " + y);
                assertEquals(x == y ? 1 : 0, ev.unsigned("eq"), x + " == " + y);
            }
        }
        assertEquals(new Cost(1, 1, 9), Compare.costGeq(5, 4));
        assertEquals(new Cost(2, 3, 20), Compare.costEq(5, 4));
    }

    @Test
    void comparisonWithConstantsIsOneGate() {
        Circuit c = GadgetAsserts.build(b -> {
            int[] x = b.inputBus("x", 5);
            Net n = Net.of(b);
            for (int a = -17; a <= 16; a++) {
                b.outputBus("ge" + (a + 17), Compare.geqConst(n, x, a));
                b.outputBus("eq" + (a + 17), Compare.eqConst(n, x, a));
            }
        });
        assertEquals(1, GadgetAsserts.stats(c).depth());
        DirectEval ev = new DirectEval(c);
        for (long x = -16; x < 16; x++) {
            ev.run(x);
            for (int a = -17; a <= 16; a++) {
                assertEquals(x >= a ? 1 : 0, ev.unsigned("ge" + (a + 17)));
                assertEquals(x == a ? 1 : 0, ev.unsigned("eq" + (a + 17)));
            }
        }
    }

    @Test
    void muxAndOneHotSelectionPickTheRightWord() {
        Circuit c = GadgetAsserts.assertCost(sum(Select.costMux(3), Select.costOneHot(3, 3)), b -> {
            int[] s = b.inputBus("s", 1), sel = b.inputBus("sel", 3), x = b.inputBus("x", 3), y = b.inputBus("y", 3), z = b.inputBus("z", 3);
            Net n = Net.of(b);
            b.outputBus("mux", Select.mux(n, s[0], x, y));
            b.outputBus("hot", Select.oneHot(n, sel, new int[][] {x, y, z}));
        });
        DirectEval ev = new DirectEval(c);
        for (long s = 0; s < 2; s++) for (long hot = 0; hot < 4; hot++) for (long x = -4; x < 4; x++) for (long y = -4; y < 4; y++) for (long z = -4; z < 4; z++) {
            long sel = hot == 3 ? 0 : 1L << hot;
            ev.run(s, sel, x, y, z);
            assertEquals(s == 1 ? x : y, ev.signed("mux"));
            assertEquals(hot == 0 ? x : hot == 1 ? y : hot == 2 ? z : 0, ev.signed("hot"));
        }
    }

    @Test
    void maxAndArgmaxFollowTheNumericsOnEveryInput() {
        int m = 4, w = 3;
        Cost stated = sum(sum(MaxArgmax.costMax(m, w), MaxArgmax.costArgmaxOneHot(m, w)), MaxArgmax.costArgmaxIndex(m, w));
        // built together they share comparators, so compare each separately
        for (int part = 0; part < 3; part++) {
            int p = part;
            Cost one = p == 0 ? MaxArgmax.costMax(m, w) : p == 1 ? MaxArgmax.costArgmaxOneHot(m, w) : MaxArgmax.costArgmaxIndex(m, w);
            Circuit c = GadgetAsserts.assertCost(one, b -> {
                int[][] xs = new int[m][];
                for (int i = 0; i < m; i++) xs[i] = b.inputBus("x" + i, w);
                Net n = Net.of(b);
                b.outputBus("out", p == 0 ? MaxArgmax.max(n, xs) : p == 1 ? MaxArgmax.argmaxOneHot(n, xs) : MaxArgmax.argmaxIndex(n, xs));
            });
            DirectEval ev = new DirectEval(c);
            GadgetAsserts.forAllWords(m, w, xs -> {
                ev.run(xs);
                long expected = p == 0 ? Fixed.max(xs) : p == 1 ? 1L << Fixed.argmax(xs) : Fixed.argmax(xs);
                assertEquals(expected, p == 0 ? ev.signed("out") : ev.unsigned("out"), java.util.Arrays.toString(xs));
            });
        }
        assertEquals(3, MaxArgmax.costMax(m, w).depth());
        assertEquals(stated.gates(), MaxArgmax.costMax(m, w).gates() + MaxArgmax.costArgmaxOneHot(m, w).gates() + MaxArgmax.costArgmaxIndex(m, w).gates());
    }

    @Test
    void maxDepthDoesNotGrowWithTheNumberOfWords() {
        for (int m : new int[] {2, 8, 32, 64}) assertEquals(3, MaxArgmax.costMax(m, 8).depth(), "m = " + m);
        for (int m : new int[] {3, 8, 32, 64}) assertEquals(2, MaxArgmax.costArgmaxOneHot(m, 8).depth(), "m = " + m);
        assertEquals(1, MaxArgmax.costArgmaxOneHot(2, 8).depth()); // one comparator and its inverse
        assertEquals(Literal.TRUE, MaxArgmax.argmaxOneHot(new CountingNet(), new int[][] {{0}})[0]);
    }

    static Cost sum(Cost a, Cost b) {
        return new Cost(Math.max(a.depth(), b.depth()), a.gates() + b.gates(), a.wires() + b.wires());
    }
}
