package tc0.circuits.io.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.circuits.testkit.RandomCircuits;
import tc0.circuits.testkit.SampleCircuits;

class GraphmlExporterTest {
    static ParsedGraph parse(String xml) {
        var importer = new GraphMLImporter<String, DefaultEdge>();
        importer.setVertexFactory(id -> id);
        importer.setSchemaValidation(true); // the bundled GraphML schema: the file must be valid GraphML
        return ParsedGraph.parse(importer, xml);
    }

    @Test
    void theGraphmlIsValidAndHasEveryNodeWireAndAttribute() throws Exception {
        Circuit c = SampleCircuits.extremes();
        ParsedGraph p = parse(ParsedGraph.export(new GraphmlExporter(), c));
        assertEquals(c.nodeCount(), p.graph().vertexSet().size());
        assertEquals(c.wireCount(), p.graph().edgeSet().size());
        assertEquals("gate", p.vertex().get("n5").get("kind"));
        assertEquals(String.valueOf(Long.MAX_VALUE), p.vertex().get("n5").get("threshold"));
        assertEquals(String.valueOf(Long.MIN_VALUE), p.edge("n3", "n5").get("tc0_weight"));
        assertEquals("x[2]", p.vertex().get("n3").get("label"));
        assertEquals("0", p.vertex().get("n3").get("level"));
        assertEquals("2", p.vertex().get("n12").get("level"));
        assertEquals("~y[7], y[8]", p.vertex().get("n12").get("output"));
        assertEquals("", p.vertex().get("n12").getOrDefault("region", "")); // the root: an empty <data>
        assertFalse(p.vertex().get("n1").containsKey("threshold"));
    }

    @Test
    void regionPathsAndOddNamesArriveUnchanged() throws Exception {
        ParsedGraph p = parse(ParsedGraph.export(new GraphmlExporter(), SampleCircuits.constantsAndNames()));
        assertEquals("odd \"region\"\\/x", p.vertex().get("n7").get("region"));
        ParsedGraph a = parse(ParsedGraph.export(new GraphmlExporter(), SampleCircuits.adder4()));
        assertEquals("adder/bit[3]", a.vertex().get("n16").get("region"));
    }

    @Test
    void theSignedWeightIsUnderTc0WeightAndNoEdgeKeyIsCalledWeight() throws Exception {
        Circuit c = SampleCircuits.bigWeights();
        String xml = ParsedGraph.export(new GraphmlExporter(), c);
        Matcher key = Pattern.compile("<key [^>]*for=\"edge\"[^>]*>").matcher(xml);
        List<String> edgeKeys = new ArrayList<>();
        while (key.find()) {
            Matcher name = Pattern.compile("attr\\.name=\"([^\"]*)\"").matcher(key.group());
            if (name.find()) edgeKeys.add(name.group(1));
        }
        assertEquals(List.of("tc0_weight"), edgeKeys, "the only edge key, and not graph libraries' weight");
        ParsedGraph p = parse(xml);
        assertEquals("-7", p.edge("n2", "n4").get("tc0_weight")); // x[1] into the first gate: weight -7 (SampleCircuits)
        for (Map<String, String> e : p.edge().values()) assertFalse(e.containsKey("weight"), e.toString());
    }

    @Test
    void theGraphmlIsTheSameEveryTime() throws Exception {
        Circuit c = RandomCircuits.built(9, 6, 30);
        assertEquals(ParsedGraph.export(new GraphmlExporter(), c), ParsedGraph.export(new GraphmlExporter(), c));
    }
}
