package tc0.compiler.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FixedTest {
    static final FixedFormat Q44 = FixedFormat.of(4, 4); // -8 .. 7.9375

    @Test
    void aFormatCountsTheSignBitAmongItsIntegerBits() {
        assertEquals(8, Q44.width());
        assertEquals(-128, Q44.minCode());
        assertEquals(127, Q44.maxCode());
        assertEquals(-8.0, Q44.toDouble(Q44.minCode()));
        assertEquals(7.9375, Q44.toDouble(Q44.maxCode()));
        assertEquals(0xFF, Q44.toBits(-1));
        assertEquals(-1, Q44.fromBits(0xFF));
        assertEquals(127, Q44.fromBits(0x7F));
        assertThrows(IllegalArgumentException.class, () -> FixedFormat.of(40, 30));
    }

    /** The double fast path of fromDouble equals the exact BigDecimal rounding, ties and large values included. */
    @Test
    void conversionFromDoubleEqualsTheExactRounding() {
        java.util.Random r = new java.util.Random(12);
        FixedFormat[] fs = {Q44, FixedFormat.of(2, 16), FixedFormat.of(2, 40), FixedFormat.of(20, 30), FixedFormat.of(1, 0)};
        for (FixedFormat f : fs) {
            for (int k = 0; k < 20000; k++) {
                double v = switch (k % 4) {
                    case 0 -> r.nextDouble() * 2 - 1;
                    case 1 -> Math.scalb((double) (r.nextInt(1 << 20) - (1 << 19)) + 0.5, -f.fracBits()); // a tie
                    case 2 -> Math.scalb(r.nextGaussian(), r.nextInt(80) - 40);
                    default -> Math.cos(r.nextDouble() * 1000);
                };
                long want = f.saturate(Rounding.roundHalfUp(new BigDecimal(v).multiply(BigDecimal.valueOf(2).pow(f.fracBits()))));
                assertEquals(want, f.fromDouble(v), f + " " + v);
            }
        }
    }

    @Test
    void conversionFromDoubleRoundsHalfUpAndSaturates() {
        assertEquals(1, Q44.fromDouble(1.0 / 32));    // 0.5 code -> 1
        assertEquals(0, Q44.fromDouble(-1.0 / 32));   // -0.5 code -> 0
        assertEquals(-1, Q44.fromDouble(-3.0 / 64));  // -0.75 code -> -1
        assertEquals(127, Q44.fromDouble(100));
        assertEquals(-128, Q44.fromDouble(-8.01));
        assertEquals(127, Q44.fromDouble(Double.POSITIVE_INFINITY));
    }

    @Test
    void additionIsExactThenRoundedOnceThenSaturated() {
        FixedFormat q41 = FixedFormat.of(4, 1);
        // 0.0625 + 0.1875 = 0.25 -> code 0.5 in fixed(4,1) -> ties up -> 1 (0.5)
        assertEquals(1, Fixed.add(1, Q44, 3, Q44, q41));
        // -0.0625 - 0.1875 = -0.25 -> code -0.5 -> ties up -> 0
        assertEquals(0, Fixed.add(-1, Q44, -3, Q44, q41));
        assertEquals(127, Fixed.add(100, Q44, 100, Q44, Q44));
        assertEquals(-128, Fixed.sub(-100, Q44, 100, Q44, Q44));
        assertEquals(0, Fixed.sub(5, Q44, 5, Q44, Q44));
    }

    @Test
    void multiplicationRoundsTheExactProductOnce() {
        // 1.5 * -2.5 = -3.75 -> fixed(4,1): -7.5 code -> -7 (-3.5)
        assertEquals(-7, Fixed.mul(24, Q44, -40, Q44, FixedFormat.of(4, 1)));
        // (-8) * (-8) = 64 saturates to 7.9375
        assertEquals(127, Fixed.mul(-128, Q44, -128, Q44, Q44));
        // -8 * 7.9375 = -63.5 saturates to -8
        assertEquals(-128, Fixed.mul(-128, Q44, 127, Q44, Q44));
        for (long x = Q44.minCode(); x <= Q44.maxCode(); x++) {
            for (long y = Q44.minCode(); y <= Q44.maxCode(); y += 7) {
                BigDecimal exact = Q44.exact(x).multiply(Q44.exact(y)).multiply(BigDecimal.valueOf(16));
                assertEquals(Q44.saturate(Rounding.roundHalfUp(exact)), Fixed.mul(x, Q44, y, Q44, Q44));
            }
        }
    }

    @Test
    void sumsAndDotProductsAreExactBeforeTheirOneRounding() {
        FixedFormat q40 = FixedFormat.of(4, 0);
        // each 0.4375 alone rounds to 0, the exact sum 1.3125 rounds to 1
        assertEquals(1, Fixed.sum(new long[] {7, 7, 7}, Q44, q40));
        long[] xs = {16, -24, 5}, ys = {3, 16, -16};
        // 1*0.1875 - 1.5*1 + 0.3125*(-1) = -1.625 -> fixed(4,4) code -26
        assertEquals(-26, Fixed.dot(xs, Q44, ys, Q44, Q44));
        assertEquals(BigInteger.valueOf(16 * 3 - 24 * 16 - 5 * 16), Fixed.exactDot(xs, Q44, ys, Q44));
        assertEquals(7, Fixed.linear(new long[] {3, -2}, 1, new long[] {4, 3}, new FixedFormat[] {Q44, Q44}, Q44));
    }

    @Test
    void divisionIsTheExactQuotientRoundedOnceAndSaturatesOnZero() {
        assertEquals(Q44.maxCode(), Fixed.div(3, Q44, 0, Q44, Q44));
        assertEquals(Q44.maxCode(), Fixed.div(0, Q44, 0, Q44, Q44));
        assertEquals(Q44.minCode(), Fixed.div(-3, Q44, 0, Q44, Q44));
        assertEquals(Q44.maxCode(), Fixed.div(127, Q44, 1, Q44, Q44));
        for (long x = Q44.minCode(); x <= Q44.maxCode(); x += 3) {
            for (long y = Q44.minCode(); y <= Q44.maxCode(); y++) {
                if (y == 0) continue;
                BigDecimal q = new BigDecimal(x * 16).divide(new BigDecimal(y), 40, java.math.RoundingMode.HALF_EVEN);
                assertEquals(Q44.saturate(Rounding.roundHalfUp(q)), Fixed.div(x, Q44, y, Q44, Q44), x + "/" + y);
            }
        }
    }

    @Test
    void maxAndArgmaxTakeTheFirstLargest() {
        assertEquals(5, Fixed.max(new long[] {-3, 5, 2, 5}));
        assertEquals(1, Fixed.argmax(new long[] {-3, 5, 2, 5}));
    }
}
