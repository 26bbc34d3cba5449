package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
    @TempDir
    Path dir;

    /** Past what the lowering tabulates (2^20 entries): one line saying so and what to change, exit 2, no file. */
    @Test
    void aTableTooWideToBuildIsOneLineAndExitTwo() throws Exception {
        Path spec = dir.resolve("wide.tc0"), out = dir.resolve("wide.tc0c");
        Files.writeString(spec, "model wide(n = 1) {\n    precision fixed(int: 12, frac: 10);\n    input X: [1, n];\n    output Y = exp(X);\n}\n");
        Cli r = Cli.run("compile", spec.toString(), "-o", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.saysOneLineError(), r.err());
        assertTrue(r.err().contains("exp on fixed(12, 10) needs a table of 2^22 entries, past the 2^20 that tc0 tabulates"), r.err());
        assertTrue(Files.notExists(out));
    }

    @Test
    void aMissingFileIsOneLineAndExitTwo() {
        Cli r = Cli.run("stats", dir.resolve("nope.aig").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.saysOneLineError(), r.err());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void aDirectoryIsRejectedWithTheReason() throws Exception {
        Path d = Files.createDirectory(dir.resolve("x.aig"));
        Cli r = Cli.run("stats", d.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("is a directory"), r.err());
    }

    @Test
    void anUnknownExtensionNamesTheKnownOnes() throws Exception {
        Path f = Files.writeString(dir.resolve("c.txt"), "hello");
        Cli r = Cli.run("stats", f.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(".aag, .aig, .tc0c"), r.err());
    }

    @Test
    void anUnknownExportFormatListsTheFormats() throws Exception {
        Cli r = Cli.run("export", "whatever.aig", "--format", "pdf", "-o", dir.resolve("o.pdf").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown format 'pdf'"), r.err());
        assertTrue(r.err().contains("verilog"), r.err());
    }

    @Test
    void aMissingRequiredOptionIsAUsageErrorWithExitTwo() {
        Cli r = Cli.run("export", "x.aig");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--output"), r.err());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli r = Cli.run("frobnicate");
        assertEquals(2, r.exitCode());
    }
}
