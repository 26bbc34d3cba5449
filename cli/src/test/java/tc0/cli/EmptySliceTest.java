package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slice that is empty only at the n given ({@code X[2:n]} at n = 2, inside an expression, so no binding's
 * size shows it) is refused where it is written, exit 2. Written empty slices ({@code X[3:3]}) are the
 * checker's: dsl bad/slice_empty.tc0.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmptySliceTest {
    @TempDir
    Path dir;

    @Test
    void aSliceEmptyAtTheGivenNIsRefusedAtItsPosition() throws Exception {
        Path spec = Files.writeString(dir.resolve("tail.tc0"),
                "model tail(n = 3) {\n    precision fixed(int: 4, frac: 2);\n    input X: [n + 2, 4];\n    output Y = sum(X[2:n, :], axis: 0);\n}\n");
        assertEquals(0, Cli.run("stats", spec.toString()).exitCode(), "at n = 3 the slice keeps a row");

        Cli r = Cli.run("stats", spec.toString(), "--set", "n=2");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("tc0: " + spec + ":4:22: slice 2:2 selects 0 elements of axis 0 of [4, 4]; a slice keeps at least one"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }
}
