package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;

/**
 * {@code eye(n)} is held by its diagonal (one code on {@code i == j}, another off it) from elaboration through
 * counting: a map of two classes whose multiplicities are n and n^2 - n, at n = 2^20 as at 4; GAT counts the same
 * with eye held so as with eye given code by code (the map of one class per entry, counted line by line).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DiagonalMaskTest {
    private static final long N20 = 1L << 20;

    @Test
    void eyeAt2To20IsHeldAsItsDiagonalNotAsCodes() {
        TensorProgram p = Elaborator.elaborate(Specs.check(Specs.examples().resolve("gat.tc0"), Map.of()), Map.of("n", N20), true);
        Op.Constant eye = eye(p);
        assertEquals(new Op.Constant.Diagonal(N20, N20, 0, 1, 0), eye.diagonal());
        assertEquals(null, eye.triangle());
    }

    @Test
    void eyesCodesAreOneOnTheDiagonalAndZeroOffIt() {
        TensorProgram p = CountAsserts.program("input X: [5, 5]; output Z = where(eye(5), X, 0.5);");
        long[] codes = eye(p).codes();
        for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) assertEquals(i == j ? 1 : 0, codes[i * 5 + j], "(" + i + ", " + j + ")");
    }

    @Test
    void eyesMapHasNEntriesOnTheDiagonalAndNSquaredLessNOff() {
        ClassMap m = eyeMap(N20);
        assertTrue(m.onDiagonal());
        long on = 0, off = 0;
        for (int t = 0; t < m.combos(); t++) {
            int[] g = m.combo(t);
            long code = m.at(g).code();
            if (code != 0) on += m.multiplicity(g); // a 1-bit word: the code of 1 reads as -1
            else off += m.multiplicity(g);
        }
        assertEquals(N20, on);
        assertEquals(N20 * N20 - N20, off);
    }

    /** Random row and column groups, classes and offsets: each class's multiplicity is the number of entries that have it. */
    @Test
    void multiplicitiesByClassEqualTheEntriesCountedOneByOne() {
        Random rnd = new Random(20);
        for (int trial = 0; trial < 200; trial++) {
            int rows = 1 + rnd.nextInt(7), cols = 1 + rnd.nextInt(7);
            ClassMap m = randomDiagonal(rnd, rows, cols);
            Map<Integer, Long> byClass = new java.util.HashMap<>(), byEntry = new java.util.HashMap<>();
            for (int t = 0; t < m.combos(); t++) {
                int[] g = m.combo(t);
                byClass.merge(m.at(g).id, m.multiplicity(g), Long::sum);
            }
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) byEntry.merge(m.element(new long[] {i, j}).id, 1L, Long::sum);
            byClass.values().removeIf(v -> v == 0);
            assertEquals(byEntry, byClass, "trial " + trial);
            ClassMap t = m.transpose(), plain = m.dense();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    assertEquals(m.element(new long[] {i, j}), t.element(new long[] {j, i}), "transposed (" + i + ", " + j + ")");
                    assertEquals(m.element(new long[] {i, j}), plain.element(new long[] {i, j}), "dense (" + i + ", " + j + ")");
                    assertEquals(m.element(new long[] {i, j}).id, m.idAt((long) i * cols + j));
                }
            }
        }
    }

    /** GAT counted with eye held as its diagonal equals GAT with the same eye given code by code. */
    @ParameterizedTest
    @ValueSource(longs = {2, 3, 5, 64, 256})
    void gatCountsAsWithEyeGivenCodeByCode(long n) {
        TensorProgram p = Elaborator.elaborate(Specs.check(Specs.examples().resolve("gat.tc0"), Map.of()), Map.of("n", n), true);
        Op.Constant eye = eye(p);
        assertNotNull(eye.diagonal());
        List<Node> nodes = new ArrayList<>(p.nodes());
        for (Node x : p.nodes()) {
            if (x.op() == eye) nodes.set(x.id(), new Node(x.id(), new Op.Constant(eye.name(), eye.codes()), x.shape(), x.elem(), x.region()));
        }
        TensorProgram byCodes = new TensorProgram(p.model(), p.parameters(), p.precision(), nodes, p.inputs(), p.outputs());
        assertEquals(TensorIrToCost.countWide(byCodes, 2), TensorIrToCost.countWide(p, 2));
    }

    /**
     * Scores split on the diagonal, a mask split so or plain, along either axis, and a causal {@code P @ S} whose
     * right factor is split on the diagonal: counted as built without hashing.
     */
    private static final String SPLIT_SCORES = """
            model g(n = 4, d = 2) {
                precision fixed(int: 4, frac: 3);
                input A: [n, n] bit;
                input X: [n, d];
                input B: [n, n];
                input C: [n, n];
                input K: [n, d];
                let S = where(eye(n), B, 0.5) + C;
                output Y = softmax(S, axis: 1, mask: A) @ X;
                output Z = softmax(S, axis: 0, mask: where(eye(n), 1, A));
                output U = softmax(S - 0.25, axis: 1, mask: where(eye(n), A, 1));
                output V = softmax(X @ transpose(K), axis: 1, mask: tril(n)) @ S;
            }
            """;

    @ParameterizedTest
    @ValueSource(longs = {2, 3, 4, 5, 7, 9})
    void softmaxesOfScoresSplitOnTheDiagonalCountAsBuilt(long n) {
        CountAsserts.assertCounted(Elaborator.elaborate(tc0.dsl.Dsl.check(SPLIT_SCORES, "g.tc0").orElseThrow(), Map.of("n", n)));
    }

    private static Op.Constant eye(TensorProgram p) {
        for (Node x : p.nodes()) if (x.op() instanceof Op.Constant c && c.name().startsWith("eye(")) return c;
        throw new AssertionError("no eye constant");
    }

    private static ClassMap eyeMap(long n) {
        int[] table = {ElemClass.constant(0, 1).id, ElemClass.constant(1, 1).id};
        return ClassMap.diagonal(new long[] {n, n}, 0, new int[2][], new int[] {1, 1}, table);
    }

    private static ClassMap randomDiagonal(Random rnd, int rows, int cols) {
        int rg = 1 + rnd.nextInt(3), cg = 1 + rnd.nextInt(3);
        int[] ri = new int[rows], ci = new int[cols];
        for (int i = 0; i < rows; i++) ri[i] = rnd.nextInt(rg);
        for (int j = 0; j < cols; j++) ci[j] = rnd.nextInt(cg);
        int[] table = new int[rg * cg * 2];
        for (int k = 0; k < table.length; k++) table[k] = ElemClass.constant(rnd.nextInt(3), 2).id;
        long offset = rnd.nextInt(7) - 3;
        return ClassMap.diagonal(new long[] {rows, cols}, offset, new int[][] {ri, ci}, new int[] {rg, cg}, table);
    }

    @Test
    void aDiagonalMapThatDoesNotDependOnTheSideIsPlain() {
        int one = ElemClass.constant(1, 1).id;
        ClassMap m = ClassMap.diagonal(new long[] {4, 4}, 0, new int[2][], new int[] {1, 1}, new int[] {one, one});
        assertTrue(!m.sided() && m.isUniform());
        assertArrayEquals(new long[] {4, 4}, m.shape);
    }
}
