package tc0.circuits.io.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import tc0.circuits.Circuit;
import tc0.circuits.analysis.RegionHierarchy;
import tc0.circuits.analysis.RegionStats;

/**
 * The JSON export's {@code depth}, {@code criticalPath} and {@code hierarchy} fields: the regions with gates,
 * parents first, each with its subtree's figures, its level span and its share of the critical path (the
 * same tree the HTML viewer draws). Layout: docs/EXPORTS.md.
 */
final class RegionHierarchyJson {
    private RegionHierarchyJson() {
    }

    static void write(RegionHierarchy h, Circuit c, JsonGenerator g) throws IOException {
        g.writeNumberField("depth", h.levels().depth());
        g.writeArrayFieldStart("criticalPath");
        for (int node : h.criticalPath().nodes()) g.writeNumber(node);
        g.writeEndArray();
        g.writeArrayFieldStart("hierarchy");
        for (RegionStats s : h.preorder()) {
            int r = s.region();
            g.writeStartObject();
            g.writeNumberField("region", r);
            g.writeNumberField("parent", c.regions().parent(r));
            g.writeStringField("path", s.path());
            g.writeNumberField("gates", s.gates());
            g.writeNumberField("wires", s.wires());
            g.writeNumberField("depth", s.depth());
            g.writeNumberField("width", s.width());
            g.writeNumberField("maxFanin", s.maxFanin());
            g.writeNumberField("weightBits", s.maxWeightBits());
            g.writeNumberField("majoritySize", s.majoritySize());
            g.writeNumberField("firstLevel", h.firstLevel(r));
            g.writeNumberField("lastLevel", h.lastLevel(r));
            g.writeNumberField("criticalGates", h.criticalGates(r));
            g.writeArrayFieldStart("children");
            for (RegionStats child : s.children()) g.writeNumber(child.region());
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
