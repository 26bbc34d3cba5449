package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code bench-builder --lower}: a spec lowered again and again in one JVM, each lowering timed. */
class BenchBuilderLowerTest {
    @Test
    void everyLoweringIsTimedAndBuildsWhatCompileBuilds() throws Exception {
        Cli r = Cli.run("bench-builder", "--lower", "../examples/gin.tc0", "--set", "n=4", "--repeat", "3", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        Cli stats = Cli.run("stats", "../examples/gin.tc0", "--set", "n=4", "--json");
        assertEquals(new ObjectMapper().readTree(stats.out()).get("gates").asLong(), j.get("gates").asLong());
        assertEquals(3, j.get("seconds").size());
        assertEquals(3, j.get("allocatedMB").size());
        double best = Double.MAX_VALUE;
        for (JsonNode s : j.get("seconds")) best = Math.min(best, s.asDouble());
        assertEquals(j.get("gates").asDouble() / best, j.get("bestGatesPerSecond").asDouble(), 1e-6 * j.get("bestGatesPerSecond").asDouble());
        assertTrue(j.get("bestGatesPerSecond").asDouble() >= j.get("firstGatesPerSecond").asDouble());
    }

    @Test
    void repeatMustBePositive() {
        Cli r = Cli.run("bench-builder", "--lower", "../examples/gin.tc0", "--set", "n=4", "--repeat", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--repeat needs at least 1"), r.err());
    }
}
