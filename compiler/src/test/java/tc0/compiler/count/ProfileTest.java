package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Profiles add exactly past 2^63 - 1: every figure against the same sums in BigInteger arithmetic. */
class ProfileTest {
    static final long MAX = Long.MAX_VALUE;

    /** A profile and what it must hold, kept in BigInteger: gates per level and wires. */
    static final class Shadow {
        final Profile p = new Profile();
        final BigInteger[] level = new BigInteger[12];
        BigInteger wires = BigInteger.ZERO;
        int depth;

        Shadow() { java.util.Arrays.fill(level, BigInteger.ZERO); }

        void gates(long count, long fanIn, int l) {
            p.gates(count, fanIn, l);
            level[l] = level[l].add(BigInteger.valueOf(count));
            wires = wires.add(BigInteger.valueOf(count).multiply(BigInteger.valueOf(fanIn)));
            if (count > 0) depth = Math.max(depth, l);
        }

        void add(Shadow o, long times) {
            p.add(o.p, times);
            BigInteger t = BigInteger.valueOf(times);
            for (int l = 0; l < level.length; l++) level[l] = level[l].add(o.level[l].multiply(t));
            wires = wires.add(o.wires.multiply(t));
            if (times > 0) depth = Math.max(depth, o.depth);
        }

        void assertExact(String what) {
            BigInteger gates = BigInteger.ZERO, width = BigInteger.ZERO;
            for (int l = 1; l < level.length; l++) {
                assertEquals(level[l], p.exactAt(l), what + " level " + l);
                gates = gates.add(level[l]);
                width = width.max(level[l]);
            }
            assertEquals(new CountedCost(depth, gates, wires, width), p.cost(), what);
        }
    }

