package tc0.compiler.lower;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Resampling whose division passes a long (the divisor {@code D 2^Fx} past 2^62, the row pass's numerator past 2^63),
 * as VAR and FlowAR meet it at n = 2^20 ({@code D = 2^42}, {@code Fx = 26}): here with 53 fraction bits and
 * {@code D = 32^2} (the divisor 2^63) or a 3 x 3 downsample's 36 (a 63-bit numerator), small enough to build. Refused before ("needs more than 63 bits"); now SPLIT over exact numbers
 * ({@code DivideWords.buildWords}), bit for bit the reference interpreter's codes on edge and random inputs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WideResampleLoweringTest {
    @Test
    void upsampleAndDownsampleWithDivisorsPastALong() {
        TensorIrToCircuitTest.assertExact(TensorIrToCircuitResampleTest.program("fixed(int: 2, frac: 53)",
                "input X: [2, 2]; output U = upsample(X, to: [16, 16], mode: bilinear); output V = upsample(X, to: [16, 2], mode: bilinear);"));
        TensorIrToCircuitTest.assertExact(TensorIrToCircuitResampleTest.program("fixed(int: 3, frac: 53)",
                "input X: [7, 6, 2]; output D = downsample(X, to: [3, 4], mode: bilinear);"));
    }
}
