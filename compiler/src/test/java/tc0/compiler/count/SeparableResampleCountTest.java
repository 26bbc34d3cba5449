package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc0.compiler.count.CountAsserts.assertCounted;
import static tc0.compiler.count.CountAsserts.program;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Counted = built for upsamples summed separably (an exact column pass shared by the output rows reading a
 * source row, then one division per element: {@code ResampleLowering.lower}), where counting groups the
 * row pass by column classes: borders, single-tap rows and columns, channels, constant words beside inputs,
 * and operands that copy one element to several positions (those stencils stay one form).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SeparableResampleCountTest {
    private static final String P5 = "model m() { precision fixed(int: 5, frac: 4); ";

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void upsamplesOfInputsAndComputedValues(int rounds) {
        assertCounted(program("input X: [3, 3, 2]; output Y = upsample(X, to: [12, 11], mode: bilinear);"), rounds);
        assertCounted(program(P5, "input X: [2, 3]; output Y = upsample(relu(X) * 0.75, to: [9, 16], mode: bilinear);"), rounds);
        assertCounted(program(P5, "input X: [4, 2, 3]; output Y = upsample(X, to: [13, 7], mode: bilinear);"), rounds);
    }

    @Test
    void columnsBesideZerosAndBits() {
        // Column passes over an input word and a zero word, or a bit, give other classes: other column classes.
        assertCounted(program("input X: [3, 2]; output Y = upsample(concat(X, zeros([3, 2]), axis: 1), to: [10, 15], mode: bilinear);"));
        assertCounted(program("input X: [2, 3]; output Y = upsample(concat(zeros([1, 3]), X, axis: 0), to: [11, 9], mode: bilinear);"));
        assertCounted(program("input A: [3, 3] bit; output Y = upsample(A, to: [8, 10], mode: bilinear);"));
    }

    @Test
    void anUpsampleOfCopies() {
        // U copies its source's elements at its borders (and everywhere from a 1 x 1 map): a stencil of Y whose
        // taps copy one element is one form, the others are separable.
        assertCounted(program(P5, "input X: [2, 2, 2]; let U = upsample(relu(X), to: [3, 3], mode: bilinear);"
                + " output Y = upsample(U, to: [7, 8], mode: bilinear); output V = U;"));
        assertCounted(program("input X: [1, 1, 2]; let U = upsample(X, to: [3, 3], mode: bilinear);"
                + " output Y = upsample(U, to: [7, 7], mode: bilinear); output V = U;"));
    }

    @Test
    void anUpsampleReadInPartByADownsample() {
        assertCounted(program(P5, "input X: [3, 3, 2]; let U = upsample(X * 0.5, to: [16, 16], mode: bilinear);"
                + " output Y = downsample(U, to: [3, 3], mode: bilinear);"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // one division per weighting took ~11 M closed sums here (about 10 min)
    void aLargeUpsampleCountsInSecondsAtTheDepthOfASmallOne() {
        // VAR's write-back at n = 4096: (2n/3)^2 distinct two-by-two weightings, one division each before; now one
        // column pass per column weighting and one row pass per (row weighting, column class).
        String body = "input X: [3, 3, 4]; output Y = upsample(relu(X), to: [%d, %d], mode: bilinear);";
        CountedCost small = assertCounted(program(P5, body.formatted(16, 16)));
        CountedCost large = TensorIrToCost.summaryOnly(program(P5, body.formatted(4096, 4096)), 2);
        assertEquals(small.depth(), large.depth());
        assertTrue(large.gates().compareTo(small.gates()) > 0);
    }
}
