package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.analysis.CircuitStats;
import tc0.circuits.io.CircuitFiles;

class CompileVerifyCommandTest {
    static final String SMALL = """
            model small(n = 3, d = 2) {
                precision fixed(int: 4, frac: 3);
                input X: [n, d];
                weight W: [d, d] = random(seed: 5);
                output Y = relu(X @ W) + X;
            }
            """;

    @TempDir
    Path dir;

    Path spec(String text) throws Exception {
        return Files.writeString(dir.resolve("m.tc0"), text);
    }

    @Test
    void verifyFindsEveryOutputEqualToTheReference() throws Exception {
        Cli r = Cli.run("verify", spec(SMALL).toString(), "--samples", "60", "--seed", "3");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("64 inputs (4 edge, 60 random): every output equals the reference bit for bit"), r.out());
        assertTrue(r.out().contains("error against float64"), r.out());
    }

    @Test
    void compileWritesTheCircuitItReportsAndTheSameSpecGivesTheSameBytes() throws Exception {
        Path s = spec(SMALL);
        Path a = dir.resolve("a.tc0c"), b = dir.resolve("b.tc0c");
        Cli r = Cli.run("compile", s.toString(), "--set", "n=4", "-o", a.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(0, Cli.run("compile", s.toString(), "--set", "n=4", "-o", b.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        CircuitStats st = CircuitStats.of(CircuitFiles.read(a));
        assertTrue(r.out().contains(String.format("%,d gates", st.gates())), r.out());
        assertEquals(4 * 2 * 7, st.inputs());   // X: [4, 2] of 7-bit words
    }

    @Test
    void compileReportsTheWrittenCircuitsFiguresAndWithTimingsEveryStage() throws Exception {
        Path out = dir.resolve("t.tc0c");
        Cli r = Cli.run("compile", spec(SMALL).toString(), "--set", "n=5", "-o", out.toString(), "--timings");
        assertEquals(0, r.exitCode(), r.err());
        CircuitStats st = CircuitStats.of(CircuitFiles.read(out));
        assertTrue(r.out().contains(String.format("%,d gates, %,d wires, depth %d, width %,d -> ", st.gates(), st.wires(), st.depth(), st.width())), r.out());
        for (String stage : new String[] {"check", "elaborate", "count", "lower", "write", "stats", "total"}) {
            assertTrue(r.err().lines().anyMatch(l -> l.matches("  " + stage + " +[0-9.]+ s +[0-9.]+ s +[0-9.]+ M")), stage + " in\n" + r.err());
        }
        Cli quiet = Cli.run("compile", spec(SMALL).toString(), "--set", "n=5", "-o", out.toString());
        assertEquals("", quiet.err(), "no timings unless asked");
    }

    @Test
    void specErrorsArePositionedAndExitTwo() throws Exception {
        Cli r = Cli.run("verify", spec(SMALL.replace("X @ W", "X @ Q")).toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("m.tc0:5:"), r.err());
        assertTrue(r.err().contains("unknown name 'Q'"), r.err());
    }

    @Test
    void anUnknownParameterIsNamed() throws Exception {
        Cli r = Cli.run("compile", spec(SMALL).toString(), "--set", "k=3", "-o", dir.resolve("y.tc0c").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("has no parameter 'k'"), r.err());
    }
}
