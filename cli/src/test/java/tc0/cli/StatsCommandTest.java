package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StatsCommandTest {

    /** The EPFL circuits the repository carries (examples/circuits/epfl), found by walking up from here. */
    static Path epfl() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples/circuits/epfl");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("examples/circuits/epfl not found above " + Path.of("").toAbsolutePath());
    }

    @ParameterizedTest(name = "{0}: {1} inputs, {2} outputs, {3} ANDs, {4} levels, as Berkeley ABC counts")
    @CsvSource({
        "ctrl, 7, 26, 174, 10",
        "mem_ctrl, 1204, 1231, 46836, 114",
        "hyp, 256, 128, 214335, 24801",
    })
    void statsJsonGivesTheReferenceFiguresOfEpflCircuits(String circuit, int inputs, int outputs, int ands, int levels) throws Exception {
        Cli r = Cli.run("stats", epfl().resolve(circuit + ".aig").toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(inputs, j.get("inputs").asInt());
        assertEquals(outputs, j.get("outputs").asInt());
        assertEquals(ands, j.get("gates").asInt());
        assertEquals(levels, j.get("depth").asInt());
        for (String key : new String[] {"wires", "width", "maxFanin", "maxWeightBits", "majoritySize"}) {
            assertTrue(j.has(key), "stats --json lacks " + key);
        }
    }

    @Test
    void theByRegionTableHasTheWholeCircuitAsItsFirstRow() {
        Cli r = Cli.run("stats", "../examples/circuits/full_adder.aag", "--by-region");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("gates          7"), r.out());
        // region, gates, wires, depth, width, max fan-in, weight bits, majority size
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\(circuit\\)\\s+7\\s+14\\s+4\\s+2\\s+2\\s+1\\s+14")), r.out());
    }
}
