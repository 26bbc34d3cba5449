package tc0.compiler.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The float reference against its definition: the nearest float by brute force, ties to the even significand. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChiangFloatTest {
    static final ChiangFloat.Format F = new ChiangFloat.Format(3, 3);
    static final int SCALE = 40; // values compared as integers times 2^SCALE

    @Test
    void roundingPicksTheNearestFloatAndTiesToAnEvenSignificand() {
        List<ChiangFloat> floats = ChiangFloat.all(F).stream().filter(x -> !x.negative() && !x.isZero()).toList();
        BigInteger min = scaled(floats.get(0)), max = scaled(F.largest(false));
        int checked = 0, ties = 0;
        for (long n = 1; n < 512; n++) {
            for (int k = -12; k <= 6; k++) {
                BigInteger x = BigInteger.valueOf(n).shiftLeft(SCALE + k);
                if (x.compareTo(min) < 0 || x.compareTo(max) > 0) continue;
                ChiangFloat best = null;
                BigInteger bestDistance = null;
                for (ChiangFloat f : floats) {
                    BigInteger d = scaled(f).subtract(x).abs();
                    int c = bestDistance == null ? -1 : d.compareTo(bestDistance);
                    if (c == 0) ties++;
                    if (c < 0 || c == 0 && !f.significand().testBit(0)) { best = f; bestDistance = d; }
                }
                assertEquals(best, F.round(false, BigInteger.valueOf(n), k), n + " 2^" + k);
                assertEquals(best.scaled().negate(), F.round(true, BigInteger.valueOf(n), k).scaled(), "-" + n + " 2^" + k);
                checked++;
            }
        }
        assertEquals(true, checked > 1000 && ties > 50, checked + " values, " + ties + " ties");
    }

    @Test
    void pastTheTopSaturatesAndBelowTheBottomFlushesToZero() {
        // Largest: 7 2^3 = 56; 60 = 15 2^2 rounds to 8 2^3 (ties to even), exponent 4 past the top.
        assertEquals(F.largest(false), F.round(false, BigInteger.valueOf(60), 0));
        assertEquals(F.largest(true), F.round(true, BigInteger.valueOf(1), 100));
        assertEquals(F.of(false, 7, 7), F.round(false, BigInteger.valueOf(59), 0)); // 59 to 56, the largest itself
        // Smallest: 4 2^-4 = 1/4; 1/8 = 4 2^-5 has an exponent below the range.
        assertEquals(F.zero(), F.round(false, BigInteger.ONE, -3));
        // 7.5 2^-5 rounds up to 4 2^-4: in range.
        assertEquals(F.of(false, 4, 0), F.round(false, BigInteger.valueOf(15), -6));
        assertEquals(F.zero(), F.round(true, BigInteger.ZERO, 0));
    }

    @Test
    void significandsAreNormalised() {
        assertThrows(IllegalArgumentException.class, () -> F.of(false, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> F.of(false, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> F.of(false, 4, 8));
    }

    @Test
    void sumsAndProductsAreExactThenRoundedOnce() {
        // 4 + 4 2^-4... : 1 + 1/4 + 1/4 = 1.5 = 6 2^-2 exactly; rounding each step would give the same here,
        // but 7 + 1/4 + 1/4 (7 2^0 = 112 2^-4) = 7.5 = 111.1b rounds to 8 once; stepwise 7 + 1/4 -> 7, then 7.
        ChiangFloat seven = F.of(false, 7, 4), quarter = F.of(false, 4, 0);
        assertEquals(F.of(false, 4, 5), ChiangFloat.sum(F, List.of(seven, quarter, quarter)));
        assertEquals(seven, ChiangFloat.add(ChiangFloat.add(seven, quarter), quarter));
        // (5/4)^3 = 125 2^-6 = 1111101b 2^-6 rounds to 4 2^-1 (128 2^-6) once, biased exponent 3;
        // stepwise 25/16 = 11001b 2^-4 rounds to 6 2^-2, then 30 2^-4 = 11110b 2^-4 to 8 2^-2 = 4 2^-1 too.
        ChiangFloat fiveQuarters = F.of(false, 5, 2);
        assertEquals(F.of(false, 4, 3), ChiangFloat.product(F, List.of(fiveQuarters, fiveQuarters, fiveQuarters)));
        // 7 7 7 = 343 = 101010111b overflows the largest (56): saturated.
        ChiangFloat seven1 = F.of(false, 7, 4);
        assertEquals(F.largest(true), ChiangFloat.product(F, List.of(seven1, seven1, F.of(true, 7, 4))));
    }

    private static BigInteger scaled(ChiangFloat f) { return f.scaled().shiftLeft(SCALE - F.bias()); }
}
