package tc0.circuits.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.eval.BitParallelEvaluator;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BackendTest {

    /** Why this machine has no GPU, or a skip where it has one (then the fallback cannot be seen). */
    private static String noGpu() {
        try {
            GpuEvaluator.open();
        } catch (GpuUnavailableException e) {
            return e.getMessage();
        }
        Assumptions.abort("skipped: a CUDA device is here, so there is no fallback to see");
        return null;
    }

    @Test
    void aMissingDriverLibraryIsNamed() {
        var e = assertThrows(GpuUnavailableException.class, () -> CudaDriver.open("libcuda-not-here.so.1"));
        assertEquals("no CUDA: the driver library libcuda-not-here.so.1 was not found (no NVIDIA driver installed)", e.getMessage());
    }

    @Test
    void withoutAGpuAutoRunsOnTheCpuAndSaysWhyOnce() {
        String why = noGpu();
        List<String> said = new ArrayList<>();
        assertInstanceOf(BitParallelEvaluator.class, Backend.auto.evaluator(2, said::add));
        assertEquals(List.of(why), said);
        assertTrue(why.contains("CUDA") || why.contains("GPU"), why);
    }

    @Test
    void withoutAGpuTheGpuBackendRefusesWithTheReason() {
        String why = noGpu();
        var e = assertThrows(GpuUnavailableException.class, () -> Backend.gpu.evaluator(2, s -> {}));
        assertEquals(why, e.getMessage());
    }

    @Test
    void theCpuBackendIsTheBitParallelEvaluatorWithTheGivenThreads() {
        var e = assertInstanceOf(BitParallelEvaluator.class, Backend.cpu.evaluator(3, s -> {}));
        assertEquals(3, e.threads());
    }
}
