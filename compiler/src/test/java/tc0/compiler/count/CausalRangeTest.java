package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.ir.TensorProgram;
import tc0.dsl.Dsl;

/**
 * A causal {@code P @ V}'s rows counted in ranges of their family ({@link TriangleProduct}'s ranges: {@link DotRange},
 * {@link RowFamily#range}) against the same products counted row by row (ranges off, each row's dot by itself; that
 * path is checked against the rows built in {@link RowFamilyTest} and {@link MaskedCountTest}): the whole model's
 * depth, gates, wires and width (both layers: rows of one pair kind, and the first pair apart), a mask whose rows
 * shrink as the cut moves (no range), and enough rows for many of them in ranges.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CausalRangeTest {
    /** MaskedCountTest's causal model with its mask left open. */
    private static final String SPEC = MaskedCountTest.CAUSAL.replace("tril(m)", "MASK");

    private static CountedCost count(String spec, long n, boolean ranges) {
        TensorProgram p = Elaborator.elaborate(Dsl.check(spec, "t.tc0").orElseThrow(), Map.of("n", n));
        boolean was = TriangleProduct.RANGES;
        TriangleProduct.RANGES = ranges;
        try {
            return TensorIrToCost.summaryOnly(p, 2);
        } finally {
            TriangleProduct.RANGES = was;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 5, 17, 64, 130, 300})
    void rangesCountAsTheRowsOneByOne(long n) {
        for (String mask : new String[] {"tril(m)", "triu(m)"}) { // triu: rows shrink as the cut moves, no range holds
            String spec = SPEC.replace("MASK", mask);
            long before = TriangleProduct.ROWS_IN_RANGES.sum();
            CountedCost ranged = count(spec, n, true);
            long inRanges = TriangleProduct.ROWS_IN_RANGES.sum() - before;
            CountedCost byRow = count(spec, n, false);
            assertEquals(byRow, ranged, "n " + n + ", mask " + mask);
            if (n >= 17 && mask.startsWith("tril")) assertTrue(inRanges > n, "rows in ranges at n " + n + ", mask " + mask + ": " + inRanges);
        }
    }
}
