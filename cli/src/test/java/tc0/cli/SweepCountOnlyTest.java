package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** tc0 sweep --count-only: the figures without building, never below the built ones. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SweepCountOnlyTest {
    static final String GIN = "../examples/gin.tc0";
    static final String TREE_SUM = "../examples/contrast/tree_sum.tc0";

    static JsonNode sweep(String... extra) throws Exception {
        String[] args = new String[4 + extra.length];
        System.arraycopy(new String[] {"sweep", GIN, "--n", "2,4"}, 0, args, 0, 4);
        System.arraycopy(extra, 0, args, 4, extra.length);
        Cli r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void countedFiguresBoundTheBuiltOnesAndDepthAgrees() throws Exception {
        JsonNode counted = sweep("--count-only", "--json");
        JsonNode built = sweep("--json");
        assertEquals("counted", counted.get("mode").asText());
        for (int i = 0; i < 2; i++) {
            JsonNode c = counted.get("points").get(i), b = built.get("points").get(i);
            assertEquals(b.get("n"), c.get("n"));
            assertTrue(c.get("gates").asLong() >= b.get("gates").asLong(), c + " vs " + b);
            assertTrue(c.get("wires").asLong() >= b.get("wires").asLong(), c + " vs " + b);
            assertTrue(c.get("depth").asLong() >= b.get("depth").asLong(), c + " vs " + b);
        }
        assertEquals(built.get("depthConstant"), counted.get("depthConstant"));
    }

    @Test
    void countOnlyReachesNTooLargeToBuildInASecond() throws Exception {
        long start = System.nanoTime();
        Cli r = Cli.run("sweep", GIN, "--n", "8,64,256,1024", "--count-only", "--json");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode p = j.get("points");
        assertEquals(4, p.size());
        assertEquals(1024, p.get(3).get("n").asInt());
        assertTrue(p.get(3).get("gates").asLong() > 100_000_000L, "n = 1024 is far beyond what a build fits: " + p.get(3));
        for (int i = 0; i < 4; i++) assertTrue(p.get(i).get("depth").asLong() <= 40 * 2 + 30, "the spec's own depth bound: " + p.get(i));
        assertTrue(j.get("gatesDegree").asDouble() > 1 && j.get("gatesDegree").asDouble() < 4, j.toString());
        assertTrue(seconds < 30, seconds + " s");
    }

    @Test
    void theRoundsOptionChangesTheCount() throws Exception {
        JsonNode two = sweep("--count-only", "--json", "--rounds", "2");
        JsonNode one = sweep("--count-only", "--json", "--rounds", "1");
        assertEquals(1, one.get("rounds").asInt());
        assertTrue(!one.get("points").equals(two.get("points")), "rounds reach the counted lowering");
    }

    @Test
    void ginsDepthIsTheSameAtEveryN() throws Exception {
        // (1 + eps) H is one constant scaling at every precision; as H + eps H, eps rounded to 1/8 at
        // 6 and 7 fraction bits (n = 4, 8) and eps H became a shift there: depth 72 at n = 4, 8 against 76 from 16 on.
        Cli r = Cli.run("sweep", GIN, "--n", "4,8,16,64", "--count-only");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("depth: constant in n (91 at every n)"), r.out());
    }

    /**
     * The log-depth contrast adds two views of one tensor, which the class summary cannot count exactly; its
     * count falls back to building (programs up to 2^20 elements), said on standard error once per n with the
     * node and why, so a count-only sweep still tells it apart and never builds silently.
     */
    @Test
    void theTreeSumContrastIsCountedByBuildingSaysSoAndItsDepthGrows() {
        Cli r = Cli.run("sweep", TREE_SUM, "--n", "512,1024,2048", "--count-only");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("depth: NOT constant: grows by about 6.0 per doubling of n (54, 60, 66), like log n"), r.out());
        for (String n : new String[] {"512", "1024", "2048"}) {
            assertTrue(r.err().contains("tc0: " + TREE_SUM + " (n=" + n + "): node 4 (add, region s[0]/add): operands of ADD share literals,"
                    + " which the class summary cannot count exactly; counting it by building the circuit without hashing instead ("), r.err());
        }
        assertEquals(3, r.err().lines().count(), "one line per n: " + r.err());
    }

    /** Past what counting builds instead: the node and why, and advice for counting (not "leave out --count-only"). */
    @Test
    void aProgramTooLargeToCountByBuildingIsRefusedWithTheNodeAndASmallerN() {
        Cli big = Cli.run("stats", TREE_SUM, "--set", "n=65536", "--count-only");
        assertEquals(2, big.exitCode());
        assertTrue(big.saysOneLineError(), big.err());
        assertTrue(big.err().contains("cannot count node 4 (add, region s[0]/add): operands of ADD share literals, which the class summary"
                + " cannot count exactly, and the program (3,211,265 elements) is past the 1,048,576 elements counting builds instead; try a smaller n"), big.err());
        assertFalse(big.err().contains("leave out --count-only") || big.err().contains("use --count-only"), big.err());
    }

    /**
     * The fallback build is held to the size guard: --max-gates stops it, with advice for counting. The program
     * at n = 1024 has 1024 + 10 rounds x (slice + zeros = 1024, concat 1024, add 1024) + 1 = 31,745 elements.
     */
    @Test
    void theFallbackBuildStopsAtMaxGates() {
        Cli r = Cli.run("sweep", TREE_SUM, "--n", "1024,2048", "--count-only", "--max-gates", "1000");
        assertEquals(2, r.exitCode(), r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.matches("tc0: \\.\\./examples/contrast/tree_sum\\.tc0 \\(n=1024\\): counting by building passed [0-9,]+ gates,"
                + " more than --max-gates 1,000; try a smaller n or a larger --max-gates"), last);
        assertTrue(r.err().contains("(31,745 elements, stopped past --max-gates 1,000)"), "the notice names the limit: " + r.err());
    }
}
