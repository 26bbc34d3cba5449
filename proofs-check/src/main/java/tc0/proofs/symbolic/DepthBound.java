package tc0.proofs.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The depth at every n from the nodes' own depths: each node's level is its deepest operand's plus its gadget's
 * depth, so the longest path over the largest gadget depth seen per node bounds the depth at every n counted,
 * and at every n where no gadget is deeper than seen (each gadget's depth is a constant of its construction,
 * independent of m and w, or takes one of a few values: the mean's division by n). Checked, not proved.
 *
 * @param bound  the longest path over per-node maxima
 * @param varied "node 28 mean: 6, 12": the nodes whose own depth differs between the n counted
 */
public record DepthBound(int bound, List<String> varied) {
    public static DepthBound of(SortedMap<Long, List<NodeFigures>> byN) {
        List<NodeFigures> first = byN.get(byN.firstKey());
        int[] most = new int[first.size()], path = new int[first.size()];
        List<String> varied = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            TreeSet<Integer> seen = new TreeSet<>();
            for (List<NodeFigures> nodes : byN.values()) seen.add(nodes.get(i).depth());
            most[i] = seen.last();
            if (seen.size() > 1) varied.add("node " + i + " " + first.get(i).op() + ": " + String.join(", ", seen.stream().map(String::valueOf).toList()));
        }
        int bound = 0;
        for (int i = 0; i < first.size(); i++) {
            int below = 0;
            for (int o : first.get(i).operands()) below = Math.max(below, path[o]);
            path[i] = below + most[i];
            bound = Math.max(bound, path[i]);
        }
        return new DepthBound(bound, List.copyOf(varied));
    }
}
