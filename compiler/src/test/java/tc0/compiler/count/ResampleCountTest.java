package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc0.compiler.count.CountAsserts.assertCounted;
import static tc0.compiler.count.CountAsserts.program;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Counted = built for upsample and downsample: both modes, several ratios, inputs, constants and computed operands. */
class ResampleCountTest {
    private static final String P5 = "model m() { precision fixed(int: 5, frac: 4); ";

    @ParameterizedTest
    @ValueSource(strings = {"nearest", "bilinear"})
    void upsampleOfAnInput(String mode) {
        assertCounted(program("input X: [2, 3, 2]; output Y = upsample(X, to: [4, 6], mode: " + mode + ");"));
        assertCounted(program("input X: [3, 2]; output Y = upsample(X, to: [7, 5], mode: " + mode + ");"));
        assertCounted(program("input X: [1, 1, 3]; output Y = upsample(X, to: [4, 4], mode: " + mode + ");"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nearest", "bilinear"})
    void downsampleOfAnInput(String mode) {
        assertCounted(program("input X: [8, 8, 2]; output Y = downsample(X, to: [2, 4], mode: " + mode + ");"));
        assertCounted(program("input X: [7, 5]; output Y = downsample(X, to: [3, 2], mode: " + mode + ");"));
        assertCounted(program("input X: [4, 4, 1]; output Y = downsample(X, to: [1, 1], mode: " + mode + ");"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nearest", "bilinear"})
    void resampleOfComputedValues(String mode) {
        assertCounted(program(P5, "input X: [3, 4, 2]; weight W: [2, 2] = random(seed: 5);"
                + " output Y = upsample(relu(X) * 0.75, to: [5, 8], mode: " + mode + ");"));
        // The product is also an output, so the elements the downsample skips are not dead.
        assertCounted(program(P5, "input X: [8, 6]; weight W: [6, 6] = random(seed: 6); let A = X @ W;"
                + " output Y = downsample(A, to: [4, 3], mode: " + mode + ") + 1; output Z = A;"));
    }

    @Test
    void aComputedValueReadOnlyInPartIsRefusedBySummariesAndBuiltWhenSmall() {
        // Nearest downsampling skips rows of the product: their gates are dead, which the summary does not model.
        var p = program(P5, "input X: [8, 6]; weight W: [6, 6] = random(seed: 6); output Y = downsample(X @ W, to: [4, 3], mode: nearest);");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> TensorIrToCost.summaryOnly(p, 2));
        assertTrue(e.getMessage().contains("only in part"), e.getMessage());
        assertEquals(CountAsserts.built(p, 2, false), TensorIrToCost.count(p, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nearest", "bilinear"})
    void resampleOfConstants(String mode) {
        assertCounted(program("input X: [4, 4]; weight W: [2, 2] = random(seed: 7);"
                + " output Y = X + upsample(W, to: [4, 4], mode: " + mode + ");"));
        assertCounted(program("input X: [2, 2]; output Y = X + downsample(ones([4, 4]) * 0.5, to: [2, 2], mode: " + mode + ");"));
    }

    @Test
    void downsampleReadsPartOfAnUpsample() {
        // Most of the upsample's elements are read by nobody: the builder drops them, counting leaves them out.
        assertCounted(program(P5, "input X: [2, 2, 2]; let U = upsample(relu(X), to: [8, 8], mode: bilinear);"
                + " output Y = downsample(U, to: [4, 4], mode: bilinear);"));
        assertCounted(program(P5, "input X: [2, 3]; let U = upsample(X * 0.5, to: [8, 9], mode: bilinear);"
                + " output Y = downsample(U, to: [2, 3], mode: nearest);"));
    }

    @Test
    void downsampleReadsCopiesOfOneElement() {
        // The upsample of a 1 x 1 map copies one element everywhere: the downsample's four taps are one element.
        assertCounted(program("input X: [1, 1, 2]; input Z: [2, 2, 2]; let U = upsample(X, to: [4, 4], mode: bilinear);"
                + " output Y = downsample(U, to: [2, 2], mode: bilinear) + Z; output V = U;"));
        assertCounted(program(P5, "input X: [2, 2]; let U = upsample(relu(X), to: [8, 8], mode: bilinear);"
                + " output Y = downsample(U, to: [4, 4], mode: bilinear);"));
    }
}
