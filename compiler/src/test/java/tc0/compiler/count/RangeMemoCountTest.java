package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.gadgets.RangeMemo;
import tc0.compiler.ir.TensorProgram;
import tc0.dsl.Dsl;

/**
 * A causal model of two and three layers: each later layer's {@code P @ V} rows taken from the first layer's range
 * ({@link RangeMemo}, the family one count on and many levels up) count as with the memo off (every range swept) and
 * as row by row (ranges off, {@code CausalRangeTest}'s reference): depth, gates, wires and width.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RangeMemoCountTest {
    private static final String SPEC = MaskedCountTest.CAUSAL;

    private static CountedCost count(String spec, long n, boolean memo, boolean ranges) {
        TensorProgram p = Elaborator.elaborate(Dsl.check(spec, "t.tc0").orElseThrow(), Map.of("n", n));
        boolean was = TriangleProduct.RANGES;
        String prop = System.getProperty("tc0.count.rangeMemo");
        TriangleProduct.RANGES = ranges;
        System.setProperty("tc0.count.rangeMemo", String.valueOf(memo));
        try {
            return TensorIrToCost.summaryOnly(p, 2);
        } finally {
            TriangleProduct.RANGES = was;
            if (prop == null) System.clearProperty("tc0.count.rangeMemo"); else System.setProperty("tc0.count.rangeMemo", prop);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {70, 130, 300, 1000})
    void laterLayersTakenFromTheFirstCountAsSwept(long n) {
        for (int layers : new int[] {2, 3}) {
            String spec = SPEC.replace("layers = 2", "layers = " + layers);
            long before = RangeMemo.TAKEN.sum();
            CountedCost memo = count(spec, n, true, true);
            long taken = RangeMemo.TAKEN.sum() - before;
            CountedCost swept = count(spec, n, false, true);
            assertEquals(swept, memo, "n " + n + ", " + layers + " layers");
            if (n <= 300) assertEquals(count(spec, n, false, false), memo, "n " + n + ", " + layers + " layers, row by row");
            assertTrue(taken >= (layers - 1) * (n - 10), "rows taken from the memo at n " + n + ", " + layers + " layers: " + taken);
        }
    }
}
