package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.analysis.RegionBreakdown;
import tc0.circuits.analysis.RegionStats;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.interp.InputGenerator;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.testing.BitExact;

/**
 * examples/mamba.tc0 is Def. 3.24 of arXiv 2412.06148 block by block: each block is a region of the paper's name
 * with gates of its own, and the model is causal on the circuit (the convolution pads before the start and the
 * scan runs forward): position t's output does not change when a later position's input does, and does change
 * when the one before it turns to its opposite (through the convolution, and the skip term D x).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MambaBlocksTest {
    static final int N = 4, D = 4;

    static Lowered mamba() {
        return TensorIrToCircuit.lower(Specs.example("mamba", Map.of("n", (long) N, "layers", 1L)));
    }

    @Test
    void everyBlockOfDefinition324IsARegionWithGates() {
        RegionBreakdown b = RegionBreakdown.of(mamba().circuit());
        for (String block : List.of("in_proj", "conv1d", "silu", "selection", "selection#2", "selection#3", "softplus",
                "discretisation", "discretisation#2", "scan", "gate", "gate/silu", "out_proj")) {
            long gates = b.find("l[0]/mamba_block/" + block).map(RegionStats::gates).orElse(0L);
            assertTrue(gates > 0, "no gates in region l[0]/mamba_block/" + block);
        }
        assertTrue(b.find("l[0]/mamba_block/scan/scanexp").isPresent(), "the scan block is not the constant-depth scanexp");
    }

    @Test
    void anOutputSeesEarlierPositionsAndNoLaterOne() {
        Lowered l = mamba();
        TensorProgram p = l.program();
        List<Map<String, long[]>> sets = new ArrayList<>();
        int seeds = 5, reached = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            Map<String, long[]> base = InputGenerator.generate(p, InputGenerator.Kind.RANDOM_UNIT, seed);
            sets.add(withRow(base, N - 2, 1));
            sets.add(withRow(base, N - 2, -1));
            sets.add(withRow(withRow(base, N - 2, 1), N - 1, 1));
        }
        BitExact.assertBitExact(l, sets);
        BitMatrix out = new BitParallelEvaluator(1).evaluate(l.circuit(), l.encode(sets));
        for (int s = 0; s < seeds; s++) {
            long[] y = l.decode(out, 3 * s).get("Y"), opposite = l.decode(out, 3 * s + 1).get("Y"), later = l.decode(out, 3 * s + 2).get("Y");
            assertArrayEquals(Arrays.copyOf(y, (N - 1) * D), Arrays.copyOf(later, (N - 1) * D),
                    "changing the last position changed an earlier output, seed " + (s + 1));
            assertFalse(Arrays.equals(Arrays.copyOfRange(y, (N - 1) * D, N * D), Arrays.copyOfRange(later, (N - 1) * D, N * D)),
                    "changing the last position did not change its output, seed " + (s + 1));
            if (!Arrays.equals(Arrays.copyOfRange(y, (N - 1) * D, N * D), Arrays.copyOfRange(opposite, (N - 1) * D, N * D))) reached++;
        }
        // the path from the position before runs through products of small factors and a final layer norm: on
        // some inputs its change rounds away, so it must show on most, not on every one
        assertTrue(reached >= 3, "the position before the last reached the last output on " + reached + " of " + seeds + " inputs");
    }

    /** {@code base} with X's row {@code r} set to {@code sign} times a fixed pattern (a layer norm keeps a row's pattern, not its scale; the opposite pattern normalises to the opposite). */
    static Map<String, long[]> withRow(Map<String, long[]> base, int r, int sign) {
        long[] pattern = {40, -10, 25, -55};
        Map<String, long[]> m = new LinkedHashMap<>(base);
        long[] x = base.get("X").clone();
        for (int j = 0; j < D; j++) x[r * D + j] = sign * pattern[j];
        m.put("X", x);
        return m;
    }
}