    /** A long from a spread of magnitudes: small, near 2^31, near 2^62, near 2^63 - 1. */
    static long pick(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> r.nextInt(100);
            case 1 -> (1L << 31) + r.nextInt(1000) - 500;
            case 2 -> (1L << 62) + r.nextLong(1L << 40);
            case 3 -> MAX - r.nextInt(1000);
            default -> r.nextLong(MAX);
        };
    }

    @Test
    void randomSumsAndMultiplesAreExact() {
        Random r = new Random(20251201);
        for (int trial = 0; trial < 300; trial++) {
            Shadow total = new Shadow();
            for (int step = 0; step < 12; step++) {
                Shadow part = new Shadow();
                int gates = 1 + r.nextInt(4);
                // a part's figures fit a long, as a gadget's do (here below 2^59, so twelve multiples below 2^63 stay
                // below 2^126); the totals pass 2^63
                for (int g = 0; g < gates; g++) {
                    if (r.nextBoolean()) part.gates(pick(r) >>> 8, r.nextInt(5), 1 + r.nextInt(10));
                    else part.gates(r.nextInt(1000), r.nextInt(1 << 20), 1 + r.nextInt(10));
                }
                part.assertExact("part " + trial + "." + step);
                total.add(part, r.nextInt(4) == 0 ? pick(r) : r.nextInt(10));
                if (r.nextInt(3) == 0) total.gates(pick(r), r.nextInt(3), 1 + r.nextInt(11));
                total.assertExact("total " + trial + "." + step);
            }
        }
    }

    @Test
    void aGadgetHighUpStoresOnlyItsOwnLevels() {
        Profile g = new Profile();
        for (int l = 250; l <= 255; l++) g.gates(l, 2, l);
        assertEquals(8, g.stored(), "levels 250..255, rounded up to a power of two; not 256 entries");
        Profile up = g.movedUp(3);
        assertEquals(0, up.at(252), "250..255 became 253..258");
        assertEquals(250, up.at(253));
        assertEquals(255, up.at(258));
        assertEquals(258, up.depth());
        Profile total = new Profile();
        total.gates(7, 1, 2);            // low first, then a part far above, then one below both
        total.add(up, 2);
        total.gates(1, 1, 1);
        assertEquals(7, total.at(2));
        assertEquals(2 * 250, total.at(253));
        assertEquals(1, total.at(1));
        assertEquals(BigInteger.valueOf(7 + 1 + 2L * (250 + 251 + 252 + 253 + 254 + 255)), total.cost().gates());
    }

    @Test
    void carriesAtTheLimbEdges() {
        Shadow square = new Shadow();
        square.gates(MAX, MAX, 2);              // (2^63 - 1)^2 wires: both limbs in use
        square.gates(MAX, 1, 2);                // their low limbs add to 2^63: a carry into the high limb
        square.assertExact("max x max");
        Shadow one = new Shadow();
        one.gates(MAX, 1, 1);
        one.gates(1, 1, 1);                     // 2^63 gates on level 1: past a long, the low limb 0
        one.assertExact("2^63");
        Shadow copies = new Shadow();
        copies.add(one, MAX);                   // 2^126 - 2^63: the high limb at 2^63 - 1
        copies.gates(MAX, 1, 1);                // 2^126 - 1: the most a figure holds
        copies.assertExact("2^126 - 1");
        assertEquals(BigInteger.ONE.shiftLeft(126).subtract(BigInteger.ONE), copies.p.exactAt(1));
        // the low limb carries exactly once per 2^63: 2 (2^63 - 1) + 3 = 2^64 + 1
        Shadow wrap = new Shadow();
        wrap.gates(MAX, 1, 2);
        wrap.gates(MAX, 1, 2);
        wrap.gates(1, 1, 2);
        wrap.gates(1, 1, 2);
        wrap.gates(1, 1, 2);
        wrap.assertExact("2^64 + 1");
        assertEquals(BigInteger.ONE.shiftLeft(64).add(BigInteger.ONE), wrap.p.exactAt(2));
        // a product whose low limb is 2^63 - 1 plus a carry from the sum: (2^32 + 1)(2^31 - 1) etc.
        Shadow mixed = new Shadow();
        mixed.gates(MAX - 5, 3, 4);
        mixed.gates((1L << 32) + 1, (1L << 31) - 1, 4);
        Shadow sum = new Shadow();
        for (long t : new long[] {MAX, 3, 1L << 40, (1L << 62) + 7}) { sum.add(mixed, t >>> 3); sum.assertExact("times " + t); }
    }

    @Test
    void longAccessorsRefuseWhatALongCannotHold() {
        Profile p = new Profile();
        p.gates(MAX, 1, 3);
        assertEquals(MAX, p.at(3));
        assertEquals(MAX, p.gates());
        assertEquals(MAX, p.wires());
        p.gates(1, 0, 3);
        assertThrows(ArithmeticException.class, () -> p.at(3));
        assertThrows(ArithmeticException.class, p::gates);
        assertEquals(MAX, p.wires(), "fan-in 0: no wire");
        p.addWires(1);
        assertThrows(ArithmeticException.class, p::wires);
        assertEquals(BigInteger.ONE.shiftLeft(63), p.cost().wires());
    }

    @Test
    void past2To126GatesThrowRatherThanWrapAndWiresGoOnExactly() {
        Profile big = new Profile();
        big.gates(MAX, MAX, 1);                 // 2^126 - 2^64 + 1 wires
        Profile total = new Profile();
        total.add(big, 1);
        total.addWires(MAX);
        total.addWires(MAX);
        assertEquals(BigInteger.valueOf(MAX).pow(2).add(BigInteger.valueOf(MAX).shiftLeft(1)), total.cost().wires());
        total.add(big, 1); // past 2^126: the wires held on in a BigInteger
        assertEquals(BigInteger.valueOf(MAX).pow(2).shiftLeft(1).add(BigInteger.valueOf(MAX).shiftLeft(1)), total.cost().wires());
        Profile gates = new Profile();
        gates.gates(MAX, 0, 1);
        Profile many = new Profile();
        many.add(gates, MAX);                   // (2^63 - 1)^2 gates on level 1
        many.add(gates, 2);                     // 2^126 - 1
        assertEquals(BigInteger.ONE.shiftLeft(126).subtract(BigInteger.ONE), many.exactAt(1));
        assertThrows(ArithmeticException.class, () -> many.gates(1, 0, 1));
        assertThrows(ArithmeticException.class, () -> many.add(gates, 1));
    }

    @Test
    void movingUpKeepsFiguresPast2To63() {
        Shadow big = new Shadow();
        big.gates(MAX, 4, 1);                   // with the copies below, gates and wires past a long
        big.gates(5, 2, 3);
        Shadow copies = new Shadow();
        copies.add(big, 3);
        Profile up = copies.p.movedUp(4);
        assertEquals(copies.depth + 4, up.depth());
        assertEquals(copies.p.cost().wires(), up.cost().wires());
        assertEquals(copies.p.cost().gates(), up.cost().gates());
        for (int l = 1; l < copies.level.length; l++) assertEquals(copies.level[l], up.exactAt(l + 4), "level " + l);
        for (int l = 1; l <= 4; l++) assertEquals(BigInteger.ZERO, up.exactAt(l), "below the move, level " + l);
        assertEquals(0, new Profile().movedUp(3).depth(), "nothing moved up is still nothing");
        assertThrows(IllegalArgumentException.class, () -> copies.p.movedUp(-1));
    }

    @Test
    void emptyPartsAddNothingAndNegativeCountsAreRefused() {
        Profile p = new Profile();
        p.add(new Profile(), MAX);
        p.gates(0, 5, 7);
        assertEquals(CountedCost.of(0, 0, 0, 0), p.cost());
        assertThrows(IllegalArgumentException.class, () -> p.gates(-1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> p.add(p, -1));
        assertThrows(IllegalArgumentException.class, () -> p.addWires(-1));
    }

    /** Wires past 2^126 (a softmax's stage 3 over 2^40-entry rows at n = 2^20) stay exact, however they arrive. */
    @Test
    void wiresPast2To126AreExact() {
        java.math.BigInteger want = java.math.BigInteger.ZERO;
        Profile p = new Profile();
        java.math.BigInteger count = java.math.BigInteger.ONE.shiftLeft(100);
        p.gates(count, 1L << 40, 5); // 2^140 wires in one step
        want = want.add(count.shiftLeft(40));
        Profile row = new Profile();
        row.gates(Long.MAX_VALUE, Long.MAX_VALUE, 3); // (2^63 - 1)^2 wires: just under 2^126
        java.math.BigInteger rowWires = java.math.BigInteger.valueOf(Long.MAX_VALUE).pow(2);
        for (int k = 0; k < 5; k++) { p.add(row, 1); want = want.add(rowWires); } // the high limb overflows on the way
        p.add(row, 1L << 40); // copies past 2^126 at once
        want = want.add(rowWires.shiftLeft(40));
        Profile lifted = p.movedUp(2);
        p.add(lifted, 3);
        want = want.multiply(java.math.BigInteger.valueOf(4));
        org.junit.jupiter.api.Assertions.assertEquals(want, p.cost().wires());
    }
}
