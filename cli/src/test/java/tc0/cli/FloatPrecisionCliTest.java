package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code precision float(p: P)} through the CLI: verify and count a float model; its refusals are one line, exit 2. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FloatPrecisionCliTest {
    @TempDir
    Path dir;

    private Path spec(String precision, String output) throws Exception {
        return Files.writeString(dir.resolve("f.tc0"), "model f(n = 3) {\n    precision " + precision + ";\n    input A: [n, n] bit;\n"
                + "    input X: [n, 2];\n    weight W: [2, 2] = random(seed: 5);\n    output Y = " + output + ";\n}\n");
    }

    @Test
    void aFloatModelVerifiesBitForBitAndCountsAsBuilt() throws Exception {
        Path f = spec("float(p: 6)", "relu(A @ X @ W + X) - sum(X, axis: 0)");
        Cli v = Cli.run("verify", f.toString(), "--samples", "200");
        assertEquals(0, v.exitCode(), v.out() + v.err());
        assertTrue(v.out().contains("every output equals the reference bit for bit"), v.out());
        Cli counted = Cli.run("stats", f.toString(), "--count-only");
        Cli built = Cli.run("stats", f.toString());
        assertEquals(0, counted.exitCode(), counted.err());
        assertTrue(counted.out().contains("depth"), counted.out());
        String depth = line(counted.out(), "depth");
        assertEquals(depth, line(built.out(), "depth"), built.out());
    }

    private static String line(String out, String key) {
        return out.lines().filter(l -> l.strip().startsWith(key + " ")).findFirst().orElseThrow(() -> new AssertionError(key + " in " + out)).strip();
    }

    @Test
    void anOpTheFloatRegimeLacksIsOneLineNamingItAndItsPlace() throws Exception {
        Path f = spec("float(p: 6)", "cumsum(X, axis: 1)");
        Cli r = Cli.run("stats", f.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.saysOneLineError(), r.err());
        assertTrue(r.err().startsWith("tc0: " + f + ":6:16: 'cumsum' is not supported under precision float(p: 6, e: 5) yet"), r.err());
    }

    @Test
    void verifyOfFloatsPastALongIsOneLine() throws Exception {
        Path f = spec("float(p: 60)", "X @ W");
        Cli r = Cli.run("verify", f.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.saysOneLineError(), r.err());
        assertTrue(r.err().contains("verify compares float codes of at most 63 bits; float(p: 60, e: 8) has 69"), r.err());
    }
}
