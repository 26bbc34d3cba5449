package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc0.compiler.count.CountAsserts.assertCounted;
import static tc0.compiler.count.CountAsserts.program;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tables counted from their shape (step ranges and strides, no code listed): a lookup over 2^20 codes counts
 * what the builder builds from the whole table, and the same function over 2^32 and 2^34 codes (softmax_transformer's
 * and mamba's words at n = 2^20) counts, at the lookup's depth of every width.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WideTableCountTest {
    private static final String BODY = "input X: [1, 2]; output Y = %s(X);";

    private static tc0.compiler.ir.TensorProgram at(int intBits, int fracBits, String fn) {
        return program("model m() { precision fixed(int: " + intBits + ", frac: " + fracBits + "); ", BODY.formatted(fn));
    }

    /** As counting elaborates (tables past what is built are left to the count). */
    private static tc0.compiler.ir.TensorProgram forCounting(int intBits, int fracBits, String fn) {
        String src = "model m() { precision fixed(int: " + intBits + ", frac: " + fracBits + "); " + BODY.formatted(fn) + " }";
        return tc0.compiler.elaborate.Elaborator.elaborate(tc0.dsl.Dsl.check(src, "t.tc0").orElseThrow(), java.util.Map.of(), true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gelu", "silu", "softplus"})
    void aLookupOver2To20CodesCountsWhatIsBuilt(String fn) {
        assertCounted(at(4, 16, fn), 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gelu", "silu", "softplus", "sigmoid", "tanh"})
    void theExamplesWordsAtAMillionCount(String fn) {
        CountedCost small = TensorIrToCost.summaryOnly(at(4, 16, fn), 2);
        for (int[] format : new int[][] {{8, 24}, {6, 28}}) {
            CountedCost big = TensorIrToCost.summaryOnly(forCounting(format[0], format[1], fn), 2);
            assertEquals(small.depth(), big.depth(), fn + " at " + java.util.Arrays.toString(format));
            assertTrue(big.gates().compareTo(small.gates()) > 0, fn + ": " + big + " vs " + small);
        }
    }
}
