package tc0.circuits.io.graph;

import java.util.ArrayList;
import java.util.List;
import tc0.circuits.Circuit;
import tc0.circuits.Regions;
import tc0.circuits.analysis.RegionTree;

/**
 * The region tree as nested Graphviz clusters: {@code subgraph cluster_r<id> { label="name"; n7; ... }},
 * one per region that holds gates in its subtree, the root's own gates left outside. Written by hand because
 * JGraphT's {@code DOTSubgraph} is flat and prints a stray node named after each subgraph.
 */
final class DotClusters {
    private DotClusters() {}

    static void write(Circuit c, StringBuilder out) {
        List<List<Integer>> own = new ArrayList<>();
        for (int r = 0; r < c.regions().size(); r++) own.add(new ArrayList<>());
        for (int g = 0; g < c.gateCount(); g++) own.get(c.region(g)).add(c.firstGate() + g);
        RegionTree tree = RegionTree.of(c);
        for (int child : tree.children(Regions.ROOT)) write(c, tree, own, child, "  ", out);
    }

    private static void write(Circuit c, RegionTree tree, List<List<Integer>> own, int r, String indent, StringBuilder out) {
        out.append(indent).append("subgraph cluster_r").append(r).append(" {\n");
        String inner = indent + "  ";
        out.append(inner).append("label=").append(DotExporter.quoted(c.regions().name(r))).append(";\n");
        out.append(inner).append("tooltip=").append(DotExporter.quoted(c.regions().path(r))).append(";\n");
        for (int node : own.get(r)) out.append(inner).append('n').append(node).append(";\n");
        for (int child : tree.children(r)) write(c, tree, own, child, inner, out);
        out.append(indent).append("}\n");
    }
}
