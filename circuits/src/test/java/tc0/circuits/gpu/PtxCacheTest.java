package tc0.circuits.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PtxCacheTest {
    @TempDir
    Path dir;

    private final List<String> compiled = new ArrayList<>();

    private byte[] compile(String source, String arch) {
        compiled.add(arch + ":" + source);
        return ("ptx of " + source + " for " + arch).getBytes();
    }

    @Test
    void aKernelIsCompiledOncePerSourceAndArchitecture() {
        var cache = new PtxCache(dir.resolve("ptx"));
        byte[] first = cache.get("kernel A", "sm_90", this::compile);
        assertArrayEquals(first, new PtxCache(dir.resolve("ptx")).get("kernel A", "sm_90", this::compile), "a new process reads the file");
        cache.get("kernel A", "sm_80", this::compile);
        cache.get("kernel B", "sm_90", this::compile);
        assertEquals(List.of("sm_90:kernel A", "sm_80:kernel A", "sm_90:kernel B"), compiled);
        assertNotEquals(cache.file("kernel A", "sm_90"), cache.file("kernel B", "sm_90"));
    }

    @Test
    void aCacheThatCannotBeWrittenStillGivesTheKernel() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        var cache = new PtxCache(notAFolder.resolve("ptx"));
        assertArrayEquals("ptx of k for sm_90".getBytes(), cache.get("k", "sm_90", this::compile));
        cache.get("k", "sm_90", this::compile);
        assertEquals(2, compiled.size(), "nothing stored, so compiled each time");
    }

    @Test
    void theKernelSourceShipsWithTheClasses() {
        String source = CudaRunner.SOURCE;
        for (String kernel : new String[] {"tc0_levels", "tc0_gather"}) {
            assertTrue(java.util.regex.Pattern.compile("extern \"C\" __global__ void (__launch_bounds__\\(\\d+\\) )?" + kernel + "\\(")
                    .matcher(source).find(), kernel);
        }
    }
}
