package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
}
