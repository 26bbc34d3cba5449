package tc0.circuits.io.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jgrapht.nio.dot.DOTImporter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.Circuit;
import tc0.circuits.testkit.ExternalTool;
import tc0.circuits.testkit.RandomCircuits;
import tc0.circuits.testkit.SampleCircuits;

class DotExporterTest {
    static ParsedGraph parse(String dot) {
        var importer = new DOTImporter<String, org.jgrapht.graph.DefaultEdge>();
        importer.setVertexFactory(id -> id);
        return ParsedGraph.parse(importer, dot);
    }

    @Test
    void theConstantIsDrawnWhereAGateReadsIt() throws Exception {
        Circuit c = SampleCircuits.extremes(); // gate d reads the constant node
        ParsedGraph p = parse(ParsedGraph.export(new DotExporter(), c));
        assertEquals(c.nodeCount(), p.graph().vertexSet().size());
        assertEquals("constant", p.vertex().get("n0").get("kind"));
    }

    @Test
    void nodesAreRankedByLevelInputsOnTop() throws Exception {
        // bigWeights: inputs n1..n3; gates n4..n8 read only inputs (level 1); n9 reads those gates (level 2).
        String dot = ParsedGraph.export(new DotExporter(), SampleCircuits.bigWeights());
        java.util.List<String> ranks = dot.lines().map(String::strip).filter(l -> l.startsWith("{ rank=")).toList();
        assertEquals(java.util.List.of(
                "{ rank=min; n1; n2; n3; }",
                "{ rank=same; n4; n5; n6; n7; n8; }",
                "{ rank=same; n9; }"), ranks);
    }

    @Test
    void theDotHasOneVertexPerNodeAndOneEdgePerWireWithWeightsAndKinds() throws Exception {
        Circuit c = SampleCircuits.bigWeights();
        ParsedGraph p = parse(ParsedGraph.export(new DotExporter(), c));
        assertEquals(c.nodeCount() - 1, p.graph().vertexSet().size(), "every node but the constant, which nothing reads");
        assertEquals(c.wireCount(), p.graph().edgeSet().size());
        assertFalse(p.vertex().containsKey("n0"));
        assertEquals("input", p.vertex().get("n1").get("kind"));
        assertEquals("gate", p.vertex().get("n4").get("kind"));
        assertEquals("-4", p.vertex().get("n4").get("threshold"));
        assertEquals("big", p.vertex().get("n4").get("region"));
        assertEquals("big/negative", p.vertex().get("n8").get("region"));
        assertEquals("34359738368", p.edge("n1", "n4").get("w"));
        assertEquals("-7", p.edge("n2", "n4").get("label"));
        assertEquals("dashed", p.edge("n2", "n4").get("style"));
        assertEquals("~y[5]", p.vertex().get("n9").get("output"));
        assertEquals("2", p.vertex().get("n9").get("level"));
    }

    @Test
    void regionsBecomeNestedClustersInFirstGateOrder() throws Exception {
        String dot = ParsedGraph.export(new DotExporter(), SampleCircuits.adder4());
        int adder = dot.indexOf("subgraph cluster_r1 {");
        int bit0 = dot.indexOf("subgraph cluster_r2 {");
        int bit3 = dot.indexOf("subgraph cluster_r5 {");
        assertTrue(adder > 0 && adder < bit0 && bit0 < bit3, dot);
        assertTrue(dot.contains("    subgraph cluster_r2 {\n      label=\"bit[0]\";\n      tooltip=\"adder/bit[0]\";\n      n9;\n      n10;\n    }"), dot);
    }

    @Test
    void quotesAndBackslashesInNamesSurviveTheRoundTrip() throws Exception {
        ParsedGraph p = parse(ParsedGraph.export(new DotExporter(), SampleCircuits.constantsAndNames()));
        // Backslashes are doubled for Graphviz, which shows \\ as one in labels.
        assertEquals("odd \"region\"\\\\/x", p.vertex().get("n7").get("region"));
        assertEquals("~in put[0], in put[1], ~wire[0]", p.vertex().get("n0").get("output"));
    }

    @Test
    void graphvizDrawsEverySample(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(ExternalTool.onPath("dot"), "skipped: graphviz dot not installed");
        for (var s : SampleCircuits.all()) check(dir, s.name(), s.circuit());
        check(dir, "random", RandomCircuits.raw(11, 6, 30));
    }

    private static void check(Path dir, String name, Circuit c) throws Exception {
        Path f = dir.resolve(name + ".dot");
        Files.writeString(f, ParsedGraph.export(new DotExporter(), c));
        var run = ExternalTool.run(dir, "dot", "-Tsvg", "-o", name + ".svg", f.toString());
        assertEquals(0, run.exitCode(), name + ": " + run.output());
        assertFalse(run.output().contains("Warning"), name + ": " + run.output());
        String svg = Files.readString(dir.resolve(name + ".svg"));
        int drawn = c.nodeCount() - (DotExporter.constantUsed(c) ? 0 : 1); // an unread constant is left out
        assertEquals(drawn, count(svg, "class=\"node\""), name + ": nodes drawn");
        assertEquals(c.wireCount(), count(svg, "class=\"edge\""), name + ": edges drawn");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void theDotIsTheSameEveryTime() throws Exception {
        Circuit c = RandomCircuits.raw(5, 5, 25);
        assertEquals(ParsedGraph.export(new DotExporter(), c), ParsedGraph.export(new DotExporter(), c));
    }
}
