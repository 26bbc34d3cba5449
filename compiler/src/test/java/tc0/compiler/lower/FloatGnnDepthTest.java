package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.count.TensorIrToCost;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.gadgets.WeightedSum;

/**
 * #17's line "a GNN ... counts to n = 256 with constant depth": the float GIN (examples/float/gin.tc0, p = n) has one
 * depth at every n, n = 4 included (its weights, rounded to p = n bits, have fewer set bits at small n; its sums'
 * terms are relu's outputs). Counted, each distinct element once (about a second each to n = 32); n = 64 .. 256 are
 * recorded runs of `tc0 stats --count-only` (docs/NUMERICS.md).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FloatGnnDepthTest {
    static TreeMap<Integer, java.util.List<Long>> depths(String model, long... ns) {
        TreeMap<Integer, java.util.List<Long>> byDepth = new TreeMap<>();
        for (long n : ns) {
            int d = TensorIrToCost.count(Specs.example("float/" + model, Map.of("n", n)), WeightedSum.DEFAULT_ROUNDS).depth();
            byDepth.computeIfAbsent(d, k -> new java.util.ArrayList<>()).add(n);
        }
        return byDepth;
    }

    @Test
    void theFloatGinHasOneDepthFromFourToThirtyTwo() {
        TreeMap<Integer, java.util.List<Long>> d = depths("gin", 4, 8, 16, 32);
        assertEquals(1, d.size(), "depths by n: " + d);
    }
}
