package tc0.compiler.elaborate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;

/**
 * Appends nodes in topological order and shares structurally equal ones (same op, operands, shape and
 * element type): a value computed twice is one node, its region the first one's.
 */
final class IrBuilder {
    private record Key(Op op, List<Long> shape, Elem elem) {}

    private final List<Node> nodes = new ArrayList<>();
    private final Map<Key, Integer> seen = new HashMap<>();

    int add(Op op, List<Long> shape, Elem elem, String region) {
        Key k = new Key(op, List.copyOf(shape), elem);
        Integer id = seen.get(k);
        if (id != null) return id;
        int n = nodes.size();
        nodes.add(new Node(n, op, shape, elem, region));
        seen.put(k, n);
        return n;
    }

    Node node(int id) {
        return nodes.get(id);
    }

    List<Node> nodes() {
        return List.copyOf(nodes);
    }
}
