package tc0.circuits.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A write's partial file: recognisable, gone after the write, and the leftovers of killed runs removed by the next write. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PartialFilesTest {
    @TempDir
    Path dir;

    @Test
    void aWriteLeavesOnlyItsTargetAndNamesItsPartialFileRecognisably() throws IOException {
        Path target = dir.resolve("c.aag");
        CircuitFiles.writeAtomically(target, out -> {
            try (var files = Files.list(dir)) {
                Path partial = files.filter(p -> !p.equals(target)).findFirst().orElseThrow();
                String name = partial.getFileName().toString();
                assertTrue(name.startsWith(".c.aag.tc0-partial-" + ProcessHandle.current().pid() + "-"), name);
                assertTrue(Format.byFileName(name).isEmpty(), "no circuit file's extension: " + name);
            }
            out.write("hello".getBytes(StandardCharsets.US_ASCII));
        });
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of(target), files.toList());
        }
        assertEquals("hello", Files.readString(target));
    }

    @Test
    void theNextWriteRemovesLeftoversOfDeadRunsOnlyForItsTarget() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        Process running = new ProcessBuilder("sleep", "30").start();
        try {
            Path dead = Files.writeString(dir.resolve(".c.tc0c.tc0-partial-" + exited.pid() + "-x1"), "half");
            Path alive = Files.writeString(dir.resolve(".c.tc0c.tc0-partial-" + running.pid() + "-x2"), "half");
            // the same process id, but the file is older than the process: a killed run's, the id since reused
            Path reused = Files.writeString(dir.resolve(".c.tc0c.tc0-partial-" + running.pid() + "-x3"), "half");
            Files.setLastModifiedTime(reused, FileTime.fromMillis(0));
            Path otherTarget = Files.writeString(dir.resolve(".d.tc0c.tc0-partial-" + exited.pid() + "-x4"), "half");
            Path notOurs = Files.writeString(dir.resolve(".c.tc0c.tc0-partial-notapid"), "half");

            CircuitFiles.writeAtomically(dir.resolve("c.tc0c"), out -> out.write(1));

            assertFalse(Files.exists(dead), "a dead run's leftover is removed");
            assertFalse(Files.exists(reused), "a leftover older than the process now holding its id is removed");
            assertTrue(Files.exists(alive), "a running writer's file is kept");
            assertTrue(Files.exists(otherTarget), "another target's leftovers are not this write's business");
            assertTrue(Files.exists(notOurs), "a file tc0 did not name is kept");
        } finally {
            running.destroyForcibly();
        }
    }
}
