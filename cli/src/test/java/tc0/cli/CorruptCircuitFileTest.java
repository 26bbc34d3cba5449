package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A .tc0c whose checksum (its last 4 bytes, FORMATS.md) is damaged is refused in one line, exit 2, by every reader. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CorruptCircuitFileTest {
    @TempDir
    Path dir;

    @Test
    void aFlippedChecksumByteIsRefusedInOneLine() throws Exception {
        Path spec = Files.writeString(dir.resolve("add.tc0"),
                "model add(n = 2) {\n    precision fixed(int: 3, frac: 1);\n    input X: [1, n];\n    output Y = X + X;\n}\n");
        Path file = dir.resolve("add.tc0c");
        Cli compiled = Cli.run("compile", spec.toString(), "-o", file.toString());
        assertEquals(0, compiled.exitCode(), compiled.err());
        assertEquals(0, Cli.run("stats", file.toString()).exitCode(), "the undamaged file reads");

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 2] ^= 0x04; // inside the CRC32C
        Files.write(file, bytes);
        for (String command : new String[] {"stats", "run"}) {
            Cli r = command.equals("run") ? Cli.run("run", file.toString(), "--random", "2") : Cli.run(command, file.toString());
            assertEquals(2, r.exitCode(), command + ": " + r.err());
            assertTrue(r.saysOneLineError(), command + ": " + r.err());
            assertTrue(r.err().contains("add.tc0c: checksum mismatch: the file is corrupt"), command + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }
}
