package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tc0 export} to AIGER gives files Berkeley ABC accepts as they are: its {@code cec}, which matches
 * inputs and outputs by name (the default; {@code -n} would match by position), proves each export
 * equivalent to the original, for a file ABC wrote without symbols and for one with interleaved, lone and
 * out-of-order names. ABC reads binary AIGER only, so an .aag export reaches it through {@code tc0 export}
 * to .aig. Skipped, and reported so, where berkeley-abc is not installed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExportNamesAbcTest {
    private static final String ABC = "berkeley-abc";

    @TempDir
    Path dir;

    @BeforeEach
    void abcIsInstalled() {
        assumeTrue(onPath(ABC), "skipped: berkeley-abc not installed");
    }

    @Test
    void aFileWithoutSymbolsIsExportedWithoutSymbols() throws Exception {
        Path original = dir.resolve("ctrl-nosym.aig");
        abc("read " + StatsCommandTest.epfl().resolve("ctrl.aig").toAbsolutePath() + "; strash; write_aiger " + original);
        assertTrue(Files.exists(original), "ABC wrote no file");
        String aag = exportBothWaysAndCheck(original);
        assertFalse(aag.lines().anyMatch(l -> l.matches("[io][0-9]+ .*")), "symbols invented:\n" + aag);
    }

    @Test
    void interleavedLoneAndOutOfOrderNamesAreExportedAsTheyAre() throws Exception {
        // 7 inputs, 5 outputs: s[1] = a0 b0, s[0] = a1 !b1, t = !(c0 x2), u[0] = x0 !a0, y[3] = s[1] u[0];
        // ANDs 16..24 delta-coded by hand (16 = 4 & 2: 12 2; 18 = 9 & 6: 9 3; 20 = 12 & 10: 8 2; 22 = 14 & 3: 8 11; 24 = 22 & 16: 2 6)
        String symbols = "i0 a[0]\ni1 b[0]\ni2 a[1]\ni3 b[1]\ni4 c[0]\ni5 x[2]\ni6 x[0]\no0 s[1]\no1 s[0]\no2 t\no3 u[0]\no4 y[3]\n";
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes("aig 12 7 0 5 5\n16\n18\n21\n22\n24\n".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(new byte[] {12, 2, 9, 3, 8, 2, 8, 11, 2, 6});
        bytes.writeBytes(symbols.getBytes(StandardCharsets.US_ASCII));
        Path original = dir.resolve("interleaved.aig");
        Files.write(original, bytes.toByteArray());
        String aag = exportBothWaysAndCheck(original);
        assertTrue(aag.contains("\n" + symbols + "c\n"), "the symbol table, line for line:\n" + aag);
    }

    /** Exports {@code original} to .aig and .aag (then that to .aig); ABC proves both by name; returns the .aag. */
    private String exportBothWaysAndCheck(Path original) throws Exception {
        Path aig = dir.resolve("export.aig");
        Path aag = dir.resolve("export.aag");
        Path aagBack = dir.resolve("export-aag.aig");
        for (String[] args : new String[][] {
                {"export", original.toString(), "-o", aig.toString()},
                {"export", original.toString(), "-o", aag.toString()},
                {"export", aag.toString(), "-o", aagBack.toString()}}) {
            Cli r = Cli.run(args);
            assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.err());
        }
        assertEquivalentByName(original, aig);
        assertEquivalentByName(original, aagBack);
        return Files.readString(aag, StandardCharsets.UTF_8);
    }

    private void assertEquivalentByName(Path a, Path b) throws Exception {
        String out = abc("cec " + a.toAbsolutePath() + " " + b.toAbsolutePath());
        assertTrue(out.contains("Networks are equivalent"), "ABC cec (by name) " + a.getFileName() + " " + b.getFileName() + ":\n" + out);
    }

    private String abc(String commands) throws Exception {
        Process p = new ProcessBuilder(ABC, "-c", commands).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("berkeley-abc did not finish: " + commands);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) return true;
        return false;
    }
}
