package tc0.circuits.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * levels.cu is CUDA that NVIDIA's compiler accepts: nvcc (where installed; it needs no GPU) compiles it to PTX
 * for Hopper, both kernels visible under their C names, as NVRTC must at run time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LevelsSourceTest {
    @TempDir
    Path dir;

    @Test
    void nvccCompilesTheKernelsToPtx() throws Exception {
        Path ptx = dir.resolve("levels.ptx");
        Process p;
        try {
            p = new ProcessBuilder("nvcc", "-ptx", "-arch=compute_90", "-o", ptx.toString(),
                    Path.of("src/main/resources/tc0/circuits/gpu/levels.cu").toAbsolutePath().toString())
                    .redirectErrorStream(true).start();
        } catch (IOException noNvcc) {
            Assumptions.abort("skipped: no nvcc to compile levels.cu with: " + noNvcc.getMessage());
            return;
        }
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        String text = Files.readString(ptx);
        assertTrue(text.contains(".entry tc0_levels(") && text.contains(".entry tc0_gather("), "entries missing from the PTX");
        assertTrue(text.contains("bar.sync"), "the barrier between fused levels is gone");
    }
}
