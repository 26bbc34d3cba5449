package tc0.proofs.num;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The sweep's figures recomputed with exact binomials where they fit, and its two tests of shape on made-up points. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RankSweepTest {
    @Test
    void pointAtSmallNAgreesWithExactBinomials() {
        for (long k : new long[] {8, 32, 128}) {
            RankSweep.Point p = RankSweep.at(TokenLayout.SEQUENCE, EntryBound.CONSTANT, k);
            // d = k, eps = 2^-k, B = 1: the least g with e^2 / (g+1)! <= 2^-k
            long g = 0;
            double bound = Math.exp(2);
            while (bound > Math.pow(2, -k)) bound /= (++g + 1);
            assertEquals(g, p.degree(), "k = " + k);
            double lnRank = ln(binomial(k + g, g)), lnN = k * Math.log(2);
            assertEquals(lnRank / lnN, p.rankExponent(), 1e-9, "k = " + k);
            assertEquals(1 + lnRank / lnN, p.factored(), 1e-9);
            assertEquals(2, p.direct(), 1e-12);
        }
    }

    @Test
    void scalesCountVarsTokens() {
        RankSweep.Point p = RankSweep.at(TokenLayout.SCALES, EntryBound.CONSTANT, 8);
        double lnN = Math.log((Math.pow(4, 9) - 1) / 3); // 87,381 tokens for n = 256
        assertEquals(2 * lnN / (8 * Math.log(2)), p.direct(), 1e-12);
    }

    @Test
    void shapesOfASweep() {
        List<RankSweep.Point> falling = points(3, 2.5, 2, 1.8, 1.7, 1.65), bump = points(3, 2.5, 2, 1.8, 1.9, 1.65),
                flat = points(1, 2, 3, 3.84, 3.845, 3.841);
        assertTrue(RankSweep.fallingToTheEnd(falling));
        assertFalse(RankSweep.fallingToTheEnd(bump));
        assertTrue(RankSweep.settled(flat, 0.01));
        assertFalse(RankSweep.settled(falling, 0.01));
    }

    private static List<RankSweep.Point> points(double... exponents) {
        return java.util.stream.IntStream.range(0, exponents.length)
                .mapToObj(i -> new RankSweep.Point(8L << i, 1, exponents[i], 1 + exponents[i], 2)).toList();
    }

    private static BigInteger binomial(long a, long b) {
        BigInteger r = BigInteger.ONE;
        for (long i = 1; i <= b; i++) r = r.multiply(BigInteger.valueOf(a - b + i)).divide(BigInteger.valueOf(i));
        return r;
    }

    private static double ln(BigInteger x) {
        int drop = Math.max(0, x.bitLength() - 60);
        return Math.log(x.shiftRight(drop).doubleValue()) + drop * Math.log(2);
    }
}
