package tc0.circuits.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.AllDirectedPaths;
import org.jgrapht.traverse.TopologicalOrderIterator;
import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.circuits.analysis.Levels;
import tc0.circuits.testkit.RandomCircuits;
import tc0.circuits.testkit.SampleCircuits;

class CircuitGraphTest {
    @Test
    void verticesAreNodeIdsAndEdgesAreWireIndices() {
        Circuit c = RandomCircuits.raw(3, 5, 40);
        CircuitGraph cg = CircuitGraph.of(c);
        Graph<Integer, Integer> g = cg.graph();
        assertEquals(c.nodeCount(), g.vertexSet().size());
        assertEquals(c.wireCount(), g.edgeSet().size());
        for (int gate = 0; gate < c.gateCount(); gate++) {
            for (int e = c.faninStart(gate); e < c.faninEnd(gate); e++) {
                assertEquals(c.faninNode(e), g.getEdgeSource(e));
                assertEquals(c.firstGate() + gate, g.getEdgeTarget(e));
                assertEquals(c.weight(e), cg.weight(e));
            }
            assertEquals(c.fanin(gate), g.inDegreeOf(c.firstGate() + gate));
        }
    }

    @Test
    void kindsAreConstantInputAndGate() {
        CircuitGraph cg = CircuitGraph.of(SampleCircuits.adder4());
        assertEquals(NodeKind.CONSTANT, cg.kind(0));
        assertEquals(NodeKind.INPUT, cg.kind(8));
        assertEquals(NodeKind.GATE, cg.kind(9));
    }

    @Test
    void jgraphtAlgorithmsRunOnTheView() {
        Circuit c = SampleCircuits.adder4();
        Graph<Integer, Integer> g = CircuitGraph.of(c).graph();
        // Longest path in gates by dynamic programming over JGraphT's topological order equals Levels.
        int[] level = new int[c.nodeCount()];
        new TopologicalOrderIterator<>(g).forEachRemaining(v -> {
            for (int e : g.incomingEdgesOf(v)) level[v] = Math.max(level[v], level[g.getEdgeSource(e)] + 1);
        });
        Levels levels = Levels.of(c);
        for (int v = 0; v < c.nodeCount(); v++) assertEquals(levels.level(v), level[v], "node " + v);
        // a[0] (node 1) reaches the last carry (node 15) only along the carry chain: four wires.
        var paths = new AllDirectedPaths<>(g).getAllPaths(1, 15, true, null);
        assertEquals(Set.of(4), paths.stream().map(p -> p.getLength()).collect(Collectors.toSet()));
    }
}
