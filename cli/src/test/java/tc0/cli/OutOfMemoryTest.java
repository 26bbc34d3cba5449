package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spent heap is one line and exit 3 (not 2: the input is not at fault), never a stack trace, with advice for
 * the mode the user is in: in a JVM of its own with a small heap.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class OutOfMemoryTest {
    @TempDir
    Path dir;

    /** Runs tc0 with {@code args} in a JVM of {@code heap}; its exit code and standard error. */
    static Cli inHeap(String heap, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "tc0.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Cli(p.exitValue(), "", err);
    }

    @Test
    void countingPastTheHeapSaysHowToGetAroundButNotByCounting() throws Exception {
        Cli r = inHeap("24m", "sweep", "../examples/var.tc0", "--n", "4,65536", "--count-only"); // n = 65536 does not fit 24 MB (2048 does since its reshapes are held factored)
        assertEquals(ExitCodes.OUT_OF_MEMORY, r.exitCode(), r.err());
        assertEquals(3, r.exitCode(), "the documented code");
        assertTrue(r.err().startsWith("tc0: out of memory (heap "), r.err());
        assertTrue(r.err().contains("TC0_JAVA_OPTS=-Xmx") && r.err().contains("smaller n"), r.err());
        assertFalse(r.err().contains("--count-only"), "it is on already: " + r.err());
        assertTrue(r.saysOneLineError(), "no stack trace: " + r.err());
    }

    /** Past the size guard on purpose (--max-gates far above the heap): the build runs out, exit 3, and counting is offered. */
    @Test
    void buildingPastTheHeapIsExitThreeToo() throws Exception {
        Cli r = inHeap("48m", "compile", "../examples/gin.tc0", "--set", "n=64", "--max-gates", "1000000000", "-o", dir.resolve("g.tc0c").toString());
        assertEquals(ExitCodes.OUT_OF_MEMORY, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("tc0: ../examples/gin.tc0 (n=64, d=4, layers=2): out of memory (heap "), r.err());
        assertTrue(r.err().contains("TC0_JAVA_OPTS=-Xmx") && r.err().contains("'tc0 sweep --count-only' to count without building"), r.err());
        assertTrue(r.saysOneLineError(), "no stack trace: " + r.err());
    }
}
