package tc0.circuits.io.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.BaseEventDrivenImporter;
import org.jgrapht.nio.GraphImporter;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitWriter;

/** An export read back by a JGraphT importer: the graph plus every vertex and edge attribute as text. */
record ParsedGraph(Graph<String, DefaultEdge> graph, Map<String, Map<String, String>> vertex,
                   Map<DefaultEdge, Map<String, String>> edge) {

    static String export(CircuitWriter w, Circuit c) throws IOException {
        var out = new ByteArrayOutputStream();
        w.write(c, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static <I extends BaseEventDrivenImporter<String, DefaultEdge> & GraphImporter<String, DefaultEdge>> ParsedGraph parse(I importer, String text) {
        Graph<String, DefaultEdge> g = new DirectedPseudograph<>(DefaultEdge.class);
        Map<String, Map<String, String>> vertex = new HashMap<>();
        Map<DefaultEdge, Map<String, String>> edge = new HashMap<>();
        importer.addVertexAttributeConsumer((p, a) -> vertex.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a.getValue()));
        importer.addEdgeAttributeConsumer((p, a) -> edge.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a.getValue()));
        importer.importGraph(g, new StringReader(text));
        return new ParsedGraph(g, vertex, edge);
    }

    /** The attributes of the edge from {@code source} to {@code target} (the first, if several). */
    Map<String, String> edge(String source, String target) {
        return edge.get(graph.getEdge(source, target));
    }
}
