package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc0.compiler.count.CountAsserts.assertCounted;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.circuits.analysis.CircuitStats;
import tc0.circuits.analysis.RegionBreakdown;
import tc0.circuits.analysis.RegionStats;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.TensorIrToCircuit;

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

    /**
     * var at n = 4 with both of its scales (2 x 2 and 3 x 3; one channel instead of 4, the same structure in a
     * quarter of the gates): counted = built without hashing, exactly. The hashed circuit is shallower (204
     * against 225 levels; 241 against 263 with 4 channels) for one reason: the 2 x 2 scale's four tokens are
     * copies of R0 (a 1 x 1 map upsampled, then downsampled), built as four copies of the same gates, which
     * hashing merges. Then every score of a row is one node, so the softmax's comparisons of a score with itself
     * fold to constants, its output is the constant 1/4, and the scores, their scaling and the softmax are read
     * by nothing: the attention's path is only the value projection and the constant mix. The 3 x 3 scale's
     * tokens differ, and its depth is the same either way.
     */
    @Test
    void varAtNFourCountsTheUnhashedBuildAndHashingFoldsTheFirstScalesUniformAttention() {
        TensorProgram p = example("var.tc0", Map.of("n", 4L, "d", 1L));
        CountedCost counted = TensorIrToCost.summaryOnly(p, 2);
        Circuit unhashed = TensorIrToCircuit.lower(p, 2, false).circuit();
        assertEquals(CountedCost.of(CircuitStats.of(unhashed)), counted, "counted vs built without hashing");
        RegionBreakdown u = RegionBreakdown.of(unhashed);
        unhashed = null; // the unhashed build (18 M wires) need not stay while the hashed one is built
        Circuit hashed = TensorIrToCircuit.lower(p, 2, true).circuit();
        RegionBreakdown h = RegionBreakdown.of(hashed);
        assertTrue(CountedCost.of(CircuitStats.of(hashed)).atMost(counted));

        String first = "s[1]/var_scale_step/l[0]/transformer_block/attention", second = "s[2]/var_scale_step";
        assertTrue(u.find(first + "/softmax").orElseThrow().gates() > 0);
        assertTrue(h.find(first + "/softmax").isEmpty(), "the first scale's softmax folds to a constant when hashed");
        assertTrue(h.find(first + "/scale").isEmpty(), "nothing reads the first scale's scaled scores when hashed");
        assertEquals(depth(u, second), depth(h, second), "the second scale's tokens differ: hashing does not shorten it");
        assertEquals(depth(u, first) - depth(h, first), counted.depth() - CircuitStats.of(hashed).depth(),
                "the whole depth difference is the first scale's attention");
    }

    private static int depth(RegionBreakdown b, String path) {
        return b.find(path).map(RegionStats::depth).orElseThrow();
    }

    static TensorProgram example(String file, Map<String, Long> params) {
        return Elaborator.elaborate(Specs.check(Specs.examples().resolve(file), params), params);
    }
}
