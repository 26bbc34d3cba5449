package tc0.circuits.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.circuits.eval.Evaluator;
import tc0.circuits.eval.EvaluatorContract;
import tc0.circuits.io.CircuitFiles;

/** The CUDA evaluator: the contract and the EPFL suite on a real GPU; skipped, with the reason, without one. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class GpuEvaluatorTest extends EvaluatorContract {

    static GpuEvaluator gpu() {
        try {
            return GpuEvaluator.open();
        } catch (GpuUnavailableException e) {
            Assumptions.abort("skipped: no CUDA device: " + e.getMessage());
            throw e;
        }
    }

    private GpuEvaluator gpu;

    @BeforeEach
    void needsAGpu() {
        gpu = gpu();
    }

    @Override
    protected Evaluator evaluator(int threads) {
        return gpu;
    }

    @Test
    void everyEpflCircuitGivesTheCpuOutputsBitForBit() throws Exception {
        for (Path f : SimulatedGpuEpflTest.circuits()) {
            Circuit c = CircuitFiles.read(f);
            BitMatrix in = BitMatrix.random(c.inputCount(), 102_400 + 37, 7);
            try (BatchedProgram p = gpu.compile(c)) {
                assertEquals(new BitParallelEvaluator().evaluate(c, in), p.evaluate(in), f + " on " + gpu.device());
            }
        }
    }
}
