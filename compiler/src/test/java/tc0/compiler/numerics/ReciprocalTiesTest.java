package tc0.compiler.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.testing.ByHand;

/**
 * The reciprocal is {@code div(1, x)} (NUMERICS.md): the exact {@code 1/x} rounded once to nearest, ties up
 * ({@code -0.5 -> 0}, {@code 0.5 -> 1}), saturated; {@code 1/0} is the largest code.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReciprocalTiesTest {

    /** Integers in, quarters out: the code of 1/x is round(4/x); ties where 8/x is odd, x = 8 and -8. */
    @Test
    void integersToQuarters() {
        FixedFormat in = FixedFormat.of(6, 0), out = FixedFormat.of(2, 2); // out codes -8..7
        long[][] xy = {
            {8, 1},    // 0.5 -> up to 1
            {-8, 0},   // -0.5 -> up to 0
            {1, 4}, {-1, -4}, {2, 2}, {-2, -2},
            {3, 1},    // 1.33 -> 1
            {-3, -1},  // -1.33 -> -1
            {5, 1},    // 0.8 -> 1
            {-5, -1},  // -0.8 -> -1
            {16, 0},   // 0.25 -> 0
            {-16, 0},  // -0.25 -> 0
            {0, 7},    // 1/0: the largest code
        };
        for (long[] p : xy) assertEquals(p[1], UnaryFunction.RECIPROCAL.apply(p[0], in, out), "1/" + p[0]);
    }

    /** Integers in, eighths out: round(8/x); ties at x = 16 and -16. */
    @Test
    void integersToEighths() {
        FixedFormat in = FixedFormat.of(6, 0), out = FixedFormat.of(2, 3);
        assertEquals(1, UnaryFunction.RECIPROCAL.apply(16, in, out));   // 0.5 -> 1
        assertEquals(0, UnaryFunction.RECIPROCAL.apply(-16, in, out));  // -0.5 -> 0
        assertEquals(3, UnaryFunction.RECIPROCAL.apply(3, in, out));    // 2.67 -> 3
        assertEquals(-3, UnaryFunction.RECIPROCAL.apply(-3, in, out));  // -2.67 -> -3
        assertEquals(2, UnaryFunction.RECIPROCAL.apply(5, in, out));    // 1.6 -> 2
        assertEquals(15, UnaryFunction.RECIPROCAL.apply(0, in, out));   // largest code
        assertEquals(8, UnaryFunction.RECIPROCAL.apply(1, in, out));
        assertEquals(-8, UnaryFunction.RECIPROCAL.apply(-1, in, out));
    }

    /**
     * {@code recip(X)} in fixed(4, 2) (quarters, codes -32..31): the code of 1/(c/4) is round(16/c),
     * saturated at 31; ties where 32/c is odd, in range only c = -32.
     */
    @Test
    void recipInASpecRoundsTiesUpInTheReferenceAndTheCircuit() {
        // c:      0   1  -1   3  -3  5   6  -6  10  -10  31  -31  -32
        // 16/c:  1/0 16 -16 5.33 -5.33 3.2 2.67 -2.67 1.6 -1.6 0.516 -0.516 -0.5
        ByHand.assertY("fixed(int: 4, frac: 2)", "input X: [1, 13]; output Y = recip(X);",
                Map.of("X", new long[] {0, 1, -1, 3, -3, 5, 6, -6, 10, -10, 31, -31, -32}),
                new long[] {31, 16, -16, 5, -5, 3, 3, -3, 2, -2, 1, -1, 0});
    }
}
