package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.dsl.Dsl;

/**
 * The causal pair mask {@code rowkron(tril(n), tril(n))} held as one split keyed by max(a, b) ({@link Diagonal}):
 * the sides' counts, the keyed prefixes and the mask's bits against entry-by-entry definitions, and tensor
 * attention counted through it equal to the circuit built without hashing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PairSplitTest {
    private static final ElemClass ONE = ElemClass.constant(1, 1), ZERO = ElemClass.constant(0, 1);

    @Test
    void pairKeyedSideCountsAreTheEntriesOnEachSide() {
        Random r = new Random(5);
        for (int trial = 0; trial < 60; trial++) {
            int rows = 1 + r.nextInt(7), q = 1 + r.nextInt(5), cols = q * q, g0 = 1 + r.nextInt(3), g1 = 1 + r.nextInt(4);
            long offset = r.nextInt(rows + q) - rows;
            int[] ri = new int[rows], ci = new int[cols];
            for (int i = 0; i < rows; i++) ri[i] = r.nextInt(g0);
            for (int j = 0; j < cols; j++) ci[j] = r.nextInt(g1);
            TriangleCounts t = new TriangleCounts(ri, g0, ci, g1, new Diagonal(offset, q));
            long[][][] want = new long[g0][g1][2];
            for (int i = 0; i < rows; i++) {
                for (int a = 0; a < q; a++) for (int b = 0; b < q; b++) want[ri[i]][ci[a * q + b]][a - i <= offset && b - i <= offset ? 0 : 1]++;
            }
            for (int a = 0; a < g0; a++) for (int b = 0; b < g1; b++) for (int s = 0; s < 2; s++) assertEquals(want[a][b][s], t.count(a, b, s));
        }
    }

    @Test
    void keyedPrefixesHoldTheKeptPositionsCountFirstAndLast() {
        Random r = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            int q = 1 + r.nextInt(6), cols = q * q, groups = 1 + r.nextInt(3);
            int[] ids = new int[cols];
            for (int j = 0; j < cols; j++) ids[j] = r.nextInt(groups);
            Diagonal d = new Diagonal(0, q);
            KeyedPositions kp = KeyedPositions.of(ids, groups, d);
            for (int g = 0; g < groups; g++) {
                for (int cut = -1; cut <= q; cut++) {
                    long below = 0, above = 0;
                    int firstB = Integer.MAX_VALUE, lastB = -1, firstA = Integer.MAX_VALUE, lastA = -1;
                    for (int j = 0; j < cols; j++) {
                        if (ids[j] != g) continue;
                        if (Math.max(j / q, j % q) <= cut) { below++; firstB = Math.min(firstB, j); lastB = Math.max(lastB, j); }
                        else { above++; firstA = Math.min(firstA, j); lastA = Math.max(lastA, j); }
                    }
                    assertEquals(below, kp.atMost(g, cut));
                    assertEquals(below + above, kp.size(g));
                    if (below > 0) { assertEquals(firstB, kp.first(g, 0, cut)); assertEquals(lastB, kp.last(g, 0, cut)); }
                    if (above > 0) { assertEquals(firstA, kp.first(g, 1, cut)); assertEquals(lastA, kp.last(g, 1, cut)); }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void theProductOfTwoTrilsIsOneSplitWithEveryBitOfTheDefinition(int n) {
        long[] sq = {n, n};
        ClassMap tril = TriangleMask.of(sq, new Op.Constant("tril", lower(n)), 1);
        long[] shape = {n, (long) n * n};
        ClassMap m = KronCount.bits(tril, tril, Op.KronKind.ROW, shape);
        assertTrue(m.split() && m.diagonal().paired(), "held split by max(a, b)");
        assertEquals(2, m.combos(), "two classes whatever n");
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) assertEquals(a <= i && b <= i, m.element(new long[] {i, (long) a * n + b}).code() != 0, i + " " + a + " " + b);
            }
        }
        ClassMap dense = KronCount.bits(tril.dense(), tril.dense(), Op.KronKind.ROW, shape); // the plain product, bit by bit
        for (long f = 0; f < (long) n * n * n; f++) assertEquals(dense.idAt(f), m.idAt(f));
    }

    private static final String PAIRS = """
            fn att(X: [m, k]) -> [m, k] {
                weight Wq: [k, k] = random(seed: 16);
                weight Wk1: [k, k] = random(seed: 17);
                weight Wk2: [k, k] = random(seed: 18);
                weight Wv1: [k, k] = random(seed: 19);
                weight Wv2: [k, k] = random(seed: 20);
                let K = colkron(rope(X @ Wk1), rope(X @ Wk2));
                let V = colkron(X @ Wv1, X @ Wv2);
                let S = softmax(rope(X @ Wq) @ transpose(K) / k, axis: 1, mask: rowkron(tril(m), tril(m)));
                return S @ V;
            }
            model pairs(n = 4, d = 2) {
                precision fixed(int: 6, frac: log2(n) + 3);
                input X: [n, d];
                output Y = X + att(layernorm(X));
            }
            """;

    private long savedLines;

    @BeforeEach
    void byGroups() {
        savedLines = MaskedSoftmaxCount.lineByLineLimit;
        MaskedSoftmaxCount.lineByLineLimit = 0;
    }

    @AfterEach
    void restore() {
        MaskedSoftmaxCount.lineByLineLimit = savedLines;
    }

    /** The mask kept as rowkron of two trils (not folded into one constant), as at large n. */
    @ParameterizedTest
    @ValueSource(longs = {2, 3, 4, 6, 7})
    void tensorAttentionThroughThePairSplitCountsAsBuilt(long n) {
        TensorProgram p = Elaborator.elaborate(Dsl.check(PAIRS, "t.tc0").orElseThrow(), Map.of("n", n), false, 0);
        assertTrue(p.nodes().stream().anyMatch(x -> x.op() instanceof Op.Kron k && k.kind() == Op.KronKind.ROW), "the mask kept as a product");
        CountAsserts.assertCounted(p, 2);
    }

    /**
     * Past 2^31 - 1 key pairs (n = 2^16) the pair axis is held factored, never listed: the count finishes, as deep as
     * at n = 256 (the depth constant in n, the papers' claim).
     */
    @Test
    void aPairAxisPastAnIntIsCountedWithoutListingIt() {
        TensorProgram small = Elaborator.elaborate(Dsl.check(PAIRS, "t.tc0").orElseThrow(), Map.of("n", 256L), true, 0);
        TensorProgram p = Elaborator.elaborate(Dsl.check(PAIRS, "t.tc0").orElseThrow(), Map.of("n", 65536L), true, 0);
        CountedCost c = TensorIrToCost.countWide(p, 2);
        assertEquals(TensorIrToCost.countWide(small, 2).depth(), c.depth());
        assertTrue(c.gates().bitLength() > 64, "a row of 2^32 kept pairs has about 2^63 comparators: " + c.gates());
    }

    private static long[] lower(int n) {
        long[] c = new long[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) c[i * n + j] = j <= i ? 1 : 0;
        return c;
    }
}
