package tc0.proofs.structural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class GrowthTest {

    static List<SweepPoint> sweep(LongUnaryOperator depth, LongUnaryOperator gates, long... ns) {
        List<SweepPoint> points = new ArrayList<>();
        for (long n : ns) points.add(new SweepPoint(n, depth.applyAsLong(n), gates.applyAsLong(n), 3 * gates.applyAsLong(n), n));
        return points;
    }

    @Test
    void aCubicSizeFitsDegreeThreeAndAConstantDepthIsConstant() {
        var points = sweep(n -> 17, n -> 5 * n * n * n + 40 * n * n, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096);
        Growth size = Growth.of(points, SweepPoint::gates);
        assertEquals(3.0, size.degree(), 0.05);
        assertTrue(Growth.of(points, SweepPoint::depth).constant());
        assertFalse(size.constant());
        assertEquals(10, size.localDegree().size());
    }

    @Test
    void lowerOrderTermsPullTheEarlyLocalDegreesButNotTheFit() {
        var points = sweep(n -> 9, n -> n * n + 1000 * n, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384);
        Growth g = Growth.of(points, SweepPoint::gates);
        assertTrue(g.localDegree().getFirst() < 1.1, "early: " + g.localDegree());
        assertTrue(g.degree() > 1.5 && g.degree() < 2.05, "fit: " + g.degree());
    }

    @Test
    void aLogarithmicDepthIsNotConstantAndHasASmallButPositiveDegree() {
        var points = sweep(n -> 2 * (63 - Long.numberOfLeadingZeros(n)), n -> n, 4, 16, 64, 256, 1024, 4096);
        Growth depth = Growth.of(points, SweepPoint::depth);
        assertFalse(depth.constant());
        assertTrue(depth.degree() > 0.05 && depth.degree() < 0.5, "degree " + depth.degree());
    }

    @Test
    void sizesPastALongFitOnTheirLogarithmsAndCompareExactly() {
        // c * n^5 with c = 10^5 reaches 10^23 at n = 4096 (the size of RoPE tensor attention); doubles would
        // call 2^100 and 2^100 + 1 equal
        BigInteger c = BigInteger.valueOf(100_000);
        List<SweepPoint> points = new ArrayList<>();
        for (long n = 256; n <= 4096; n *= 2) {
            BigInteger g = c.multiply(BigInteger.valueOf(n).pow(5));
            points.add(new SweepPoint(n, 120, g, g.shiftLeft(20), g));
        }
        assertTrue(points.getLast().wires().bitLength() > 90);
        assertEquals(5.0, Growth.of(points, SweepPoint::gates).degree(), 1e-9);
        assertEquals(5.0, Growth.of(points, SweepPoint::wires).degree(), 1e-9);
        assertTrue(Growth.of(points, SweepPoint::depth).constant());
        BigInteger big = BigInteger.ONE.shiftLeft(100);
        List<SweepPoint> flat = List.of(new SweepPoint(4, 1, big, big, big), new SweepPoint(8, 1, big.add(BigInteger.ONE), big, big));
        assertFalse(Growth.of(flat, SweepPoint::gates).constant());
        assertTrue(Growth.of(flat, SweepPoint::wires).constant());
        assertEquals(100 * Math.log(2), Growth.log(big), 1e-12);
        assertEquals(0, Growth.log(BigInteger.ZERO));
    }

    @Test
    void twoPointsAreEnoughAndOneIsNot() {
        assertEquals(2.0, Growth.of(sweep(n -> 1, n -> n * n, 4, 8), SweepPoint::gates).degree(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Growth.of(sweep(n -> 1, n -> n, 4), SweepPoint::gates));
        assertThrows(IllegalArgumentException.class, () -> Growth.of(sweep(n -> 1, n -> n, 8, 4), SweepPoint::gates));
    }

    @Test
    void aDepthThatDiffersOnlyAtSmallNSettlesAndALogDepthGrowsPerDoubling() {
        var settles = sweep(n -> n <= 8 ? 72 : 76, n -> n * n, 4, 8, 16, 64, 256, 1024, 4096);
        assertFalse(Growth.of(settles, SweepPoint::depth).constant());
        assertEquals(2, Growth.settledFrom(settles, SweepPoint::depth), "the same from n = 16 on");
        assertEquals(0.0, Growth.perDoubling(settles, SweepPoint::depth), 1e-9);

        var tree = sweep(n -> 6 * (63 - Long.numberOfLeadingZeros(n)), n -> n, 4, 8, 16, 32, 64, 128);
        assertEquals(5, Growth.settledFrom(tree, SweepPoint::depth), "it never settles: only the last point");
        assertEquals(6.0, Growth.perDoubling(tree, SweepPoint::depth), 1e-9);
        assertEquals(0, Growth.settledFrom(sweep(n -> 9, n -> n, 4, 8), SweepPoint::depth));
    }
}
