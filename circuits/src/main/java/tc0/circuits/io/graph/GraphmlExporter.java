package tc0.circuits.io.graph;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.ExportException;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;
import tc0.circuits.Circuit;
import tc0.circuits.graph.CircuitGraph;
import tc0.circuits.graph.NodeKind;
import tc0.circuits.io.CircuitWriter;

/**
 * GraphML for yEd, Gephi, Cytoscape and graph libraries, through JGraphT's {@link GraphMLExporter}. Node
 * {@code n<node>} with keys {@code label}, {@code kind} (constant, input, gate), {@code level}, and for gates
 * {@code threshold} (long) and {@code region} (its path); nodes driving outputs have {@code output}. Edge
 * {@code e<wire>} with key {@value #WEIGHT_KEY} (long, exact, signed). JGraphT's own double edge weight is not
 * exported.
 *
 * <p>The weight is not keyed {@code weight}: graph libraries read that key as an edge length (networkx's
 * dag_longest_path, Dijkstra and Bellman-Ford, and JGraphT's importers do by default), and a signed wire weight is no length:
 * a longest path over it would silently mean nothing. Without it they count edges, which is the depth.
 */
public final class GraphmlExporter implements CircuitWriter {
    /** The key of the signed wire weight on edges, in GraphML and JSON. */
    public static final String WEIGHT_KEY = "tc0_weight";

    @Override
    public void write(Circuit c, OutputStream out) throws IOException {
        CircuitGraph cg = CircuitGraph.of(c);
        NodeFacts facts = NodeFacts.of(c);
        GraphMLExporter<Integer, Integer> x = new GraphMLExporter<>(v -> "n" + v);
        x.setEdgeIdProvider(e -> "e" + e);
        // JGraphT's double weight (not exported) would otherwise claim "weight"; renamed out of every key's way.
        x.setEdgeWeightAttributeName("jgraphtWeight");
        x.registerAttribute("label", AttributeCategory.NODE, AttributeType.STRING);
        x.registerAttribute("kind", AttributeCategory.NODE, AttributeType.STRING);
        x.registerAttribute("level", AttributeCategory.NODE, AttributeType.INT);
        x.registerAttribute("threshold", AttributeCategory.NODE, AttributeType.LONG);
        x.registerAttribute("region", AttributeCategory.NODE, AttributeType.STRING);
        x.registerAttribute("output", AttributeCategory.NODE, AttributeType.STRING);
        x.registerAttribute(WEIGHT_KEY, AttributeCategory.EDGE, AttributeType.LONG);
        x.setVertexAttributeProvider(v -> vertex(facts, v));
        x.setEdgeAttributeProvider(e -> Map.of(WEIGHT_KEY, DefaultAttribute.createAttribute(cg.weight(e))));
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            x.exportGraph(cg.graph(), w);
        } catch (ExportException e) {
            throw new IOException("GraphML export failed: " + e.getMessage(), e);
        }
        w.flush();
    }

    private static Map<String, Attribute> vertex(NodeFacts f, int v) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        a.put("label", text(f.name(v)));
        a.put("kind", text(f.kind(v).exportName()));
        a.put("level", DefaultAttribute.createAttribute(f.level(v)));
        if (f.kind(v) == NodeKind.GATE) {
            a.put("threshold", DefaultAttribute.createAttribute(f.threshold(v)));
            a.put("region", text(f.region(v)));
        }
        String outputs = f.outputs(v);
        if (outputs != null) a.put("output", text(outputs));
        return a;
    }

    /** XML 1.0 cannot carry most control characters, even escaped: they become U+FFFD. */
    private static Attribute text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' ? '\uFFFD' : ch);
        }
        return DefaultAttribute.createAttribute(b.toString());
    }
}
