package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code tc0 stats SPEC --set n=N --count-only}: one n counted without building. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StatsCountOnlyTest {
    static final String GIN = SweepCountOnlyTest.GIN;

    @Test
    void aCountIsTheBuildWithoutHashingAndBoundsTheBuiltCircuit() throws Exception {
        Cli counted = Cli.run("stats", GIN, "--set", "n=4", "--count-only", "--json");
        Cli built = Cli.run("stats", GIN, "--set", "n=4", "--json");
        assertEquals(0, counted.exitCode(), counted.err());
        assertEquals(0, built.exitCode(), built.err());
        JsonNode c = new ObjectMapper().readTree(counted.out()), b = new ObjectMapper().readTree(built.out());
        assertTrue(c.get("counted").asBoolean());
        assertEquals(b.get("depth").asInt(), c.get("depth").asInt(), "gin's hashed build keeps the depth");
        assertTrue(c.get("gates").bigIntegerValue().compareTo(BigInteger.valueOf(b.get("gates").asLong())) >= 0);
        assertTrue(c.get("wires").bigIntegerValue().compareTo(BigInteger.valueOf(b.get("wires").asLong())) >= 0);
        // the same figures as the sweep's count of that n
        Cli sweep = Cli.run("sweep", GIN, "--n", "4,8", "--count-only", "--json");
        JsonNode point = new ObjectMapper().readTree(sweep.out()).get("points").get(0);
        for (String f : new String[] {"depth", "gates", "wires", "width"}) assertEquals(point.get(f).bigIntegerValue(), c.get(f).bigIntegerValue(), f);
    }

    /** n = 4096, in a table, equal to the committed sweep's row (docs/sweeps/gin.csv): the docs say what the code counts. */
    @Test
    void nFarBeyondBuildingIsCountedAsTheCommittedSweepSays() throws Exception {
        Cli r = Cli.run("stats", GIN, "--set", "n=4096", "--count-only");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("../examples/gin.tc0 (n=4096, d=4, layers=2): counted without building"), r.out());
        String row = java.nio.file.Files.readAllLines(java.nio.file.Path.of("../docs/sweeps/gin.csv")).stream()
                .filter(l -> l.startsWith("4096,")).findFirst().orElseThrow();
        String[] f = row.split(",");
        String[] names = {"n", "depth", "gates", "wires", "width"};
        for (int i = 1; i < names.length; i++) {
            String line = String.format("  %-14s %,d", names[i], new BigInteger(f[i]));
            assertTrue(r.out().contains(line + "\n") || r.out().contains(line + "\r\n"), names[i] + ": " + r.out());
        }
    }

    @Test
    void countOnlyIsForSpecsAndForTheFiguresItHas() {
        Cli file = Cli.run("stats", "../examples/circuits/full_adder.aag", "--count-only");
        assertEquals(2, file.exitCode());
        assertTrue(file.saysOneLineError(), file.err());
        assertTrue(file.err().contains("--count-only counts a spec (.tc0)"), file.err());
        Cli regions = Cli.run("stats", GIN, "--set", "n=4", "--count-only", "--by-region");
        assertEquals(2, regions.exitCode());
        assertTrue(regions.err().contains("leave out --by-region"), regions.err());
    }

    /** A spec the summary counts: nothing on standard error, nothing built. */
    @Test
    void aCountTheSummaryMakesIsSilent() {
        Cli r = Cli.run("stats", GIN, "--set", "n=8", "--count-only");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
    }

    /**
     * Where the summary cannot count, the fallback build is said in one line (the node, why, the limit) and its
     * figures are the build's without hashing, never below the hashed build's. At n = 16 the program has
     * 16 + 4 rounds x 48 (slice and zeros 16, concat 16, add 16) + 1 = 209 elements.
     */
    @Test
    void aCountByBuildingIsAnnouncedAndBoundsTheBuild() throws Exception {
        String tree = SweepCountOnlyTest.TREE_SUM;
        Cli counted = Cli.run("stats", tree, "--set", "n=16", "--count-only", "--json");
        assertEquals(0, counted.exitCode(), counted.err());
        assertEquals(1, counted.err().lines().count(), counted.err());
        assertTrue(counted.err().startsWith("tc0: " + tree + " (n=16): node 4 (add, region s[0]/add): operands of ADD share literals"), counted.err());
        assertTrue(counted.err().contains(String.format("(209 elements, stopped past the %,d gates this JVM's heap of",
                Runtime.getRuntime().maxMemory() / SizeGuard.PEAK_BYTES_PER_GATE)), counted.err());
        Cli built = Cli.run("stats", tree, "--set", "n=16", "--json");
        assertEquals(0, built.exitCode(), built.err());
        assertEquals("", built.err(), "building is what the user asked for: no notice");
        JsonNode c = new ObjectMapper().readTree(counted.out()), b = new ObjectMapper().readTree(built.out());
        assertTrue(c.get("gates").asLong() >= b.get("gates").asLong() && c.get("wires").asLong() >= b.get("wires").asLong(), c + " vs " + b);
    }
}
