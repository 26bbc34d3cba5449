package tc0.circuits.io.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.analysis.RegionHierarchy;
import tc0.circuits.analysis.RegionStats;
import tc0.circuits.io.graph.JsonExporter;

/**
 * The page's small part, read at once: figures, buses, the region tree in columns (parents first) with each
 * region's subtree figures and level span, the critical path and the gates per level. Written as JSON that is
 * safe inside a script element: '<', '>' and '&' are escaped, so no region name can close the element.
 */
final class ViewerHead {
    static final String FORMAT = "tc0-viewer";
    static final int VERSION = 1;

    private static final JsonFactory FACTORY = new JsonFactory();

    private ViewerHead() {
    }

    static String json(Circuit c, RegionHierarchy h, ViewerGates gates) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setCharacterEscapes(new HtmlSafe());
            g.writeStartObject();
            JsonExporter.header(g, FORMAT, VERSION, c);
            g.writeNumberField("storedWires", gates.storedWires());
            g.writeNumberField("depth", h.levels().depth());
            g.writeNumberField("weightBytes", gates.weightBytes());
            g.writeBooleanField("exact", gates.exact());
            buses(c, g);
            regions(c, h, g);
            g.writeArrayFieldStart("criticalPath");
            for (int node : h.criticalPath().nodes()) g.writeNumber(node);
            g.writeEndArray();
            g.writeArrayFieldStart("profile");
            for (long n : h.levels().profile(c)) g.writeNumber(n);
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void buses(Circuit c, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("inputBuses");
        for (Bus b : c.inputBuses()) bus(b, g, null);
        g.writeEndArray();
        g.writeArrayFieldStart("outputBuses");
        for (Bus b : c.outputBuses()) bus(b, g, c);
        g.writeEndArray();
    }

    /** A bus; an output bus ({@code c} given) lists its literals (node * 2 + negated). */
    private static void bus(Bus b, JsonGenerator g, Circuit c) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", b.name());
        g.writeNumberField("offset", b.offset());
        g.writeNumberField("width", b.width());
        if (c != null) {
            g.writeArrayFieldStart("bits");
            for (int k = 0; k < b.width(); k++) g.writeNumber(c.output(b.offset() + k));
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void regions(Circuit c, RegionHierarchy h, JsonGenerator g) throws IOException {
        List<RegionStats> all = h.preorder();
        g.writeObjectFieldStart("regions");
        column(g, "region", all, s -> s.region());
        column(g, "parent", all, s -> c.regions().parent(s.region()));
        g.writeArrayFieldStart("name");
        for (RegionStats s : all) g.writeString(s.name());
        g.writeEndArray();
        column(g, "gates", all, RegionStats::gates);
        column(g, "wires", all, RegionStats::wires);
        column(g, "depth", all, s -> s.depth());
        column(g, "width", all, RegionStats::width);
        column(g, "maxFanin", all, s -> s.maxFanin());
        column(g, "first", all, s -> h.firstLevel(s.region()));
        column(g, "last", all, s -> h.lastLevel(s.region()));
        column(g, "critical", all, s -> h.criticalGates(s.region()));
        g.writeEndObject();
    }

    private static void column(JsonGenerator g, String name, List<RegionStats> all,
                               java.util.function.ToLongFunction<RegionStats> value) throws IOException {
        g.writeArrayFieldStart(name);
        for (RegionStats s : all) g.writeNumber(value.applyAsLong(s));
        g.writeEndArray();
    }

    /** Escapes the characters that could end a script element or start markup inside it. */
    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] escapes = standardAsciiEscapesForJSON();

        HtmlSafe() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
