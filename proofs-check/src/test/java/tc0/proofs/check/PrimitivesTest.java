package tc0.proofs.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.Primitive;
import tc0.compiler.gadgets.WeightedSum;
import tc0.proofs.catalog.Catalog;
import tc0.proofs.catalog.Claim;
import tc0.proofs.catalog.Paper;

/** d_prod as DEPTH reads it: the iterated product's depth counted, equal to the built circuit's; the formulas that need it decided. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PrimitivesTest {
    private final Instances in = new Instances(ChecksTest.ROOT);

    @Test
    void productDepthIsTheBuiltIteratedProductsDepth() {
        for (long n : new long[] {2, 4, 8}) {
            CircuitBuilder b = new CircuitBuilder();
            int width = 12 + Long.numberOfTrailingZeros(n); // 8 integer bits, log2(n) + 4 fraction bits
            int[][] xs = new int[(int) n][];
            for (int i = 0; i < n; i++) xs[i] = b.inputBus("x" + i, width);
            b.outputBus("r", Primitive.PRODUCT.build(Net.of(b), xs, WeightedSum.DEFAULT_ROUNDS));
            assertEquals(CircuitStats.of(b.build()).depth(), Primitives.productDepth(n), "n = " + n);
            assertEquals(width, Primitives.productWidth(n));
        }
        assertEquals(Primitives.productDepth(2), Primitives.measure(in, 2).depths().get("d_prod"));
    }

    @Test
    void aFormulaWithDProdIsDecided() {
        Paper mamba = Catalog.load().paper("2412.06148").orElseThrow();
        Claim log = mamba.claim("Lemma 4.1 / B.3").orElseThrow(); // 2 d_sum + 2 d_prod + 3 d_std beside blocks/log
        Outcome o = DepthCheck.run(mamba, log, new Target(mamba.id(), log.id(), "examples/blocks/log.tc0", java.util.List.of(2L, 4L)), in);
        assertInstanceOf(Verdict.Holds.class, o.verdict(), o.verdict().line() + "\n" + o.figures());
    }
}
