package tc0.proofs.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.proofs.check.Instances;
import tc0.proofs.check.Outcome;
import tc0.proofs.check.Target;
import tc0.proofs.catalog.Catalog;
import tc0.proofs.catalog.Claim;
import tc0.proofs.check.Verdict;

/** SYMBOLIC on specs: what fits, what Z3 proves, and where no formula fits (said, not hidden). */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class SymbolicCheckTest {
    static final Path ROOT = Files.isDirectory(Path.of("..", "examples")) ? Path.of("..") : Path.of(".");
    static final List<Long> POWERS = List.of(4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 1024L, 2048L, 4096L);
    private final Instances in = new Instances(ROOT);

    /**
     * The softmax block's gates fit 65/2 n^3 + 3 n^2 L + 39/2 n^2 + n L + 12 n on n = 4 ... 512 and equal the counts
     * at 1024 ... 4096 (fitted and confirmed, not derived); depth 7 at every n; Z3: gates <= C n^3 with C = 65/2 + 3/2
     * + 39/2 + 1/2 + 12 = 66 (each n^a L^b <= n^(a+b) / 2^b), and 66 n^2 is exceeded already at n = 4 (2,544 > 1,056).
     */
    @Test
    void softmaxBlockHasAFormulaAndADegreeBound() {
        Outcome o = SymbolicCheck.run(new Target("p", "c", "examples/blocks/softmax.tc0", POWERS), in, SymbolicCheck.Expect.CONSTANT);
        assertInstanceOf(Verdict.Holds.class, o.verdict(), o.figures().toString());
        assertEquals("depth = 7 (fitted on n = 4, confirmed on n = 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096); Z3: the same at every n = 2^L >= 4",
                o.figures().get(0));
        assertTrue(o.figures().get(1).startsWith("gates = (65 n^3 + 6 n^2 L + 39 n^2 + 2 n L + 24 n) / 2 (fitted on n = 4, "), o.figures().get(1));
        assertTrue(o.figures().get(1).contains("Z3: gates <= 66 n^3 for every n = 2^L >= 4; 66 n^2 is exceeded at n = 2^2"), o.figures().get(1));
        // independently: 65/2 4096^3 + 3 4096^2 12 + 39/2 4096^2 + 4096 12 + 12 4096, the count at n = 4096
        BigInteger n = BigInteger.valueOf(4096);
        BigInteger byHand = n.pow(3).multiply(BigInteger.valueOf(65)).add(n.pow(2).multiply(BigInteger.valueOf(6 * 12 + 39)))
                .add(n.multiply(BigInteger.valueOf(2 * 12 + 24))).divide(BigInteger.TWO);
        assertEquals(byHand, in.count("examples/blocks/softmax.tc0", 4096).gates());
    }

    /** tree_sum: depth a L + b, proved to grow like log n; its claim (a contrast) holds. */
    @Test
    void treeSumDepthGrowsLikeLogN() {
        Outcome o = SymbolicCheck.run(new Target("p", "c", "examples/contrast/tree_sum.tc0", List.of(4L, 8L, 16L, 32L, 64L, 128L)), in,
                SymbolicCheck.Expect.LOG);
        assertInstanceOf(Verdict.Holds.class, o.verdict(), o.figures().toString());
        assertTrue(o.figures().get(0).contains("L") && o.figures().get(0).contains("like log n"), o.figures().get(0));
    }

    /** The same depth checked as a TC0 claim fails: its formula has n in it. */
    @Test
    void aGrowingDepthFailsAConstantClaim() {
        Outcome o = SymbolicCheck.run(new Target("p", "c", "examples/contrast/tree_sum.tc0", List.of(4L, 8L, 16L, 32L, 64L, 128L)), in,
                SymbolicCheck.Expect.CONSTANT);
        assertInstanceOf(Verdict.Fails.class, o.verdict(), o.figures().toString());
    }

    /**
     * gin: depth 91 proved constant, but no formula n^a L^b fits its gates at powers of two (column compression
     * and tables are not polynomials in L), so the size is undecided, and says so.
     */
    @Test
    void ginHasNoGatesFormula() {
        Outcome o = SymbolicCheck.run(new Target("p", "c", "examples/gin.tc0", List.of(4L, 8L, 16L, 32L, 64L, 128L, 256L, 12L, 48L)), in,
                SymbolicCheck.Expect.CONSTANT);
        assertInstanceOf(Verdict.Undecided.class, o.verdict(), o.figures().toString());
        assertTrue(o.figures().get(0).startsWith("depth = 91 "), o.figures().get(0));
        assertTrue(o.figures().get(1).startsWith("gates: no formula"), o.figures().get(1));
        assertEquals("depth between powers of two: equal at n = 12, 48", o.figures().get(2));
    }

    /**
     * gcn: no formula fits its gates, but the node decomposition confirmed past n = 256 (300, 1000 and 3000 not powers
     * of two) gives gates <= C n^3 for every n >= 4, so the claim holds; the depth is bounded at every n counted,
     * the mean's own depth differing between powers of two and the others.
     */
    @Test
    @Timeout(value = 400, unit = TimeUnit.SECONDS) // 11 counts and Z3, about 15 s on an idle machine
    void gcnSizeIsProvedForEveryN() {
        List<Long> ns = List.of(4L, 5L, 8L, 16L, 32L, 64L, 256L, 300L, 1000L, 3000L, 4096L);
        Outcome o = SymbolicCheck.run(new Target("p", "c", "examples/gcn.tc0", ns), in, SymbolicCheck.Expect.CONSTANT);
        assertInstanceOf(Verdict.Holds.class, o.verdict(), o.figures().toString());
        assertTrue(o.figures().stream().anyMatch(f -> f.startsWith("size: Z3: gates <= ") && f.contains(" n^3 for every n >= 4")), o.figures().toString());
        String depth = o.figures().stream().filter(f -> f.startsWith("depth <= ")).findFirst().orElseThrow();
        assertTrue(depth.startsWith("depth <= 113 at every n counted (deepest 113") && depth.contains("mean: "), depth);
    }

    /**
     * A default run's sweep stops at n = 256, where the node terms are fitted and not yet confirmed: two counts past it
     * are added (512, 1024); a sweep already past 256 (--heavy) or empty is left as it is.
     */
    @Test
    void aSweepToTheFitGetsTwoConfirmingCounts() {
        assertEquals(List.of(4L, 8L, 256L, 512L, 1024L), SymbolicCheck.withConfirmation(List.of(4L, 8L, 256L)));
        assertEquals(List.of(4L, 8L, 512L), SymbolicCheck.withConfirmation(List.of(4L, 8L, 512L)));
        assertEquals(List.of(), SymbolicCheck.withConfirmation(List.of()));
    }

    /**
     * The RoPE paper's main theorem in a default run (the catalog's sweep to n = 256): with the two confirming counts
     * the node decomposition proves its size for every n >= 4, so SYMBOLIC holds (it was undecided: "no size bound is
     * proved from the node decomposition").
     */
    @Test
    void theRopeTheoremHoldsInADefaultRun() {
        Claim c = Catalog.load().paper("2411.07602").orElseThrow().claims().stream().filter(x -> x.id().equals("main theorem")).findFirst().orElseThrow();
        List<Outcome> out = SymbolicCheck.forClaim(c, in, 256);
        assertEquals(1, out.size());
        assertTrue(out.getFirst().instances().endsWith("256, 512, 1024 counted"), out.getFirst().instances());
        assertInstanceOf(Verdict.Holds.class, out.getFirst().verdict(), out.getFirst().figures().toString());
        assertTrue(out.getFirst().figures().stream().anyMatch(f -> f.startsWith("size: Z3: gates <= ") && f.contains(" n^3 for every n >= 4")), out.getFirst().figures().toString());
    }
}
