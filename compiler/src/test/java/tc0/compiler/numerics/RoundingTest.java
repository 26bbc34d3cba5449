package tc0.compiler.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoundingTest {

    @Test
    void tiesRoundUpForPositiveAndNegativeValues() {
        assertEquals(3, Rounding.shiftRound(5, 1));   // 2.5 -> 3
        assertEquals(-2, Rounding.shiftRound(-5, 1)); // -2.5 -> -2
        assertEquals(-3, Rounding.shiftRound(-7, 1)); // -3.5 -> -3
        assertEquals(-1, Rounding.shiftRound(-6, 2)); // -1.5 -> -1
        assertEquals(-2, Rounding.shiftRound(-7, 2)); // -1.75 -> -2
        assertEquals(2, Rounding.shiftRound(6, 2));   // 1.5 -> 2
        assertEquals(1, Rounding.shiftRound(5, 2));   // 1.25 -> 1
        assertEquals(12, Rounding.shiftRound(3, -2));
    }

    @Test
    void longAndBigIntegerShiftRoundingAgreeWithTheDecimalDefinition() {
        var rnd = new SplittableRandom(1);
        for (int i = 0; i < 20000; i++) {
            long v = rnd.nextLong(-1L << 40, 1L << 40);
            int s = rnd.nextInt(0, 45);
            BigInteger expected = Rounding.roundHalfUp(new BigDecimal(v).divide(BigDecimal.valueOf(2).pow(s)));
            assertEquals(expected.longValueExact(), Rounding.shiftRound(v, s), v + " >> " + s);
            assertEquals(expected, Rounding.shiftRound(BigInteger.valueOf(v), s));
        }
    }

    @Test
    void divisionRoundsToNearestWithTiesUpForEverySignCombination() {
        for (int n = -40; n <= 40; n++) {
            for (int d = -9; d <= 9; d++) {
                if (d == 0) continue;
                BigInteger expected = Rounding.roundHalfUp(new BigDecimal(n).divide(new BigDecimal(d), 60, java.math.RoundingMode.HALF_EVEN));
                assertEquals(expected, Rounding.divRound(BigInteger.valueOf(n), BigInteger.valueOf(d)), n + "/" + d);
            }
        }
        assertEquals(BigInteger.valueOf(-1), Rounding.divRound(BigInteger.valueOf(-3), BigInteger.valueOf(2))); // -1.5 -> -1
        assertEquals(BigInteger.valueOf(2), Rounding.divRound(BigInteger.valueOf(3), BigInteger.valueOf(2)));   // 1.5 -> 2
    }
}
