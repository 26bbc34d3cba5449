package tc0.circuits.graph;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jgrapht.Graph;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.opt.graph.sparse.IncomingEdgesSupport;
import org.jgrapht.opt.graph.sparse.SparseIntDirectedGraph;
import tc0.circuits.Circuit;

/**
 * A circuit as a JGraphT graph: vertex {@code v} is node {@code v} (0 the constant, then the inputs, then
 * the gates), edge {@code e} is fan-in wire {@code e}, directed from the source node to the gate that reads
 * it. Edge ids are the circuit's wire indices, so a wire's weight is {@link #weight(int)}; JGraphT's own
 * {@code double} edge weight would lose precision beyond 2^53 and is not used.
 *
 * <p>The graph is a {@link SparseIntDirectedGraph} from jgrapht-opt: an immutable CSR graph, the shape the
 * circuit already has, with every JGraphT algorithm and exporter working on it unchanged. Incoming edges
 * (the fan-in) are indexed lazily on first use. Building it boxes one pair per wire once, so it suits
 * circuits up to some millions of wires; an adapter over the circuit's arrays would avoid that copy but
 * would have to reimplement (and test) JGraphT's graph contract, which is not worth it for exports.
 */
public final class CircuitGraph {
    private final Circuit circuit;
    private final Graph<Integer, Integer> graph;

    /** Edge id -> stored wire: gates that share a stored range (see {@link Circuit}) have an edge each. */
    private final int[] wireOfEdge;

    private CircuitGraph(Circuit circuit, Graph<Integer, Integer> graph, int[] wireOfEdge) {
        this.circuit = circuit;
        this.graph = graph;
        this.wireOfEdge = wireOfEdge;
    }

    public static CircuitGraph of(Circuit c) {
        if (c.wireCount() > Integer.MAX_VALUE) throw new IllegalArgumentException("too many wires for a JGraphT view: " + c.wireCount());
        Graph<Integer, Integer> g = new SparseIntDirectedGraph(c.nodeCount(), (int) c.wireCount(), () -> wires(c),
                IncomingEdgesSupport.LAZY_INCOMING_EDGES);
        int[] wireOfEdge = new int[(int) c.wireCount()];
        for (int gate = 0, edge = 0; gate < c.gateCount(); gate++) {
            for (int e = c.faninStart(gate); e < c.faninEnd(gate); e++) wireOfEdge[edge++] = e;
        }
        return new CircuitGraph(c, g, wireOfEdge);
    }

    /** (source node, gate node) for every wire, gate by gate: the order gives the edge ids. */
    private static Stream<Pair<Integer, Integer>> wires(Circuit c) {
        return IntStream.range(0, c.gateCount()).boxed().flatMap(g -> IntStream.range(c.faninStart(g), c.faninEnd(g))
                .mapToObj(e -> Pair.of(c.faninNode(e), c.firstGate() + g)));
    }

    /** The read-only graph: vertices are node ids, edges are numbered gate by gate, each gate's wires in order. */
    public Graph<Integer, Integer> graph() {
        return graph;
    }

    public Circuit circuit() {
        return circuit;
    }

    /** The weight of edge {@code edge}. */
    public long weight(int edge) {
        return circuit.weight(wireOfEdge[edge]);
    }

    public NodeKind kind(int node) {
        return NodeKind.of(circuit, node);
    }
}
