package tc0.circuits.io.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.nio.json.JSONImporter;
import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;
import tc0.circuits.testkit.RandomCircuits;
import tc0.circuits.testkit.SampleCircuits;

class JsonExporterTest {
    static JsonNode json(Circuit c) throws Exception {
        return new ObjectMapper().readTree(ParsedGraph.export(new JsonExporter(), c));
    }

    @Test
    void theJsonRebuildsTheCircuitExactly() throws Exception {
        for (var s : SampleCircuits.all()) {
            Circuit c = s.circuit();
            JsonNode j = json(c);
            assertEquals("tc0-circuit", j.get("format").asText());
            assertEquals(3, j.get("version").asInt());
            assertEquals(c.nodeCount(), j.get("nodes").size(), s.name());
            assertEquals(c.wireCount(), j.get("edges").size(), s.name());
            int id = 0;
            for (int gate = 0; gate < c.gateCount(); gate++) {
                for (int e = c.faninStart(gate); e < c.faninEnd(gate); e++, id++) {
                    JsonNode edge = j.get("edges").get(id);
                    assertEquals(id, edge.get("id").asInt());
                    assertEquals(c.faninNode(e), edge.get("source").asInt());
                    assertEquals(c.firstGate() + gate, edge.get("target").asInt());
                    assertEquals(c.weight(e), edge.get("tc0_weight").asLong(), s.name() + " edge " + id);
                    assertTrue(edge.get("tc0_weight").isIntegralNumber());
                }
            }
            for (int g = 0; g < c.gateCount(); g++) {
                JsonNode node = j.get("nodes").get(c.firstGate() + g);
                assertEquals(c.threshold(g), node.get("threshold").asLong());
                assertEquals(c.region(g), node.get("region").asInt());
            }
            for (int i = 0; i < c.outputBuses().size(); i++) {
                var bus = c.outputBuses().get(i);
                JsonNode jb = j.get("outputBuses").get(i);
                assertEquals(bus.name(), jb.get("name").asText());
                for (int k = 0; k < bus.width(); k++) {
                    int lit = c.output(bus.offset() + k);
                    assertEquals(Literal.node(lit), jb.get("bits").get(k).get("node").asInt());
                    assertEquals(Literal.isNegated(lit), jb.get("bits").get(k).get("negated").asBoolean());
                }
            }
        }
    }

    @Test
    void busesAndRegionsAreListedWithTheirNames() throws Exception {
        JsonNode j = json(SampleCircuits.adder4());
        assertEquals("b", j.get("inputBuses").get(1).get("name").asText());
        assertEquals(4, j.get("inputBuses").get(1).get("offset").asInt());
        assertEquals(5, j.get("inputBuses").get(1).get("firstNode").asInt());
        JsonNode bit2 = j.get("regions").get(4);
        assertEquals("bit[2]", bit2.get("name").asText());
        assertEquals("adder/bit[2]", bit2.get("path").asText());
        assertEquals(1, bit2.get("parent").asInt());
        assertEquals(-1, j.get("regions").get(0).get("parent").asInt());
        assertEquals("input", j.get("nodes").get(5).get("kind").asText());
        assertEquals("b[0]", j.get("nodes").get(5).get("label").asText());
    }

    @Test
    void jgraphtsJsonImporterReadsTheGraphPart() throws Exception {
        Circuit c = RandomCircuits.raw(21, 7, 40);
        var importer = new JSONImporter<String, DefaultEdge>();
        importer.setVertexFactory(id -> id);
        ParsedGraph p = ParsedGraph.parse(importer, ParsedGraph.export(new JsonExporter(), c));
        assertEquals(c.nodeCount(), p.graph().vertexSet().size());
        assertEquals(c.wireCount(), p.graph().edgeSet().size());
        assertEquals("gate", p.vertex().get(String.valueOf(c.firstGate())).get("kind"));
    }

    @Test
    void eachArrayElementIsOneLineAndTheOutputIsTheSameEveryTime() throws Exception {
        Circuit c = SampleCircuits.majority9();
        String a = ParsedGraph.export(new JsonExporter(), c);
        assertEquals(a, ParsedGraph.export(new JsonExporter(), c));
        assertTrue(a.contains("\n{\"id\":0,\"source\":1,\"target\":10,\"tc0_weight\":1},\n"), a);
        assertFalse(a.contains("  "), a);
        assertTrue(a.endsWith("]\n}\n"), a);
    }
}
