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
 * A wrong or corrupted spec gets exit 2 and a bounded answer quickly from every command that reads one: each
 * case gives its input, the exit code, the line, and a time bound (the class's and each method's timeout).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SpecInputBoundsTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void devZeroIsRefusedAtTheSizeLimitInOneLine() {
        Cli r = Cli.run("parse", "/dev/zero");
        assertEquals(2, r.exitCode());
        assertTrue(r.saysOneLineError(), r.err());
        assertEquals("tc0: /dev/zero: larger than 4 MiB (4194304 bytes), the limit for a spec (a spec is text of a few KB;"
                + " raise the limit with -Dtc0.maxSpecBytes=16M in TC0_JAVA_OPTS)", r.err().strip());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void theLimitIsTheSystemPropertyWhenSet() throws Exception {
        Path spec = Files.writeString(dir.resolve("big.tc0"), "// a comment\n".repeat(200)); // 2,600 bytes
        String before = System.getProperty("tc0.maxSpecBytes");
        try {
            System.setProperty("tc0.maxSpecBytes", "2K");
            Cli refused = Cli.run("compile", spec.toString(), "-o", dir.resolve("o.tc0c").toString());
            assertEquals(2, refused.exitCode());
            assertTrue(refused.saysOneLineError(), refused.err());
            assertTrue(refused.err().contains(": larger than 2 KiB (2048 bytes), the limit for a spec"), refused.err());
            System.setProperty("tc0.maxSpecBytes", "3K");
            Cli read = Cli.run("parse", spec.toString());
            assertTrue(read.err().contains("no model in this file"), read.err());
        } finally {
            if (before == null) System.clearProperty("tc0.maxSpecBytes");
            else System.setProperty("tc0.maxSpecBytes", before);
        }
        assertTrue(Files.notExists(dir.resolve("o.tc0c")));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void utf16AndInvalidUtf8AreRefusedNamingTheEncodingOrTheOffset() throws Exception {
        Path utf16 = Files.write(dir.resolve("u16.tc0"), new byte[] {(byte) 0xFF, (byte) 0xFE, 'm', 0, 'o', 0});
        Cli a = Cli.run("compile", utf16.toString(), "-o", dir.resolve("a.tc0c").toString());
        assertEquals(2, a.exitCode());
        assertEquals("tc0: " + utf16 + ": UTF-16 (little-endian, byte-order mark FF FE) is not supported; save the file as UTF-8",
                a.err().strip());
        Path latin1 = Files.write(dir.resolve("l1.tc0"), new byte[] {'/', '/', ' ', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        Cli b = Cli.run("parse", latin1.toString());
        assertEquals(2, b.exitCode());
        assertEquals("tc0: " + latin1 + ": invalid UTF-8 at byte offset 6; a spec is UTF-8 text, save the file as UTF-8",
                b.err().strip());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void deepNestingGivesTheSameExitCodeAndLineEveryRun() throws Exception {
        int levels = 100_000;
        Path spec = Files.writeString(dir.resolve("deep.tc0"), "model m(n = 2) {\n    precision fixed(int: 8, frac: 4);\n"
                + "    input X: [n, n];\n    output Y = " + "(".repeat(levels) + "X" + ")".repeat(levels) + ";\n}\n");
        Cli first = Cli.run("parse", spec.toString());
        assertEquals(2, first.exitCode());
        // the model's block is level 1, so the 200th parenthesis (column 15 + 200) passes the limit of 200
        assertTrue(first.err().startsWith(spec + ":4:215: nested too deeply: more than 200 levels"), first.err());
        for (int run = 0; run < 3; run++) {
            Cli again = Cli.run("parse", spec.toString());
            assertEquals(first.exitCode(), again.exitCode());
            assertEquals(first.err(), again.err());
        }
        Cli compile = Cli.run("compile", spec.toString(), "-o", dir.resolve("d.tc0c").toString());
        assertEquals(2, compile.exitCode());
        assertTrue(compile.err().startsWith("tc0: " + spec + ":4:215: nested too deeply"), compile.err());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aMegabyteLineOfBadCharactersPrintsFiftyErrorsThenTheCount() throws Exception {
        Path spec = Files.writeString(dir.resolve("bad.tc0"), "# \u001b ".repeat(1 << 18)); // 1 MB, one line
        Cli r = Cli.run("parse", spec.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().length() < 16_000, r.err().length() + " characters");
        assertTrue(!r.err().contains("\u001b"), "ESC is escaped");
        assertTrue(r.err().strip().endsWith("... and 950 more errors (tc0 stops reading a file at 1000 errors; fix these first)"),
                r.err().substring(r.err().length() - 300));
    }
}
