package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.count.CountedCost;
import tc0.compiler.count.TensorIrToCost;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.TensorProgram;

/**
 * The size guard is live: every command that builds a spec counts it first and refuses it above
 * --max-gates, naming the counted size, writing nothing. Passes only once counting mode is built.
 */
class SizeGuardTest {
    static final String GIN = "../examples/gin.tc0";
    static final String MAMBA = "../examples/mamba.tc0";

    @TempDir
    Path dir;

    /** gin at n = 4, counted. */
    static CountedCost gin4() {
        TensorProgram p = SpecCompiler.elaborate(Path.of(GIN), Map.of("n", 4L));
        return TensorIrToCost.count(p, WeightedSum.DEFAULT_ROUNDS);
    }

    @Test
    void theCountIsNeverBelowTheBuiltCircuit() {
        CircuitStats built = CircuitStats.of(SpecCompiler.compile(Path.of(GIN), Map.of("n", 4L), SizeGuard.of(null, "")).circuit());
        CountedCost c = gin4();
        assertTrue(CountedCost.of(built).atMost(c), c + " vs " + built);
    }

    @Test
    void compileAboveTheLimitNamesTheCountedSizeAndWritesNothing() {
        long gates = gin4().gates().longValueExact();
        Path out = dir.resolve("gin4.tc0c");
        Cli r = Cli.run("compile", GIN, "--set", "n=4", "--max-gates", Long.toString(gates - 1), "-o", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.saysOneLineError(), r.err());
        assertTrue(r.err().contains(String.format("counted %,d gates", gates)), r.err());
        assertTrue(r.err().contains(String.format("more than --max-gates %,d", gates - 1)), r.err());
        assertTrue(r.err().contains("smaller n") && r.err().contains("--count-only"), r.err());
        assertFalse(Files.exists(out));
        assertEquals(0, dir.toFile().list().length, "no temporary file either");
    }

    @Test
    void withoutALimitTheHeapDecidesByTheCountedGatesAndWires() {
        Path out = dir.resolve("gin4096.tc0c");
        Cli r = Cli.run("compile", GIN, "--set", "n=4096", "-o", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.saysOneLineError(), r.err());
        assertTrue(r.err().contains(String.format("MB to build, more than this JVM's heap of %,d MB", Runtime.getRuntime().maxMemory() >> 20)), r.err());
        assertTrue(r.err().contains("TC0_JAVA_OPTS=-Xmx") && r.err().contains("--max-gates N"), r.err());
        assertFalse(Files.exists(out));
    }

    /** The estimate is enough: mamba n = 4 (wide gates, 14 wires each) compiles in a JVM whose heap is the estimate. */
    @Test
    void aSpecCompilesInAHeapOfItsEstimate() throws Exception {
        TensorProgram p = SpecCompiler.elaborate(Path.of(MAMBA), Map.of("n", 4L));
        long est = (long) Math.ceil(SizeGuard.peakBytes(TensorIrToCost.count(p, WeightedSum.DEFAULT_ROUNDS)) / (1 << 20));
        long mb = est + est / 64 + 8;
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path out = dir.resolve("mamba4.tc0c");
        // The launcher's collector flags; + 8 MB and 1/64: the JVM's own share of the heap (maxMemory < -Xmx: 12 MB of
        // 1131 MB with mamba's 17-bit words at n = 4).
        Process run = new ProcessBuilder(List.of(java, "-Xmx" + mb + "m", "-XX:+UseSerialGC", "-XX:PretenureSizeThreshold=1m",
                "-XX:NewRatio=8", "-cp", System.getProperty("java.class.path"), "tc0.cli.Main", "compile", MAMBA, "--set", "n=4",
                "-o", out.toString())).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, run.exitValue(), "in " + mb + " MB: " + err);
        assertTrue(Files.size(out) > 0);
    }

    @Test
    void atTheCountedSizeItBuilds() {
        long gates = gin4().gates().longValueExact();
        Cli r = Cli.run("compile", GIN, "--set", "n=4", "--max-gates", Long.toString(gates), "-o", dir.resolve("g.tc0c").toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void statsExportRunAndVerifyAreGuardedToo() {
        String[][] commands = {
            {"stats", GIN, "--set", "n=4", "--max-gates", "1000"},
            {"export", GIN, "--set", "n=4", "--max-gates", "1000", "-o", dir.resolve("g.v").toString()},
            {"run", GIN, "--set", "n=4", "--max-gates", "1000"},
            {"verify", GIN, "--set", "n=4", "--max-gates", "1000"},
        };
        for (String[] c : commands) {
            Cli r = Cli.run(c);
            assertEquals(2, r.exitCode(), c[0] + ": " + r.err());
            assertTrue(r.err().contains("more than --max-gates 1,000"), c[0] + ": " + r.err());
            assertEquals("", r.out(), c[0]);
        }
        assertFalse(Files.exists(dir.resolve("g.v")));
    }

    @Test
    void aBuiltSweepStopsAtTheFirstNAboveTheLimitAndSuggestsCountOnly() {
        long gates = gin4().gates().longValueExact();
        Path csv = dir.resolve("s.csv");
        Cli r = Cli.run("sweep", GIN, "--n", "2,4,8", "--max-gates", Long.toString(gates - 1), "--csv", csv.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("(n=4, d=4, layers=2): counted"), r.err());
        assertTrue(r.err().contains("--count-only"), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+2\\s+\\d+.*")), "n = 2 was built: " + r.out());
        assertFalse(Files.exists(csv));
    }

    @Test
    void aCountedSweepIsNotGuarded() {
        Cli r = Cli.run("sweep", GIN, "--n", "2,4", "--count-only", "--max-gates", "1");
        assertEquals(0, r.exitCode(), r.err());
    }

    /** A spec the guard cannot count beforehand (two views of one tensor) is built under the limit, and stopped past it. */
    @Test
    void aBuildTheGuardCannotCountIsStoppedPastTheLimit() {
        Cli r = Cli.run("stats", "../examples/contrast/tree_sum.tc0", "--set", "n=4096", "--max-gates", "1000");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.saysOneLineError(), r.err());
        assertTrue(r.err().matches("(?s)tc0: \\.\\./examples/contrast/tree_sum\\.tc0 \\(n=4096\\): not counted beforehand \\(the summary cannot count it"
                + " exactly\\) and the build passed [0-9,]+ gates, more than --max-gates 1,000; try a smaller n.*"), r.err());
        assertEquals("", r.out());
        Cli fits = Cli.run("stats", "../examples/contrast/tree_sum.tc0", "--set", "n=16", "--max-gates", "100000");
        assertEquals(0, fits.exitCode(), fits.err());
    }
}
