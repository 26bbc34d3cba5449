package tc0.circuits.io.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.analysis.RegionHierarchyTest;

/** The JSON export's hierarchy: the hand-made circuit of RegionHierarchyTest, its figures worked out by hand. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RegionHierarchyJsonTest {
    @Test
    void theHierarchyListsRegionsWithTheirFiguresAndThePath() throws Exception {
        var h = RegionHierarchyTest.Hand.build();
        JsonNode j = JsonExporterTest.json(h.c());
        assertEquals(3, j.get("depth").asInt());
        assertEquals(List.of(h.g1(), h.g2(), h.g4()), ints(j.get("criticalPath")));
        JsonNode regions = j.get("hierarchy");
        assertEquals(3, regions.size(), "root, A, B");
        JsonNode root = regions.get(0), a = regions.get(1), b = regions.get(2);
        assertEquals("", root.get("path").asText());
        assertEquals(-1, root.get("parent").asInt());
        assertEquals(4, root.get("gates").asInt());
        assertEquals(8, root.get("wires").asInt());
        assertEquals(3, root.get("depth").asInt());
        assertEquals(List.of(a.get("region").asInt(), b.get("region").asInt()), ints(root.get("children")));
        assertEquals("A", a.get("path").asText());
        assertEquals(2, a.get("gates").asInt());
        assertEquals(2, a.get("depth").asInt());
        assertEquals(1, a.get("width").asInt());
        assertEquals(1, a.get("firstLevel").asInt());
        assertEquals(2, a.get("lastLevel").asInt());
        assertEquals(2, a.get("criticalGates").asInt());
        assertEquals("B", b.get("path").asText());
        assertEquals(1, b.get("firstLevel").asInt());
        assertEquals(1, b.get("lastLevel").asInt());
        assertEquals(0, b.get("criticalGates").asInt());
        assertEquals(List.of(), ints(b.get("children")));
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
