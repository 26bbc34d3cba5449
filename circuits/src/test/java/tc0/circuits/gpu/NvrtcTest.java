package tc0.circuits.gpu;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real NVRTC through the hand-written downcalls, where one is installed (it needs no GPU: e.g. the
 * nvidia-cuda-nvrtc wheel, pointed at with TC0_NVRTC): levels.cu compiles to PTX for Hopper, and a broken
 * source gives NVRTC's log.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NvrtcTest {
    private static Nvrtc nvrtc() {
        try {
            return Nvrtc.open();
        } catch (GpuUnavailableException e) {
            Assumptions.abort("skipped: no NVRTC library: " + e.getMessage());
            throw e;
        }
    }

    @Test
    void theKernelCompilesToPtxForHopper() {
        String ptx = new String(nvrtc().compile(CudaRunner.SOURCE, "sm_90"), StandardCharsets.US_ASCII);
        assertTrue(ptx.contains(".target sm_90"), ptx.lines().limit(20).toList().toString());
        assertTrue(ptx.contains(".entry tc0_levels(") && ptx.contains(".entry tc0_gather(") && ptx.contains("bar.sync"),
                "kernels or barrier missing");
        assertTrue(ptx.endsWith("\0"), "cuModuleLoadData reads PTX up to its NUL");
    }

    @Test
    void aBrokenSourceGivesNvrtcsLog() {
        Nvrtc nvrtc = nvrtc();
        var e = assertThrows(IllegalStateException.class,
                () -> nvrtc.compile(CudaRunner.SOURCE.replace("u64 greater = 0, equal = ~0ULL;", "u64 greater = 0, equal = ~0ULL"), "sm_90"));
        assertTrue(e.getMessage().contains("NVRTC_ERROR_COMPILATION") && e.getMessage().contains("levels.cu("), e.getMessage());
    }

    @Test
    void aMissingLibraryIsNamed() {
        var e = assertThrows(GpuUnavailableException.class, () -> Nvrtc.open(List.of("libnvrtc-not-here.so")));
        assertTrue(e.getMessage().contains("libnvrtc-not-here.so") && e.getMessage().contains("TC0_NVRTC"), e.getMessage());
    }
}
