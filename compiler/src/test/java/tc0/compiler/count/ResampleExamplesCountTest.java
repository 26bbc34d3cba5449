package tc0.compiler.count;

import static tc0.compiler.count.CountAsserts.assertCounted;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.ir.TensorProgram;

/**
 * The resampling examples at their smallest parameters (n = 4, one scale of real stencils, one channel),
 * counted = built without hashing: a downsample reading copies of one element, an upsample read in part by
 * the next scale's downsample, a one-token attention whose scores nothing reads. The full n = 4 examples are
 * in {@link ExamplesCountTest}'s heavy set.
 */
class ResampleExamplesCountTest {
    @Test
    void varAndFlowarAtTheirSmallestParameters() {
        assertCounted(example("var.tc0", Map.of("n", 4L, "d", 1L, "scales", 2L)));
        assertCounted(example("flowar.tc0", Map.of("n", 4L, "c", 1L, "scales", 2L, "steps", 1L)));
    }

    static TensorProgram example(String file, Map<String, Long> params) {
        return Elaborator.elaborate(Specs.check(Specs.examples().resolve(file), params), params);
    }
}
