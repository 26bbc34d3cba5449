package tc0.proofs.structural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void twoPointsAreEnoughAndOneIsNot() {
        assertEquals(2.0, Growth.of(sweep(n -> 1, n -> n * n, 4, 8), SweepPoint::gates).degree(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Growth.of(sweep(n -> 1, n -> n, 4), SweepPoint::gates));
        assertThrows(IllegalArgumentException.class, () -> Growth.of(sweep(n -> 1, n -> n, 8, 4), SweepPoint::gates));
    }
}
