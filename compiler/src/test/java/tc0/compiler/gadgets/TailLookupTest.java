package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Table;
import tc0.compiler.numerics.UnaryFunction;
import tc0.compiler.testing.DirectEval;
import tc0.compiler.testing.GadgetAsserts;

/** Lookups of tables that are the identity from some code up: exact on every code, cost as stated, and cheaper. */
class TailLookupTest {
    /** Builds {@code Lookup.build} of a table, checks the stated costs (counted, closed, built) and every code. */
    private static Circuit check(long[] table, int w, String what) {
        Cost counted = Lookup.cost(table, w, w);
        assertEquals(counted, Lookup.closedCost(table, w, w), "closed form vs counted, " + what);
        Circuit c = GadgetAsserts.assertCost(counted, b -> b.outputBus("y", Lookup.build(Net.of(b), b.inputBus("x", w), table, w)));
        DirectEval ev = new DirectEval(c);
        long lo = -(1L << (w - 1));
        for (int i = 0; i < table.length; i++) assertEquals(DirectEval.signExtend(table[i], w), ev.run(lo + i).signed("y"), what + " at code " + (lo + i));
        assertTrue(GadgetAsserts.stats(c).depth() <= 2, what + ": depth " + GadgetAsserts.stats(c).depth());
        return c;
    }

    @Test
    void functionsThatEndInTheIdentityAreExactOnEveryCode() {
        for (UnaryFunction f : new UnaryFunction[] {UnaryFunction.RELU, UnaryFunction.GELU, UnaryFunction.SILU, UnaryFunction.SOFTPLUS}) {
            for (int ib = 1; ib <= 5; ib++) {
                for (int fb = 0; fb <= 5; fb++) {
                    FixedFormat fx = FixedFormat.of(ib, fb);
                    if (fx.width() < 2) continue;
                    long[] table = Table.of(f, fx, fx).codes();
                    check(table, fx.width(), f + " " + fx);
                }
            }
        }
    }

    @Test
    void reluIsTheBitsGatedByTheSignOneLevelDeep() {
        for (int w = 2; w <= 12; w++) {
            FixedFormat fx = FixedFormat.of(w / 2 + 1, w - w / 2 - 1);
            long[] table = Table.of(UnaryFunction.RELU, fx, fx).codes();
            assertEquals(1L << (w - 1), TailLookup.start(table, w, w), "RELU is the identity from code 0");
            // One AND of (not sign, bit) per magnitude bit; the sign of the result is 0.
            assertEquals(new Cost(1, w - 1, 2L * (w - 1)), Lookup.closedCost(table, w, w), "w " + w);
        }
        check(Table.of(UnaryFunction.RELU, FixedFormat.of(4, 4), FixedFormat.of(4, 4)).codes(), 8, "RELU fixed(4, 4)");
    }

    @Test
    void randomTablesWithTailsAnywhereAreExact() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int t = 0; t < 300; t++) {
            int w = 2 + rnd.nextInt(7);
            int size = 1 << w;
            long lo = -(size / 2);
            int h = t % 10 == 0 ? 0 : rnd.nextInt(size + 1);
            long[] table = new long[size];
            boolean few = rnd.nextBoolean(); // few distinct values below the tail, or any
            for (int i = 0; i < size; i++) {
                table[i] = i >= h ? lo + i : few ? rnd.nextInt(3) - 1 : rnd.nextLong(lo, -lo);
            }
            check(table, w, "w " + w + " h " + h + " t " + t);
        }
    }

    @Test
    void aTailCostsFewerGatesAndWiresThanAComparatorPerCode() {
        FixedFormat fx = FixedFormat.of(8, 7);
        for (UnaryFunction f : new UnaryFunction[] {UnaryFunction.RELU, UnaryFunction.GELU, UnaryFunction.SILU, UnaryFunction.SOFTPLUS}) {
            long[] table = Table.of(f, fx, fx).codes();
            int h = TailLookup.start(table, fx.width(), fx.width());
            assertTrue(TailLookup.pays(table.length, h), f + " has a tail");
            CountingNet n = new CountingNet();
            Lookup.build(n, new LinearForm().addWord(n.input(fx.width()), 1), fx.minCode(), table, fx.width());
            Cost plain = n.cost(), tail = Lookup.closedCost(table, fx.width(), fx.width());
            assertTrue(tail.gates() < plain.gates() && tail.wires() < plain.wires(), f + ": tail " + tail + " vs plain " + plain);
            assertTrue(tail.depth() <= plain.depth(), f + ": depth");
        }
    }

    @Test
    void aWordWithAConstantBitTakesThePlainLookupAndStaysExact() {
        FixedFormat fx = FixedFormat.of(3, 3);
        long[] table = Table.of(UnaryFunction.GELU, fx, fx).codes();
        int w = fx.width();
        Circuit c = GadgetAsserts.build(b -> {
            int[] x = b.inputBus("x", w);
            x[1] = tc0.circuits.Literal.FALSE; // bit 1 known 0
            b.outputBus("y", Lookup.build(Net.of(b), x, table, w));
        });
        DirectEval ev = new DirectEval(c);
        for (long code = fx.minCode(); code <= fx.maxCode(); code++) {
            long seen = code & ~2L; // what the word is with bit 1 cleared
            assertEquals(DirectEval.signExtend(table[(int) (seen - fx.minCode())], w), ev.run(code).signed("y"), "code " + code);
        }
    }

    @Test
    void aSignExtendedWordRepeatsItsSignAndStaysExact() {
        FixedFormat fx = FixedFormat.of(4, 3);
        int w = fx.width();
        for (UnaryFunction f : new UnaryFunction[] {UnaryFunction.RELU, UnaryFunction.GELU}) {
            long[] table = Table.of(f, fx, fx).codes();
            Circuit c = GadgetAsserts.build(b -> {
                int[] low = b.inputBus("x", w - 2);
                int[] x = java.util.Arrays.copyOf(low, w);
                x[w - 2] = low[w - 3];
                x[w - 1] = low[w - 3]; // the top three bits are one node
                b.outputBus("y", Lookup.build(Net.of(b), x, table, w));
            });
            DirectEval ev = new DirectEval(c);
            for (long code = -(1L << (w - 3)); code < 1L << (w - 3); code++) {
                assertEquals(DirectEval.signExtend(table[(int) (code - fx.minCode())], w), ev.run(code).signed("y"), f + " code " + code);
            }
        }
    }
}
