package tc0.circuits.io.graph;

import tc0.circuits.io.NonClosingOutputStream;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;
import tc0.circuits.Regions;
import tc0.circuits.analysis.RegionHierarchy;
import tc0.circuits.graph.NodeKind;
import tc0.circuits.io.CircuitWriter;

/**
 * JSON for scripts and web viewers, streamed with Jackson's generator (memory stays flat however large the
 * circuit). JGraphT's JSONExporter writes only node and edge lists; this format adds the input and output
 * buses, the output literals, the region table and the region hierarchy with its figures and the critical
 * path, which a reader needs to make sense of the graph. The
 * {@code nodes} and {@code edges} arrays use JGraphT's field names ({@code id}, {@code source},
 * {@code target}), so JGraphT's JSONImporter reads the graph part back. Weights and thresholds are JSON
 * integers written exactly; JavaScript readers lose precision beyond 2^53. The signed wire weight is keyed
 * {@value GraphmlExporter#WEIGHT_KEY}, not {@code weight}, which graph libraries take for an edge length
 * (networkx's node_link_graph keeps it, its path algorithms read it). Layout: docs/EXPORTS.md.
 */
public final class JsonExporter implements CircuitWriter {
    /** The value of the top-level {@code format} field. */
    public static final String FORMAT = "tc0-circuit";
    /** The value of the top-level {@code version} field; bumped on incompatible changes. */
    public static final int VERSION = 3; // 2: the edge weight is tc0_weight, not weight; 3: the region hierarchy

    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public void write(Circuit c, OutputStream out) throws IOException {
        NodeFacts f = NodeFacts.of(c);
        try (JsonGenerator g = FACTORY.createGenerator(new NonClosingOutputStream(out), JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new OneElementPerLine());
            g.writeStartObject();
            header(g, FORMAT, VERSION, c);
            inputBuses(c, g);
            outputBuses(c, g);
            regions(c, g);
            RegionHierarchyJson.write(RegionHierarchy.of(c), c, g);
            nodes(f, g);
            edges(c, g);
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** The fields every JSON of a circuit opens with (this export's and the viewer's): its format and figures. */
    public static void header(JsonGenerator g, String format, int version, Circuit c) throws IOException {
        g.writeStringField("format", format);
        g.writeNumberField("version", version);
        g.writeNumberField("inputs", c.inputCount());
        g.writeNumberField("gates", c.gateCount());
        g.writeNumberField("wires", c.wireCount());
        g.writeNumberField("outputs", c.outputCount());
    }

    private static void inputBuses(Circuit c, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("inputBuses");
        for (Bus b : c.inputBuses()) {
            g.writeStartObject();
            g.writeStringField("name", b.name());
            g.writeNumberField("offset", b.offset());
            g.writeNumberField("width", b.width());
            g.writeNumberField("firstNode", 1 + b.offset());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void outputBuses(Circuit c, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("outputBuses");
        for (Bus b : c.outputBuses()) {
            g.writeStartObject();
            g.writeStringField("name", b.name());
            g.writeNumberField("offset", b.offset());
            g.writeNumberField("width", b.width());
            g.writeArrayFieldStart("bits"); // one literal per bit, least significant first
            for (int k = 0; k < b.width(); k++) {
                int lit = c.output(b.offset() + k);
                g.writeStartObject();
                g.writeNumberField("node", Literal.node(lit));
                g.writeBooleanField("negated", Literal.isNegated(lit));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void regions(Circuit c, JsonGenerator g) throws IOException {
        Regions regions = c.regions();
        g.writeArrayFieldStart("regions");
        for (int r = 0; r < regions.size(); r++) {
            g.writeStartObject();
            g.writeNumberField("id", r);
            g.writeNumberField("parent", regions.parent(r));
            g.writeStringField("name", regions.name(r));
            g.writeStringField("path", regions.path(r));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void nodes(NodeFacts f, JsonGenerator g) throws IOException {
        Circuit c = f.circuit();
        g.writeArrayFieldStart("nodes");
        for (int v = 0; v < c.nodeCount(); v++) {
            g.writeStartObject();
            g.writeNumberField("id", v);
            g.writeStringField("kind", f.kind(v).exportName());
            g.writeStringField("label", f.name(v));
            g.writeNumberField("level", f.level(v));
            if (f.kind(v) == NodeKind.GATE) {
                g.writeNumberField("threshold", f.threshold(v));
                g.writeNumberField("region", c.region(v - c.firstGate()));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void edges(Circuit c, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("edges");
        long id = 0; // gate by gate, not the stored wire: gates may share their stored wires
        for (int gate = 0; gate < c.gateCount(); gate++) {
            for (int e = c.faninStart(gate), end = c.faninEnd(gate); e < end; e++) {
                g.writeStartObject();
                g.writeNumberField("id", id++);
                g.writeNumberField("source", c.faninNode(e));
                g.writeNumberField("target", c.firstGate() + gate);
                g.writeNumberField(GraphmlExporter.WEIGHT_KEY, c.weight(e));
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

}
