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
