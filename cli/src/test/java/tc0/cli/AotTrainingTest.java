package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training commands ({@code -Dtc0.aot.then}): each line run as a command in this JVM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AotTrainingTest {
    @TempDir
    Path tmp;

    @Test
    void everyLineRunsAsACommand() throws Exception {
        Path a = tmp.resolve("a.tc0c"), b = tmp.resolve("b.tc0c");
        String spec = "../examples/gin.tc0";
        String then = "compile\t" + spec + "\t--set\tn=4\t-o\t" + a + "\n\ncompile\t" + spec + "\t--set\tn=2\t-o\t" + b + "\n";
        assertEquals(0, AotTraining.runThen(then));
        assertTrue(Files.size(a) > 0, "first command ran");
        assertTrue(Files.size(b) > 0, "second command ran");
    }

    @Test
    void aFailedCommandGivesItsExitCode() {
        String then = "stats\t" + tmp.resolve("missing.tc0") + "\t--set\tn=4\t--count-only\nparse\t../examples/gin.tc0";
        assertNotEquals(0, AotTraining.runThen(then));
    }
}
