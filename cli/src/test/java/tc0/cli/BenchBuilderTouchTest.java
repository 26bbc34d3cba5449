package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code bench-builder --touch}: the machine's rate of handing out memory, the figure that explains compile timings. */
class BenchBuilderTouchTest {
    @Test
    void touchPrintsBothRates() throws Exception {
        Cli r = Cli.run("bench-builder", "--touch", "128", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(128, j.get("touchedMB").asInt());
        assertTrue(j.get("firstTouchMBps").asDouble() > 0, r.out());
        assertTrue(j.get("touchedAgainMBps").asDouble() > 0, r.out());
    }

    @Test
    void lessThanOneBlockIsABadValue() {
        Cli r = Cli.run("bench-builder", "--touch", "10");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--touch needs at least 64 MB"), r.err());
    }
}
