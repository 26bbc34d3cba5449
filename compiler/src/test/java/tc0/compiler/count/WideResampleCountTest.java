package tc0.compiler.count;

import static tc0.compiler.count.CountAsserts.assertCounted;
import static tc0.compiler.count.CountAsserts.program;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Counted = built for resampling whose division passes a long (SPLIT over exact numbers, the route VAR and FlowAR
 * take at n = 2^20), at 53 fraction bits where it can still be built: column and row passes, direct
 * stencils beside borders, a downsample, an upsample of an upsample passing literals through.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WideResampleCountTest {
    @Test
    void resamplingPastALongCountedAsBuilt() {
        assertCounted(program("model m() { precision fixed(int: 2, frac: 53); ",
                "input X: [2, 2]; output U = upsample(X, to: [16, 16], mode: bilinear); output V = upsample(X, to: [16, 2], mode: bilinear);"));
        assertCounted(program("model m() { precision fixed(int: 3, frac: 53); ",
                "input X: [7, 6, 2]; output D = downsample(X, to: [3, 4], mode: bilinear);"));
        assertCounted(program("model m() { precision fixed(int: 2, frac: 53); ",
                "input X: [2, 2]; let U = upsample(X, to: [6, 6], mode: bilinear); output Y = downsample(U, to: [3, 3], mode: bilinear);"));
    }
}
