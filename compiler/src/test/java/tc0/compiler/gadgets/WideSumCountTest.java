package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Wide counting: a weighted sum whose constant or sum of weights passes a long is counted exactly all the
 * same, as the construction with unbounded weights. The gates depend only on the columns below
 * {@code shift + width}, the constant's low bits and whether each saturation gate is a gate or a constant, so
 * the wide sum must cost exactly what the same sum costs with each weight {@code ±2^62} (above every column
 * read) replaced by {@code ±2^top}: a sum tc0 builds.
 */
class WideSumCountTest {
    @Test
    void aSumWhoseTotalsPassALongCostsWhatItsScaledDownTwinBuilds() {
        Random r = new Random(63);
        int constantSat = 0, builds = 0;
        for (int t = 0; t < 300; t++) {
            int rounds = 1 + r.nextInt(3), width = 2 + r.nextInt(12), shift = r.nextInt(6), top = shift + width;
            int pos = r.nextInt(6), neg = r.nextInt(6);
            if (t % 5 == 0) { pos = 1; neg = 1; }
            if (pos + neg < 2) pos = 2; // two weights 2^62: the magnitudes' sum passes a long
            final int p = pos, q = neg;
            // The builder adds each sign apart (and the thresholds bound - c - half with c = k - negatives): two of a sign pass a long.
            boolean buildable = pos < 2 && neg < 2;
            int lows = 2 + r.nextInt(30);
            long[] lowWeights = new long[lows];
            for (int i = 0; i < lows; i++) lowWeights[i] = (r.nextBoolean() ? 1 : -1) * (1L << r.nextInt(top)) * (r.nextInt(4) == 0 ? 3 : 1);
            long k = r.nextLong(1L << Math.max(1, top - 3)) - (1L << Math.max(0, top - 4));

            SumShape wide = shape(lowWeights, pos, neg, 1L << 62, k);
            SumShape scaled = shape(lowWeights, pos, neg, 1L << top, k);
            assertFalse(wide.longs(), "trial " + t);
            assertFalse(scaled.wide(), "trial " + t);
            ClosedSum a = WeightedSum.closedSum(wide, shift, width, true, rounds);
            ClosedSum b = WeightedSum.closedSum(scaled, shift, width, true, rounds);
            String what = "trial " + t + ": pos " + pos + " neg " + neg + " shift " + shift + " width " + width + " rounds " + rounds;
            assertEquals(!buildable, a.wide(), what);
            assertFalse(b.wide(), what);
            assertArrayEquals(b.gatesPerLevel(), a.gatesPerLevel(), what);
            assertEquals(b.wires(), a.wires(), what);
            assertArrayEquals(b.bitKind(), a.bitKind(), what);
            assertArrayEquals(b.bitLevel(), a.bitLevel(), what);
            assertArrayEquals(b.bitNegated(), a.bitNegated(), what);
            assertEquals(b.modelled(), a.modelled(), what);
            if (pos == 0 || neg == 0) constantSat++;

            // The scaled twin built gate by gate (CountingNet): the count is that circuit's, and the wide form cannot be built.
            CountingNet net = new CountingNet();
            WeightedSum.build(net, form(net, lowWeights, pos, neg, 1L << top, k), shift, width, true, rounds);
            long gates = 0;
            int depth = 0;
            for (int l = 0; l < a.gatesPerLevel().length; l++) { gates += a.gatesPerLevel()[l]; if (a.gatesPerLevel()[l] > 0) depth = l; }
            assertEquals(net.cost(), new Cost(depth, gates, a.wires()), what);
            CountingNet net2 = new CountingNet();
            LinearForm f = form(net2, lowWeights, pos, neg, 1L << 62, k);
            if (buildable) { // the totals pass a long only as a sum of both signs: the wide form itself builds, to the same count
                builds++;
                WeightedSum.build(net2, f, shift, width, true, rounds);
                assertEquals(net.cost(), net2.cost(), what);
                assertEquals(net.cost(), WeightedSum.closedCost(shape(lowWeights, p, q, 1L << 62, k), shift, width, true, rounds), what);
                continue;
            }
            assertThrows(ArithmeticException.class, () -> WeightedSum.build(net2, f, shift, width, true, 2), what);
            assertThrows(ArithmeticException.class, () -> WeightedSum.closedCost(shape(lowWeights, p, q, 1L << 62, k), shift, width, true, rounds),
                    "closedCost, which gadgets choose routes by, refuses what cannot be built");
        }
        assertTrue(constantSat > 30, "trials where a saturation gate is a constant: " + constantSat);
        assertTrue(builds > 50, "trials whose wide totals the builder takes: " + builds);
    }

