package tc0.compiler.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.testing.ByHand;

/**
 * RoPE from its definition (NUMERICS.md, LANGUAGE.md): pair j of a row of k at position i turns by
 * {@code i theta_j}, {@code theta_j = 10000^(-2j/k)}; cos and sin rounded (nearest, ties up) into
 * {@code fixed(2, F)}; each rotated coordinate an exact dot product rounded once. Values of cos and sin
 * from tables (cos 1 = 0.5403023, sin 1 = 0.8414710, cos 2 = -0.4161468, sin 2 = 0.9092974,
 * cos 3 = -0.9899925, sin 3 = 0.1411200, cos 0.01 = 0.99995, sin 0.01 = 0.0099998, cos 0.3 = 0.9553365,
 * sin 0.3 = 0.2955202).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RopeByHandTest {
    static final double BASE = 10000;

    @Test
    void anglesArePositionTimesTenThousandToTheMinusTwoJOverK() {
        // k = 4: theta = 10000^0, 10000^(-1/2) = 1, 0.01
        assertEquals(1.0, Fixed.ropeAngle(1, 0, 4, BASE));
        assertEquals(0.01, Fixed.ropeAngle(1, 1, 4, BASE), 1e-17);
        // k = 8 at position 3: 3 * 10000^(0, -1/4, -1/2, -3/4) = 3, 0.3, 0.03, 0.003
        double[] want = {3, 0.3, 0.03, 0.003};
        for (int j = 0; j < 4; j++) assertEquals(want[j], Fixed.ropeAngle(3, j, 8, BASE), want[j] * 1e-15, "pair " + j);
        // position 0 never turns
        assertEquals(0.0, Fixed.ropeAngle(0, 3, 8, BASE));
    }

    @Test
    void coefficientsAreCosAndSinRoundedToTheCoefficientFormat() {
        FixedFormat sixteenths = FixedFormat.of(2, 4);
        assertArrayEquals(new long[] {16, 0}, Fixed.ropeCoefficients(0, sixteenths));   // (1, 0)
        assertArrayEquals(new long[] {9, 13}, Fixed.ropeCoefficients(1, sixteenths));   // 8.645 -> 9, 13.464 -> 13
        assertArrayEquals(new long[] {-7, 15}, Fixed.ropeCoefficients(2, sixteenths));  // -6.658 -> -7, 14.549 -> 15
        assertArrayEquals(new long[] {-16, 2}, Fixed.ropeCoefficients(3, sixteenths));  // -15.840 -> -16, 2.258 -> 2
        assertArrayEquals(new long[] {16, 0}, Fixed.ropeCoefficients(0.01, sixteenths)); // 15.9992 -> 16, 0.160 -> 0
        FixedFormat f8 = FixedFormat.of(2, 8);
        assertArrayEquals(new long[] {138, 215}, Fixed.ropeCoefficients(1, f8));   // 138.317, 215.417
        assertArrayEquals(new long[] {256, 3}, Fixed.ropeCoefficients(0.01, f8));  // 255.987, 2.560
        assertArrayEquals(new long[] {245, 76}, Fixed.ropeCoefficients(0.3, f8));  // 244.566, 75.653
    }

    /** k = 2: theta_0 = 1, so row i turns by i radians; fixed(4, 4) codes are sixteenths, as are the coefficients. */
    @Test
    void rowsTurnByTheirPositionAndRoundOnceWithTiesUp() {
        // row 0, angle 0 (c, s) = (16, 0): (3, -5) unchanged
        // row 1, angle 1 (9, 13), (x, y) = (8, 0): (9*8)/16 = 4.5 -> 5, (13*8)/16 = 6.5 -> 7
        // row 2, angle 2 (-7, 15), (x, y) = (16, 8): (-7*16 - 15*8)/16 = -232/16 = -14.5 -> -14 (ties up),
        //        (15*16 - 7*8)/16 = 184/16 = 11.5 -> 12
        ByHand.assertY("fixed(int: 4, frac: 4)", "input X: [3, 2]; output Y = rope(X);",
                Map.of("X", new long[] {3, -5, 8, 0, 16, 8}), new long[] {3, -5, 5, 7, -14, 12});
    }

    /** k = 4 in fixed(4, 8): the second pair turns by 0.01 a position, coefficients (256, 3). */
    @Test
    void theSecondPairTurnsAHundredTimesSlower() {
        // row 0: angles 0, 0: unchanged
        // row 1, pair 0, angle 1 (138, 215), (256, 256): (138 - 215) 256/256 = -77, (215 + 138) = 353
        // row 1, pair 1, angle 0.01 (256, 3), (128, -384): (256*128 + 3*384)/256 = 33920/256 = 132.5 -> 133,
        //        (3*128 - 256*384)/256 = -97920/256 = -382.5 -> -382
        ByHand.assertY("fixed(int: 4, frac: 8)", "input X: [2, 4]; output Y = rope(X);",
                Map.of("X", new long[] {100, -200, 300, -400, 256, 256, 128, -384}),
                new long[] {100, -200, 300, -400, -77, 353, 133, -382});
    }
}
