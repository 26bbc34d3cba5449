package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.dsl.Dsl;

/**
 * Constant triangular masks held by their diagonal ({@link ClassMap#triangle}, {@link TriangleMask}): the split
 * map agrees with the mask's definition entry by entry, its side counts with a count of the entries, and what
 * reads it ({@link TriangleSoftmax}, {@link TriangleProduct}, the dead upper triangle) counts as built.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TriangleCountTest {
    private static final ElemClass ONE = ElemClass.constant(1, 1), ZERO = ElemClass.constant(0, 1);

    /** The codes of a rows x cols matrix: 1 where j - i <= offset (the definition of tril shifted), else 0. */
    private static long[] lower(int rows, int cols, int offset) {
        long[] c = new long[rows * cols];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) c[i * cols + j] = j - i <= offset ? 1 : 0;
        return c;
    }

    @Test
    void aTriangleInTheCodesIsFoundAndHeldAsTwoClasses() {
        for (int rows = 2; rows <= 6; rows++) {
            for (int cols = 2; cols <= 6; cols++) {
                for (int offset = -rows + 1; offset < cols - 1; offset++) {
                    long[] codes = lower(rows, cols, offset);
                    long[] shape = {rows, cols};
                    ClassMap m = TriangleMask.of(shape, new Op.Constant("t", codes), 1);
                    String at = rows + "x" + cols + " offset " + offset;
                    assertTrue(m != null && m.split(), at);
                    assertEquals(2, m.combos(), at);
                    ClassMap dense = m.dense(), t = m.transpose();
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < cols; j++) {
                            boolean want = codes[i * cols + j] != 0; // a 1-bit class's code is -1 (sign-extended)
                            assertEquals(want, m.element(new long[] {i, j}).code() != 0, at + " at " + i + ", " + j);
                            assertEquals(want, ElemClass.byId(m.idAt((long) i * cols + j)).code() != 0, at);
                            assertEquals(want, dense.element(new long[] {i, j}).code() != 0, at);
                            assertEquals(want, t.element(new long[] {j, i}).code() != 0, at + " transposed");
                        }
                    }
                }
            }
        }
    }

    @Test
    void otherMatricesAreNotTriangles() {
        assertNull(TriangleMask.of(new long[] {4, 4}, new Op.Constant("eye", new long[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}), 1));
        long[] almost = lower(4, 4, 0);
        almost[2 * 4 + 1] = 0; // one entry off the pattern
        assertNull(TriangleMask.of(new long[] {4, 4}, new Op.Constant("x", almost), 1));
    }

    @Test
    void sideCountsAreTheEntriesOnEachSide() {
        Random r = new Random(3);
        for (int trial = 0; trial < 40; trial++) {
            int rows = 1 + r.nextInt(9), cols = 1 + r.nextInt(9), g0 = 1 + r.nextInt(3), g1 = 1 + r.nextInt(3);
            long offset = r.nextInt(rows + cols) - rows;
            int[] ri = new int[rows], ci = new int[cols];
            for (int i = 0; i < rows; i++) ri[i] = r.nextInt(g0);
            for (int j = 0; j < cols; j++) ci[j] = r.nextInt(g1);
            TriangleCounts t = new TriangleCounts(ri, g0, ci, g1, offset);
            long[][][] want = new long[g0][g1][2];
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) want[ri[i]][ci[j]][j - i <= offset ? 0 : 1]++;
            for (int a = 0; a < g0; a++) for (int b = 0; b < g1; b++) for (int s = 0; s < 2; s++) assertEquals(want[a][b][s], t.count(a, b, s));
        }
    }

    @Test
    void aZipOfATriangleWithAPlainMapKeepsTheSplitAndItsMultiplicities() {
        long[] shape = {5, 5};
        ClassMap tri = TriangleMask.of(shape, new Op.Constant("tril", lower(5, 5, 0)), 1);
        ClassMap rows = ClassMap.of(shape, new int[][] {{0, 1, 1, 0, 1}, null}, new int[] {2, 1}, new int[] {ONE.id, ZERO.id});
        long[] seen = new long[2]; // entries visited per (tril bit AND row bit)
        ClassMap z = new Zip(tri, rows).map((c, mult) -> {
            int and = c[0].code() != 0 && c[1].code() != 0 ? 1 : 0;
            seen[and] += mult;
            return and == 1 ? ONE : ZERO;
        });
        long ones = 0;
        for (int i = 0; i < 5; i++) if (i == 0 || i == 3) ones += i + 1; // rows 0 and 3 (row group 0: ONE) keep columns 0..i
        assertEquals(ones, seen[1]);
        assertEquals(25 - ones, seen[0]);
        assertTrue(z.split());
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) assertEquals(j <= i && (i == 0 || i == 3), z.element(new long[] {i, j}).code() != 0);
        }
    }

    private static TensorProgram program(String body, long n) {
        return Elaborator.elaborate(Dsl.check("model m(n = 4) { precision fixed(int: 5, frac: 4); " + body + " }", "t.tc0").orElseThrow(),
                Map.of("n", n));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 11})
    void maskedProductsCountAsBuilt(long n) {
        // triu: the diagonal at offset -1 and the kept entries a suffix; P @ V with V's rows in several groups (RoPE).
        CountAsserts.assertCounted(program("input X: [n, 4]; input Y: [n, 4]; weight W: [4, 4] = random(seed: 3); "
                + "output Z = softmax(X @ transpose(Y), axis: 1, mask: triu(n)) @ rope(Y @ W);", n));
        CountAsserts.assertCounted(program("input X: [n, 2]; input Y: [n, 2]; input V: [n, 3]; "
                + "output Z = softmax(X @ transpose(Y) / 2, axis: 1, mask: tril(n)) @ V;", n));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 6, 9, 13})
    void meansUnderATriangularMaskCountAsBuilt(long n) {
        // Kept prefixes (tril) and suffixes (triu); a product's dropped entries are not built (DeadEntries).
        CountAsserts.assertCounted(program("input X: [n, 3]; input Y: [n, 3]; output A = mean(X @ transpose(Y), axis: 1, mask: tril(n)); "
                + "output B = mean(X @ transpose(Y) + 1, axis: 0, mask: triu(n));", n));
    }

    @Test
    void aMaskedScoreMatrixThatIsAnOutputCountsAsBuilt() {
        // The softmax's split output read whole (an output), and the scores' upper triangle live (a second reader).
        CountAsserts.assertCounted(program("input X: [5, 3]; input Y: [5, 3]; let S = X @ transpose(Y); "
                + "output P = softmax(S, axis: 1, mask: tril(5)); output T = S + 1;", 5));
    }

    @Test
    void trilPastWhatCodesHoldIsCountedByItsDiagonal() {
        // tril(50000) has 2.5e9 entries, past the 2^31 - 1 codes a constant holds: counted by its diagonal.
        TensorProgram p = Elaborator.elaborate(Dsl.check("model m(n = 4) { precision fixed(int: 4, frac: 2); input X: [n, 1]; "
                + "input Y: [n, 1]; output Z = softmax(X @ transpose(Y), axis: 1, mask: tril(n)); }", "t.tc0").orElseThrow(), Map.of("n", 50_000L), true);
        Op.Constant tril = (Op.Constant) p.nodes().stream().filter(x -> x.op() instanceof Op.Constant).findFirst().orElseThrow().op();
        assertFalse(tril.triangle() == null);
        CountedCost c = TensorIrToCost.summaryOnly(p, 2);
        assertTrue(c.gates().signum() > 0);
    }
}