    @Test
    void aRepetitionWhoseTotalPassesALongCountsAsItsEntriesOneByOne() {
        // 2^24 ANDs of weight -2^40 (as a dot product of 2^23 pairs adds them): the constant is -2^64.
        long[] w = {-(1L << 40), -(1L << 40)};
        int[] lv = {1, 1};
        long[] cnt = {1, 1};
        SumShape pattern = new SumShape().addRepeated(w, lv, cnt, 1L << 23);
        SumShape bulk = new SumShape().add(1L << 24, -(1L << 40), 1);
        assertTrue(pattern.wide());
        assertEquals(java.math.BigInteger.ONE.shiftLeft(64).negate(), pattern.constantExact());
        assertEquals(pattern.constantExact(), bulk.constantExact());
        assertEquals(java.math.BigInteger.ONE.shiftLeft(64), pattern.umaxExact());
        pattern.add(3, 1L << 41, 1).add(2, 5, 0);
        bulk.add(3, 1L << 41, 1).add(2, 5, 0);
        ClosedSum a = WeightedSum.closedSum(pattern, 4, 44, true, 2), b = WeightedSum.closedSum(bulk, 4, 44, true, 2);
        assertTrue(a.wide() && b.wide());
        assertArrayEquals(b.gatesPerLevel(), a.gatesPerLevel());
        assertEquals(b.wires(), a.wires());
        assertArrayEquals(b.bitKind(), a.bitKind());
        assertArrayEquals(b.bitLevel(), a.bitLevel());
    }

    @Test
    void partialProductWeightsPast62BitsAreRefusedNotWrapped() {
        assertEquals(1L << 62, Multiply.partialWeight(1, 31, 31, 32, 32), "two sign bits: positive");
        assertEquals(-(1L << 61), Multiply.partialWeight(1, 30, 31, 32, 32), "one sign bit: negative");
        assertEquals(-(3L << 20), Multiply.partialWeight(3, 20, 0, 21, 8));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Multiply.partialWeight(1, 31, 32, 33, 33));
        assertTrue(e.getMessage().contains("2^63") && e.getMessage().contains("exceeds what a long holds"), e.getMessage());
        assertThrows(ArithmeticException.class, () -> Multiply.partialWeight(1, 32, 32, 33, 33), "1L << 64 would be 1");
        assertThrows(ArithmeticException.class, () -> Multiply.partialWeight(8, 30, 30, 32, 32), "coefficient 8 times 2^60 past a long");
        CountingNet net = new CountingNet();
        assertThrows(ArithmeticException.class, () -> Multiply.addProduct(net, new LinearForm(), net.input(33), net.input(33), 1));
        LinearForm f = Multiply.addProduct(net, new LinearForm(), net.input(32), net.input(32), 1);
        assertEquals(32 * 32, f.size());
        assertEquals(1L << 62, f.weight(f.size() - 1));
    }

    /** Low terms as given, {@code pos} terms {@code +high} and {@code neg} terms {@code -high}, constant k. */
    private static SumShape shape(long[] low, int pos, int neg, long high, long k) {
        SumShape s = new SumShape();
        for (long w : low) s.add(1, w, 0);
        s.add(pos, high, 0).add(neg, -high, 0);
        return s.addConstant(k);
    }

    private static LinearForm form(CountingNet net, long[] low, int pos, int neg, long high, long k) {
        LinearForm f = new LinearForm();
        int[] x = net.input(low.length + pos + neg);
        for (int i = 0; i < low.length; i++) f.add(x[i], low[i]);
        for (int i = 0; i < pos; i++) f.add(x[low.length + i], high);
        for (int i = 0; i < neg; i++) f.add(x[low.length + pos + i], -high);
        return f.addConstant(k);
    }
}
