package tc0.proofs.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.count.TensorIrToCost;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.pipeline.Pipeline;

/**
 * gat's readout is a mean over the adjacency's kept entries: its node has the mean's shape and reads along the n
 * nodes, so gat decomposes into terms as gcn and gin do (without a shape for it, no size bound could be formed).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MaskedMeanShapeTest {
    @Test
    void gatsMaskedMeanHasTheMeansShapeAndGatDecomposes() {
        SortedMap<Long, List<NodeFigures>> byN = new TreeMap<>();
        for (long n : List.of(4L, 5L, 6L, 8L, 12L, 16L, 32L)) {
            TensorIrToCost.ByNode b = TensorIrToCost.countByNode(
                    Pipeline.elaborate(SymbolicCheckTest.ROOT.resolve("examples/gat.tc0"), Map.of("n", n)), WeightedSum.DEFAULT_ROUNDS);
            List<NodeFigures> nodes = NodeFigures.of(b);
            assertEquals(b.total().gates(), nodes.stream().map(NodeFigures::gates).reduce(BigInteger.ZERO, BigInteger::add), "n = " + n);
            byN.put(n, nodes);
        }
        List<NodeFigures> means = byN.get(8L).stream().filter(f -> f.op().contains("mean")).toList();
        assertEquals(1, means.size(), "gat has one masked mean: " + means);
        assertEquals(GadgetShape.MEAN, means.getFirst().shape());
        assertEquals(8, means.getFirst().m(), "the mean reads along the 8 nodes");
        Decomposition.Result r = Decomposition.of(byN);
        assertTrue(r.decomposition().isPresent(), r.reason());
        assertTrue(r.decomposition().get().terms().stream().anyMatch(t -> t.shape() == GadgetShape.MEAN && t.m().text().equals("n")),
                r.decomposition().get().bound().text());
    }
}
