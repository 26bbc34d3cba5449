package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.MaxArgmax;

/**
 * Closed costs past a long: a maximum over tensor attention's kept key pairs (up to 2^40 at n = 2^20) has
 * m(m-1)/2 comparators, 2^79 and more. The exact forms agree with the long ones (pinned against the gadget)
 * where those fit, with the gadget counted gate by gate at small m, and with the figures worked out by hand
 * past a long; a profile takes such a count as exactly as a multiple of a unit.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WideClosedCostTest {
    @Test
    void exactMaxCostsAreTheGadgetsAtSmallM() {
        for (int m = 1; m <= 12; m++) {
            for (int w = 1; w <= 5; w++) {
                assertEquals(MaxArgmax.costMax(m, w), MaxArgmax.exactCostMax(m, w).toCost(), "max " + m + " x " + w);
                assertEquals(MaxArgmax.costArgmaxOneHot(m, w), MaxArgmax.exactCostArgmaxOneHot(m, w).toCost(), "argmax " + m + " x " + w);
            }
        }
    }

    @Test
    void pastALongTheCountsAreExactAndTheLongFormsRefuse() {
        long m = 1L << 40;
        int w = 26;
        // m(m-1)/2 = 2^39 (2^40 - 1) = 2^79 - 2^39, worked out by hand.
        BigInteger pairs = BigInteger.ONE.shiftLeft(79).subtract(BigInteger.ONE.shiftLeft(39));
        assertEquals(pairs, MaxArgmax.comparators(m));
        BigInteger bm = BigInteger.ONE.shiftLeft(40), bw = BigInteger.valueOf(w);
        assertEquals(pairs.add(bm.multiply(bw)).add(bw), MaxArgmax.exactCostMax(m, w).gates());
        // wires: each comparator 2w, each word's AND per bit m (its m - 1 comparators and the bit), each OR m.
        BigInteger wires = pairs.multiply(BigInteger.valueOf(2L * w)).add(bm.multiply(bm).multiply(bw)).add(bm.multiply(bw));
        assertEquals(wires, MaxArgmax.exactCostMax(m, w).wires());
        assertThrows(ArithmeticException.class, () -> MaxArgmax.closedCostMax(m, w));
        assertThrows(ArithmeticException.class, () -> MaxArgmax.closedCostArgmaxOneHot(m, w));
        assertThrows(ArithmeticException.class, () -> MaxArgmax.closedCostArgmaxIndex(1L << 33, w));
        // Where a long holds it (2^20 words: wires m^2 w < 2^63) both forms agree.
        assertEquals(MaxArgmax.closedCostMax(1L << 20, w), MaxArgmax.exactCostMax(1L << 20, w).toCost());
    }

    @Test
    void aProfileTakesAWideCountAsAMultipleOfOneGate() {
        Random r = new Random(9);
        for (int t = 0; t < 200; t++) {
            long a = 1 + (r.nextLong() >>> (1 + r.nextInt(40))), b = 1 + (r.nextLong() >>> (1 + r.nextInt(40)));
            long fanIn = 1 + r.nextInt(60);
            int level = 1 + r.nextInt(5);
            Profile wide = new Profile();
            wide.gates(17, 3, level); // something there already, so the limbs carry
            wide.gates(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)), fanIn, level);
            Profile unit = new Profile();
            unit.gates(a, fanIn, level);
            Profile times = new Profile();
            times.gates(17, 3, level);
            times.add(unit, b); // a gates, b times: the same count through the multiple
            assertEquals(times.cost(), wide.cost(), a + " x " + b);
        }
    }

    @Test
    void aLineOfMoreThan2To32EntriesCountsItsComparatorsExactly() {
        ElemClass word = ElemClass.fresh(8, 1);
        long m = (1L << 33) + 5;
        Profile p = new Profile();
        SoftmaxCount.max(new ElemClass[] {word}, new long[] {m}, new long[] {0}, new long[] {m - 1}, m, p);
        Profile q = new Profile();
        SoftmaxCount.max(new ElemClass[] {word}, new long[] {1000}, new long[] {0}, new long[] {999}, 1000, q);
        int level = 1;
        while (q.exactAt(level).signum() == 0) level++;
        assertEquals(BigInteger.valueOf(1000L * 999 / 2), q.exactAt(level), "comparators of 1,000 entries");
        assertEquals(MaxArgmax.comparators(m), p.exactAt(level), "comparators of 2^33 + 5 entries, exactly");
    }
}
