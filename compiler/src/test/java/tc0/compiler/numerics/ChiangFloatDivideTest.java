package tc0.compiler.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The division reference against its definition: the nearest float to num / den by brute force, ties to even. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChiangFloatDivideTest {
    static final ChiangFloat.Format F = new ChiangFloat.Format(3, 3);

    @Test
    void aQuotientRoundsToTheNearestFloatAndTiesToAnEvenSignificand() {
        List<ChiangFloat> floats = ChiangFloat.all(F).stream().filter(x -> !x.negative() && !x.isZero()).toList();
        int checked = 0, ties = 0;
        for (long num = 1; num < 200; num++) {
            for (long den = 1; den < 40; den++) {
                for (int k = -8; k <= 4; k++) {
                    // num / den 2^k against each float m 2^(E - bias), all as integers times den 2^40.
                    BigInteger x = BigInteger.valueOf(num).shiftLeft(40 + k);
                    if (x.compareTo(scaled(floats.getFirst(), den)) < 0 || x.compareTo(scaled(F.largest(false), den)) > 0) continue;
                    ChiangFloat best = null;
                    BigInteger bestDistance = null;
                    for (ChiangFloat f : floats) {
                        BigInteger dist = scaled(f, den).subtract(x).abs();
                        int c = bestDistance == null ? -1 : dist.compareTo(bestDistance);
                        if (c == 0) ties++;
                        if (c < 0 || c == 0 && !f.significand().testBit(0)) { best = f; bestDistance = dist; }
                    }
                    assertEquals(best, F.roundQuotient(false, BigInteger.valueOf(num), BigInteger.valueOf(den), k), num + "/" + den + " 2^" + k);
                    checked++;
                }
            }
        }
        assertTrue(checked > 10_000 && ties > 100, checked + " quotients, " + ties + " ties");
    }

    @Test
    void divisionByZeroSaturatesWithTheDividendsSign() {
        ChiangFloat one = F.of(false, 4, 2), minusOne = F.of(true, 4, 2);
        assertEquals(F.largest(false), ChiangFloat.divide(one, F.zero()));
        assertEquals(F.largest(true), ChiangFloat.divide(minusOne, F.zero()));
        assertEquals(F.largest(false), ChiangFloat.divide(F.zero(), F.zero()));
        assertEquals(F.largest(false), ChiangFloat.reciprocal(F.zero()));
        assertEquals(F.zero(), ChiangFloat.divide(F.zero(), minusOne));
        // 1 / 3 = 0.0101...: 5 2^-4 (0.3333 is nearer 5/16 than 6/16); -1 / 6 is below the smallest 1/4: flushed.
        assertEquals(F.of(false, 5, 0), ChiangFloat.reciprocal(F.of(false, 6, 3)));
        assertEquals(F.zero(), ChiangFloat.divide(minusOne, F.of(false, 6, 4)));
    }

    /** {@code f den 2^40}. */
    private static BigInteger scaled(ChiangFloat f, long den) {
        return f.significand().multiply(BigInteger.valueOf(den)).shiftLeft(40 + f.exponent());
    }
}
