package tc0.circuits.gpu;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.eval.Evaluator;
import tc0.circuits.eval.EvaluatorContract;

/** The GPU's arrays, batches and launches, its kernels run in Java: the whole evaluator contract. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SimulatedGpuEvaluatorTest extends EvaluatorContract {
    @Override
    protected Evaluator evaluator(int threads) {
        return new SimulatedGpuEvaluator();
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
