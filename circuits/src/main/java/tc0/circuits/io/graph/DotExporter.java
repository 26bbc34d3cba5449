package tc0.circuits.io.graph;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsSubgraph;
import java.util.Map;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.ExportException;
import org.jgrapht.nio.dot.DOTExporter;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;
import tc0.circuits.graph.CircuitGraph;
import tc0.circuits.io.CircuitWriter;

/**
 * DOT for Graphviz, through JGraphT's {@link DOTExporter}. Vertex {@code n<node>} per node, labelled with
 * its name and, for a gate, {@code >= threshold}; inputs are triangles, the constant a square, nodes that
 * drive outputs have a double border and an {@code output} attribute. Edges carry the weight as label and as
 * attribute {@code w} (Graphviz's own {@code weight} is a layout hint that must be a non-negative integer),
 * dashed when negative. Regions are nested clusters ({@link DotClusters}); nodes are ranked by level
 * ({@link DotRanks}), inputs on top; the constant node is left out unless something reads it. The text is assembled in memory:
 * DOT is for drawings, which stop being useful long before memory runs out.
 */
public final class DotExporter implements CircuitWriter {

    @Override
    public void write(Circuit c, OutputStream out) throws IOException {
        CircuitGraph cg = CircuitGraph.of(c);
        NodeFacts facts = NodeFacts.of(c);
        DOTExporter<Integer, Integer> x = new DOTExporter<>(v -> "n" + v);
        x.setGraphIdProvider(() -> "tc0");
        x.setVertexAttributeProvider(v -> vertex(facts, v));
        x.setEdgeAttributeProvider(e -> edge(cg.weight(e)));
        StringWriter text = new StringWriter();
        try {
            x.exportGraph(constantUsed(c) ? cg.graph() : withoutConstant(cg.graph()), text);
        } catch (ExportException e) {
            throw new IOException("DOT export failed: " + e.getMessage(), e);
        }
        // The clusters go before the closing brace JGraphT wrote last.
        StringBuilder dot = new StringBuilder(text.getBuffer());
        int close = dot.lastIndexOf("}");
        dot.setLength(close);
        DotClusters.write(c, dot);
        DotRanks.write(c, facts, constantUsed(c), dot);
        dot.append("}\n");
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.append(dot);
        w.flush();
    }

    /** Whether a wire or an output reads the constant node; if not, it is left out of the drawing. */
    static boolean constantUsed(Circuit c) {
        for (int o = 0; o < c.outputCount(); o++) if (Literal.node(c.output(o)) == 0) return true;
        for (int g = 0; g < c.gateCount(); g++) {
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) if (c.faninNode(e) == 0) return true;
        }
        return false;
    }

    private static Graph<Integer, Integer> withoutConstant(Graph<Integer, Integer> g) {
        Set<Integer> rest = new HashSet<>(g.vertexSet());
        rest.remove(0);
        return new AsSubgraph<>(g, rest);
    }

    private static Map<String, Attribute> vertex(NodeFacts f, int v) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        String label = f.name(v);
        switch (f.kind(v)) {
            case CONSTANT -> a.put("shape", text("square"));
            case INPUT -> a.put("shape", text("invtriangle"));
            case GATE -> label += "\n>= " + f.threshold(v);
        }
        String outputs = f.outputs(v);
        if (outputs != null) label += "\nout " + outputs;
        a.put("label", text(label));
        a.put("kind", text(f.kind(v).exportName()));
        a.put("level", DefaultAttribute.createAttribute(f.level(v)));
        if (f.kind(v) == tc0.circuits.graph.NodeKind.GATE) {
            a.put("threshold", DefaultAttribute.createAttribute(f.threshold(v)));
            a.put("region", text(f.region(v)));
        }
        if (outputs != null) {
            a.put("output", text(outputs));
            a.put("peripheries", DefaultAttribute.createAttribute(2));
        }
        return a;
    }

    private static Map<String, Attribute> edge(long weight) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        a.put("label", DefaultAttribute.createAttribute(weight));
        a.put("w", DefaultAttribute.createAttribute(weight));
        if (weight < 0) a.put("style", text("dashed"));
        return a;
    }

    /**
     * A string attribute made safe for DOT: JGraphT escapes only double quotes, so backslashes are doubled
     * here (labels show them single) and line breaks become Graphviz's {@code \n}. A value cannot end in a
     * backslash in DOT ({@code \"} would escape the closing quote), so such a value gets a trailing space.
     */
    static Attribute text(String s) {
        return DefaultAttribute.createAttribute(escaped(s));
    }

    private static String escaped(String s) {
        String v = s.replace("\\", "\\\\").replace("\r", "").replace("\n", "\\n");
        return v.endsWith("\\") ? v + " " : v;
    }

    /** A quoted DOT string, for text written without JGraphT. */
    static String quoted(String s) {
        return "\"" + escaped(s).replace("\"", "\\\"") + "\"";
    }
}
