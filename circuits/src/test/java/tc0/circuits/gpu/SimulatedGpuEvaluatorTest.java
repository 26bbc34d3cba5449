package tc0.circuits.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.Evaluator;
import tc0.circuits.eval.EvaluatorContract;
import tc0.circuits.eval.ScalarEvaluator;

/** The GPU's arrays, batches and launches, its kernels run in Java: the whole evaluator contract. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SimulatedGpuEvaluatorTest extends EvaluatorContract {
    @Override
    protected Evaluator evaluator(int threads) {
        return new SimulatedGpuEvaluator();
    }

    /**
     * Banks of comparators (one weighted sum, many thresholds, some constant, some dead, some AND- or
     * OR-like, others read by later banks) are one counted sum each, compared once per live gate; the outputs
     * must be the scalar reference's whatever the batch and block sizes.
     */
    @Test
    void banksOfComparatorsCountTheirSumOnceAndStayExact() {
        var rnd = new SplittableRandom(23);
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 12);
        List<Integer> nodes = new ArrayList<>(), outs = new ArrayList<>();
        for (int lit : x) nodes.add(lit);
        for (int bank = 0; bank < 60; bank++) {
            int n = 2 + rnd.nextInt(8);
            int[] lits = new int[n];
            long[] w = new long[n];
            long max = 0, min = 0;
            boolean unit = rnd.nextInt(3) == 0;
            for (int i = 0; i < n; i++) {
                lits[i] = nodes.get(rnd.nextInt(nodes.size())) ^ (rnd.nextInt(4) == 0 ? 1 : 0);
                w[i] = (rnd.nextBoolean() ? 1 : -1) * (unit ? 3 : 1 + rnd.nextInt(40));
                if (w[i] > 0) max += w[i]; else min += w[i];
            }
            int k = 1 + rnd.nextInt(12);
            long[] t = new long[k];
            for (int j = 0; j < k; j++) t[j] = min - 2 + rnd.nextLong(max - min + 5);
            int[] got = new int[k];
            b.gates(lits, w, n, t, k, got);
            for (int lit : got) {
                if (rnd.nextInt(4) != 0) outs.add(lit);
                if (lit > 1) nodes.add(lit);
            }
        }
        b.outputBus("y", outs.stream().mapToInt(Integer::intValue).toArray());
        Circuit c = b.build();
        KernelArrays a = KernelArraysCompiler.compile(c);
        int shared = 0;
        for (int o = 0; o < a.operations(); o++) shared += a.opOut()[o + 1] - a.opOut()[o] - 1;
        assertTrue(shared > 50, "comparators sharing a sum: " + shared);
        BitMatrix in = BitMatrix.random(c.inputCount(), 3000, 24);
        BitMatrix expected = new ScalarEvaluator().evaluate(c, in);
        assertEquals(expected, new SimulatedGpuEvaluator().evaluate(c, in));
        assertEquals(expected, new SimulatedGpuEvaluator(2048, new LaunchPlan(1 << 20, 32, 32)).evaluate(c, in));
    }

    /**
     * The contract again on a device that holds a few words per batch, with launches of 32 threads, tiles of
     * one word and levels of more than 32 operations launched alone over several blocks: every batch
     * boundary, fused run and grid shape the small circuits can produce.
     */
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    static class SmallBatchesAndBlocksTest extends EvaluatorContract {
        @Override
        protected Evaluator evaluator(int threads) {
            return new SimulatedGpuEvaluator(4096, new LaunchPlan(1 << 20, 32, 32));
        }
    }
}
