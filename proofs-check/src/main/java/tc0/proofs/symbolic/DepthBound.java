package tc0.proofs.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The depth from the nodes' own depths, two ways. Each node's level is its deepest operand's plus its gadget's
 * depth, so a longest path over per-node depths bounds the circuit's depth:
 * <ul>
 *   <li>{@code bound}: over the largest depth counted per node, a bound at every n counted;</li>
 *   <li>{@code everyN}: over each node's {@link GadgetDepth}, the depth its construction states (a constant in
 *       the compression rounds, no m, width or n in it), so a bound at every n whose program has these nodes,
 *       between powers of two too. It stands only where every node with gates has one and no node's counted
 *       depth at any n counted passes it ({@code past}): a construction deeper than its statement is caught
 *       there. -1 where it does not stand.</li>
 * </ul>
 *
 * @param varied "node 28 mean: 6, 12": the nodes whose own depth differs between the n counted
 * @param past   "node 21 mul at n = 8: 8 levels > its gadget's 7", and nodes with gates but no gadget depth written
 */
public record DepthBound(int bound, List<String> varied, int everyN, List<String> past) {
    public static DepthBound of(SortedMap<Long, List<NodeFigures>> byN) {
        List<NodeFigures> first = byN.get(byN.firstKey());
        int[] most = new int[first.size()], stated = new int[first.size()];
        List<String> varied = new ArrayList<>(), past = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            TreeSet<Integer> seen = new TreeSet<>();
            for (var e : byN.entrySet()) {
                NodeFigures f = e.getValue().get(i);
                seen.add(f.depth());
                if (f.gadgetDepth() < 0 && f.gates().signum() > 0) past.add("node " + i + " " + f.op() + ": no gadget depth written");
                else if (f.depth() > f.gadgetDepth()) past.add("node " + i + " " + f.op() + " at n = " + e.getKey() + ": " + f.depth() + " levels > its gadget's " + f.gadgetDepth());
            }
            most[i] = seen.last();
            stated[i] = first.get(i).gadgetDepth();
            if (seen.size() > 1) varied.add("node " + i + " " + first.get(i).op() + ": " + String.join(", ", seen.stream().map(String::valueOf).toList()));
        }
        List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(past));
        return new DepthBound(longestPath(first, most), List.copyOf(varied), distinct.isEmpty() ? longestPath(first, stated) : -1, distinct);
    }

    /** The longest path from the inputs over per-node depths (operands come before their nodes). */
    static int longestPath(List<NodeFigures> nodes, int[] depth) {
        int[] path = new int[nodes.size()];
        int bound = 0;
        for (int i = 0; i < nodes.size(); i++) {
            int below = 0;
            for (int o : nodes.get(i).operands()) below = Math.max(below, path[o]);
            path[i] = below + Math.max(0, depth[i]);
            bound = Math.max(bound, path[i]);
        }
        return bound;
    }
}
