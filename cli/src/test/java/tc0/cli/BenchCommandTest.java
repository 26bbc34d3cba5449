package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import tc0.cli.RunCommandTest.Outcome;

class BenchCommandTest {

    private static Outcome bench(String... args) {
        return RunCommandTest.run(new BenchCommand(f -> RunCommandTest.small()), args);
    }

    @Test
    void jsonHasTheTimingsTheRatesAndTheEvaluator() throws Exception {
        Outcome o = bench("c.aag", "--patterns", "640", "--threads", "2", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals("bit-parallel", j.get("evaluator").asText());
        assertEquals(640, j.get("patterns").asInt());
        assertEquals(2, j.get("threads").asInt());
        assertEquals(2, j.get("gates").asInt());
        assertTrue(j.get("seconds").asDouble() > 0);
        double rate = j.get("gateEvalsPerSecond").asDouble();
        assertEquals(2 * 640 / j.get("seconds").asDouble(), rate, rate * 1e-9);
        assertEquals(rate / j.get("scalarGateEvalsPerSecond").asDouble(), j.get("speedup").asDouble(), 1e-6 * rate);
        assertTrue(j.get("agree").asBoolean());
    }

    @Test
    void theTableNamesEveryFigure() {
        Outcome o = bench("c.aag", "--patterns", "100", "--threads", "1", "--baseline");
        assertEquals(0, o.code(), o.err());
        for (String label : new String[] {"gates", "wires", "depth", "patterns", "threads", "seconds", "rate", "reference", "speedup"}) {
            assertTrue(o.out().contains("  " + label), label + " in\n" + o.out());
        }
        assertTrue(o.out().contains("scalar, 100 patterns"), o.out());
    }

    @Test
    void badCountsAndBadFilesExit2() {
        assertEquals(2, bench("c.aag", "--patterns", "0").code());
        assertEquals(2, bench("c.aag", "--threads", "0").code());
        assertEquals(2, RunCommandTest.run(new BenchCommand(), "missing.aig").code());
    }
}
