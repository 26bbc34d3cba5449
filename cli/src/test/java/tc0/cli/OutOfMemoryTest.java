package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A spent heap is one line and exit 2, never a stack trace: in a JVM of its own with a small heap. */
class OutOfMemoryTest {
    @Test
    void countingPastTheHeapSaysHowToGetAround() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(List.of(java, "-Xmx24m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "tc0.cli.Main", "sweep", "../examples/var.tc0", "--n", "4,4096", "--count-only"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.startsWith("tc0: out of memory (heap "), err);
        assertTrue(err.contains("TC0_JAVA_OPTS=-Xmx"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }
}
