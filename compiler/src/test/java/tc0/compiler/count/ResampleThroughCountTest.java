package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc0.compiler.count.CountAsserts.assertCounted;
import static tc0.compiler.count.CountAsserts.program;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Counted = built (without falling back to building) for a downsample of an upsample that passes some of its
 * source's literals through: the 2 x 2 -> 6 x 6 upsample copies its source at the borders and passes literals
 * through in its divisions, so the 6 x 6 -> 3 x 3 downsample's stencils read one literal twice
 * ({@link ResampleThrough}). FlowAR meets it at n = 6 and 10.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ResampleThroughCountTest {
    private static final String P5 = "model m() { precision fixed(int: 5, frac: 4); ";

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aDownsampleOfAnUpsamplePassingLiteralsThrough(int rounds) {
        assertCounted(program("input X: [2, 2, 2]; let U = upsample(X, to: [6, 6], mode: bilinear);"
                + " output Y = downsample(U, to: [3, 3], mode: bilinear);"), rounds);
        assertCounted(program("input X: [2, 2]; let U = upsample(X, to: [10, 10], mode: bilinear);"
                + " output Y = downsample(U, to: [3, 3], mode: bilinear);"), rounds);
        assertCounted(program(P5, "input X: [2, 2, 3]; let U = upsample(relu(X) * 0.75, to: [6, 10], mode: bilinear);"
                + " output Y = downsample(U, to: [3, 2], mode: bilinear);"), rounds);
    }

    @Test
    void twoDownsamplesOfOneUpsample() {
        assertCounted(program("input X: [2, 2, 2]; let U = upsample(X, to: [6, 6], mode: bilinear);"
                + " output Y = downsample(U, to: [3, 3], mode: bilinear) + downsample(U, to: [3, 3], mode: bilinear);"));
    }

    @Test
    void rowsReadTwiceStillFallBackToBuilding() {
        // 6 -> 4 reads operand row 1 from two output rows: the lowering shares its column pass, not counted here.
        var p = program("input X: [2, 2, 2]; let U = upsample(X, to: [6, 6], mode: bilinear);"
                + " output Y = downsample(U, to: [4, 4], mode: bilinear);");
        var refused = assertThrows(UnsupportedOperationException.class, () -> TensorIrToCost.summaryOnly(p, 2));
        assertTrue(refused.getMessage().contains("read one row"), refused.getMessage());
    }

    @Test
    void flowarAtSixWithOneChannelAndOneStep() {
        assertCounted(ResampleExamplesCountTest.example("flowar.tc0", Map.of("n", 6L, "c", 1L, "scales", 3L, "steps", 1L)));
    }
}
