package tc0.proofs.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.count.TensorIrToCost;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.pipeline.Pipeline;

/**
 * gcn's gates as a sum over its nodes, each within c * elements(n) * its gadget's shape, at n = 4 ... 4096 with
 * values between powers of two; Z3 proves the sum <= C n^3 for every n >= 4. A wrong multiplicity or a shape one
 * factor too small is caught by the larger n.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DecompositionTest {
    static final Path ROOT = Files.isDirectory(Path.of("..", "examples")) ? Path.of("..") : Path.of(".");
    static final List<Long> NS = List.of(4L, 5L, 6L, 8L, 12L, 16L, 32L, 64L, 100L, 256L, 300L, 1000L, 1024L, 3000L, 4096L);
    static final SortedMap<Long, List<NodeFigures>> BY_N = new TreeMap<>();
    static final SortedMap<Long, BigInteger> GATES = new TreeMap<>();

    @BeforeAll
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // 15 counts, about 10 s on an idle machine
    static void count() {
        for (long n : NS) {
            TensorIrToCost.ByNode b = TensorIrToCost.countByNode(Pipeline.elaborate(ROOT.resolve("examples/gcn.tc0"), Map.of("n", n)), WeightedSum.DEFAULT_ROUNDS);
            BY_N.put(n, NodeFigures.of(b));
            GATES.put(n, b.total().gates());
        }
    }

    /** The nodes' gates add up to the count, and gcn's total is the one `tc0 stats --count-only` prints (sweep CSV, n = 4096). */
    @Test
    void nodesAddUpToTheCount() {
        for (long n : NS) {
            BigInteger sum = BY_N.get(n).stream().map(NodeFigures::gates).reduce(BigInteger.ZERO, BigInteger::add);
            assertEquals(GATES.get(n), sum, "n = " + n);
        }
        assertEquals(new BigInteger("10744451615"), GATES.get(4096L));
    }

    /**
     * Every node term holds at every n counted (the larger n confirm constants fitted on n <= 256); the bound is at
     * least the count everywhere, and Z3 proves it is at most C n^3 for every n >= 4.
     */
    @Test
    void boundHoldsAndIsProvedCubic() {
        Decomposition d = Decomposition.of(BY_N).decomposition().orElseThrow();
        SizeProof p = SizeProof.of(d, BY_N, GATES);
        assertEquals(List.of(), p.exceeded());
        for (long n : NS) assertTrue(p.bound().ceilAt(BigInteger.valueOf(n)).compareTo(GATES.get(n)) >= 0, "n = " + n);
        assertEquals(3, p.k(), p.bound().text());
        assertTrue(Z3Growth.provesAtMostEveryN(p.bound(), p.c(), 3));
        assertFalse(Z3Growth.provesAtMostEveryN(p.bound(), p.c(), 2), "the bound has n^2 L^2 terms: no C n^2 holds it");
        // gcn's adjacency matmul: 4 n outputs, each a dot product of m = n terms: elements 4 n, m = n
        Decomposition.Term adjacency = d.terms().stream().filter(t -> t.node() == 11).findFirst().orElseThrow();
        assertEquals(GadgetShape.DOT, adjacency.shape());
        assertEquals("4 n", adjacency.elements().text());
        assertEquals("n", adjacency.m().text());
    }

    /**
     * A multiplicity too small (the adjacency matmul's elements taken as 4, its feature axis, not 4 n) is past its
     * term at the larger n.
     */
    @Test
    void aWrongMultiplicityIsCaught() {
        Decomposition d = Decomposition.of(BY_N).decomposition().orElseThrow();
        Decomposition bad = new Decomposition(replace(d, 11, t -> new Decomposition.Term(t.node(), t.op(), t.region(), t.shape(), constant(4), t.m(),
                t.wA(), t.wB(), t.inA(), t.inB(), t.num(), t.den())));
        assertFalse(bad.exceeded(4096, BY_N.get(4096L)).isEmpty());
    }

    /** A gadget bound one factor too small (the adjacency dot product taken as w^2, not m w^2) fails at the larger n. */
    @Test
    void aShapeTooSmallIsCaught() {
        Decomposition d = Decomposition.of(new TreeMap<>(BY_N)).decomposition().orElseThrow();
        Decomposition.Term t = d.terms().stream().filter(x -> x.node() == 11).findFirst().orElseThrow();
        // refit its constant on n <= 256 under the smaller shape, as Decomposition would
        BigInteger num = BigInteger.ZERO, den = BigInteger.ONE;
        for (long n : NS) {
            if (n > Decomposition.FIT_MAX_N) continue;
            NodeFigures f = BY_N.get(n).get(11);
            BigInteger s = GadgetShape.QUADRATIC.at(f.m(), f.w(), f.wIn()).multiply(BigInteger.valueOf(f.elements()));
            if (f.gates().multiply(den).compareTo(num.multiply(s)) > 0) { num = f.gates(); den = s; }
        }
        Decomposition.Term small = new Decomposition.Term(11, t.op(), t.region(), GadgetShape.QUADRATIC, t.elements(), t.m(), t.wA(), t.wB(), t.inA(), t.inB(),
                num.multiply(BigInteger.valueOf(5)), den.multiply(BigInteger.valueOf(4)));
        Decomposition bad = new Decomposition(replace(d, 11, x -> small));
        assertTrue(bad.exceeded(256, BY_N.get(256L)).isEmpty(), "the fit range is within the smaller shape");
        assertFalse(bad.exceeded(4096, BY_N.get(4096L)).isEmpty(), "n = 4096 is past it");
    }

    /**
     * From below: the adjacency products' AND gates (4 n entries of n products of a 1-bit by an (L + 12)-bit word,
     * two layers) are within their nodes' counts, their leading term n^2 L refutes every C' n^2: gcn's degree 3 is
     * its smallest (its count / n^2 is 640 at 4096 and falls, yet grows like L past some n).
     */
    @Test
    void degreeTwoIsRefutedFromBelow() {
        Decomposition d = Decomposition.of(BY_N).decomposition().orElseThrow();
        LowerBound lb = LowerBound.of(d, BY_N);
        assertEquals(List.of(), lb.dropped());
        assertTrue(lb.terms().stream().anyMatch(t -> t.node() == 11 && t.value().text().equals("4 n^2 L + 48 n^2")), lb.value().text());
        LowerBound.Refutation r = lb.refutes(3, BigInteger.valueOf(2241), 4096);
        assertTrue(r.everyC(), r.text(3));
        assertEquals(new Poly.Term(2, 1, 0), r.leading());
        assertTrue(r.atL().isPresent());
        for (long n : NS) {
            if (Long.bitCount(n) != 1) continue;
            BigInteger nn = BigInteger.valueOf(n);
            assertTrue(lb.value().scaledAt(nn, Formula.ceilLog2(nn), nn).compareTo(GATES.get(n).multiply(lb.value().denominator())) <= 0, "n = " + n);
        }
    }

    /** A lower term above its node's count (the adjacency product's entries taken as 400 n, not 4 n) is dropped, not kept. */
    @Test
    void aLowerTermAboveTheCountIsDropped() {
        Decomposition d = Decomposition.of(BY_N).decomposition().orElseThrow();
        Formula many = new Formula(Map.of(new Monomial(1, 0), BigInteger.valueOf(400)), BigInteger.ONE);
        Decomposition bad = new Decomposition(replace(d, 11, t -> new Decomposition.Term(t.node(), t.op(), t.region(), t.shape(), many, t.m(),
                t.wA(), t.wB(), t.inA(), t.inB(), t.num(), t.den())));
        LowerBound lb = LowerBound.of(bad, BY_N);
        assertTrue(lb.terms().stream().noneMatch(t -> t.node() == 11));
        assertTrue(lb.dropped().stream().anyMatch(s -> s.startsWith("node 11 matmul has ")), lb.dropped().toString());
    }

    /**
     * Per node, a formula n^a L^b equal at every power of two where the gadget's cost is linear in the width: a relu
     * keeps the w - 1 bits under the sign, one gate each (the bit and not the sign), on 4 n entries of (L + 12)-bit
     * words: 4 n (L + 11). The matrix products (column compression) have none.
     */
    @Test
    void nodeFormulasWhereTheCostIsAPolynomialInTheWidth() {
        NodeFormulas f = NodeFormulas.of(BY_N);
        int relu = f.nodes().indexOf(17);
        assertEquals("relu", BY_N.get(4096L).get(17).op());
        assertEquals("4 n L + 44 n", f.formulas().get(relu).orElseThrow().formula().text());
        assertEquals(24 - 1, BY_N.get(4096L).get(17).gates().divide(BigInteger.valueOf(4 * 4096)).intValueExact(), "w - 1 gates per entry at n = 4096 (w = 24)");
        assertTrue(f.ops().contains("matmul"), f.text());
        assertTrue(f.fitted() < f.formulas().size(), f.text());
    }

    private static List<Decomposition.Term> replace(Decomposition d, int node, java.util.function.UnaryOperator<Decomposition.Term> f) {
        List<Decomposition.Term> out = new ArrayList<>();
        for (Decomposition.Term t : d.terms()) out.add(t.node() == node ? f.apply(t) : t);
        return out;
    }

    private static Formula constant(int c) {
        return Formula.constant(BigInteger.valueOf(c));
    }
}
