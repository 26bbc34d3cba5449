package tc0.proofs.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
 * Depth for every n from the gadgets' stated depths: the longest path over them bounds the counted depth at
 * powers of two and between (gcn's mean is 6 levels at some n, 12 at others: its division's route), and a gadget
 * depth stated one level too small is caught by a count.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GadgetDepthTest {
    static SortedMap<Long, List<NodeFigures>> count(String spec, long... ns) {
        SortedMap<Long, List<NodeFigures>> byN = new TreeMap<>();
        for (long n : ns) {
            byN.put(n, NodeFigures.of(TensorIrToCost.countByNode(Pipeline.elaborate(SymbolicCheckTest.ROOT.resolve(spec), Map.of("n", n)), WeightedSum.DEFAULT_ROUNDS)));
        }
        return byN;
    }

    static int counted(String spec, long n) {
        return TensorIrToCost.countByNode(Pipeline.elaborate(SymbolicCheckTest.ROOT.resolve(spec), Map.of("n", n)), WeightedSum.DEFAULT_ROUNDS).total().depth();
    }

    /**
     * gcn, mamba (a scan) and var (bilinear resampling: its deepest division route), at powers of two and between:
     * every node within its gadget's depth, and the bound at least the counted depth, which differs with n for gcn.
     */
    @Test
    void theStatedDepthsBoundEveryCount() {
        for (String spec : List.of("examples/gcn.tc0", "examples/mamba.tc0", "examples/var.tc0")) {
            SortedMap<Long, List<NodeFigures>> byN = count(spec, 4, 5, 6, 8, 12);
            DepthBound db = DepthBound.of(byN);
            assertEquals(List.of(), db.past(), spec);
            assertTrue(db.everyN() >= db.bound(), spec + ": " + db.everyN() + " < the per-node maxima's " + db.bound());
            for (long n : byN.keySet()) assertTrue(counted(spec, n) <= db.everyN(), spec + " n = " + n);
        }
    }

    /** A layer norm stated at 4k + 7 (one level short of its construction's 4k + 8 = 16): its count passes it, no bound stands. */
    @Test
    void aGadgetDepthTooSmallIsCaught() {
        SortedMap<Long, List<NodeFigures>> byN = count("examples/softmax_transformer.tc0", 4, 5);
        SortedMap<Long, List<NodeFigures>> shallow = new TreeMap<>();
        byN.forEach((n, nodes) -> {
            List<NodeFigures> out = new ArrayList<>();
            for (NodeFigures f : nodes) {
                out.add(!f.op().equals("layernorm") ? f : new NodeFigures(f.id(), f.op(), f.shape(), f.region(), f.operands(), f.gates(), f.elements(), f.m(), f.w(),
                        f.wIn(), f.depth(), f.variableOperands(), f.constant(), 4 * WeightedSum.DEFAULT_ROUNDS + 7));
            }
            shallow.put(n, out);
        });
        assertTrue(DepthBound.of(byN).everyN() > 0);
        DepthBound bad = DepthBound.of(shallow);
        assertEquals(-1, bad.everyN());
        assertTrue(bad.past().stream().anyMatch(s -> s.contains("layernorm at n = 4: 16 levels > its gadget's 15")), bad.past().toString());
    }
}
