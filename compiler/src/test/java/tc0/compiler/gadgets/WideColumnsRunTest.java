package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Literal;

/**
 * {@link WideColumns#places(BigInteger, int)} (a weight's lowest set bit, no remainder) and {@link WideColumns#addRun}
 * (its constant as one product) against their definitions: {@code weight 2^shift mod 2^width != 0}, and adding each
 * bit of the run in turn with {@link WideColumns#add}: the same columns and the same constant.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WideColumnsRunTest {
    @Test
    void placesIsTheRemainderTest() {
        Random r = new Random(5);
        for (int trial = 0; trial < 20_000; trial++) {
            int width = 1 + r.nextInt(300), shift = r.nextInt(320);
            BigInteger w = new BigInteger(1 + r.nextInt(400), r);
            if (r.nextInt(8) == 0) w = w.shiftLeft(r.nextInt(300)); // low zeros, past the width or not
            if (r.nextBoolean()) w = w.negate();
            if (r.nextInt(50) == 0) w = BigInteger.ZERO;
            boolean expected = w.shiftLeft(shift).mod(BigInteger.ONE.shiftLeft(width)).signum() != 0;
            assertEquals(expected, new WideColumns(width).places(w, shift), "width " + width + ", shift " + shift + ", weight " + w);
        }
    }

    @Test
    void aRunIsItsBitsAddedOneByOne() {
        Random r = new Random(9);
        CountingNet net = new CountingNet();
        int[] vars = net.input(40);
        for (int trial = 0; trial < 3_000; trial++) {
            int width = 1 + r.nextInt(200);
            BigInteger w = new BigInteger(1 + r.nextInt(260), r).shiftLeft(r.nextInt(40));
            if (r.nextBoolean()) w = w.negate();
            int[] lits = new int[1 + r.nextInt(24)];
            for (int t = 0; t < lits.length; t++) {
                int k = r.nextInt(6);
                lits[t] = k == 0 ? Literal.FALSE : k == 1 ? Literal.TRUE : r.nextBoolean() ? vars[r.nextInt(40)] : Literal.not(vars[r.nextInt(40)]);
            }
            WideColumns run = new WideColumns(width).addRun(lits, w), each = new WideColumns(width);
            for (int t = 0; t < lits.length; t++) each.add(lits[t], w.shiftLeft(t));
            String how = "width " + width + ", weight " + w;
            assertEquals(each.trueBits(), run.trueBits(), how);
            assertEquals(toString(each.columns()), toString(run.columns()), how);
        }
    }

    /** A run of a positive weight not kept (its words asked when listed) lists as the kept one: columns and constant. */
    @Test
    void aRunWithItsWeightNotKeptIsTheKeptRun() {
        Random r = new Random(13);
        CountingNet net = new CountingNet();
        int[] vars = net.input(40);
        int asked = 0;
        for (int trial = 0; trial < 3_000; trial++) {
            int width = 1 + r.nextInt(200);
            BigInteger w = new BigInteger(1 + r.nextInt(260), r).shiftLeft(r.nextInt(40)).add(BigInteger.ONE.shiftLeft(r.nextInt(250)));
            int[] lits = new int[1 + r.nextInt(24)];
            for (int t = 0; t < lits.length; t++) {
                int k = r.nextInt(6);
                lits[t] = k == 0 ? Literal.FALSE : k == 1 ? Literal.TRUE : r.nextBoolean() ? vars[r.nextInt(40)] : Literal.not(vars[r.nextInt(40)]);
            }
            int[] calls = {0};
            BigInteger reduced = w.mod(BigInteger.ONE.shiftLeft(width));
            WideColumns kept = new WideColumns(width).addRun(lits, w);
            WideColumns derived = new WideColumns(width).addRun(lits, w.getLowestSetBit(), () -> { calls[0]++; return WideColumns.words(reduced, width); });
            String how = "width " + width + ", weight " + w;
            assertEquals(kept.trueBits(), derived.trueBits(), how);
            assertEquals(toString(kept.columns()), toString(derived.columns()), how);
            asked += calls[0];
        }
        org.junit.jupiter.api.Assertions.assertTrue(asked > 1_000, "weights asked " + asked + " times");
    }

    private static String toString(java.util.List<WeightedSum.IntList> cols) {
        StringBuilder s = new StringBuilder();
        for (WeightedSum.IntList c : cols) s.append(java.util.Arrays.toString(c.toArray())).append(';');
        return s.toString();
    }
}
