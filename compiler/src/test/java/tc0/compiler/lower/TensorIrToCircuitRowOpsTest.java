package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc0.compiler.lower.TensorIrToCircuitTest.assertExact;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.circuits.analysis.Levels;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.TensorProgram;
import tc0.dsl.Dsl;

/**
 * Softmax, layer norm, RoPE and the Kronecker products lowered and checked bit for bit against the
 * reference interpreter on edge inputs (zeros, max, min, alternating codes) and random ones
 * ({@link TensorIrToCircuitTest#assertExact}).
 */
class TensorIrToCircuitRowOpsTest {
    private static final int K = WeightedSum.DEFAULT_ROUNDS;

    static TensorProgram program(String precision, String body) {
        String src = "model m() { precision " + precision + "; " + body + " }";
        return Elaborator.elaborate(Dsl.check(src, "t.tc0").orElseThrow(), Map.of());
    }

    static TensorProgram program(String body) {
        return program("fixed(int: 4, frac: 3)", body);
    }

    static int depth(Lowered l) {
        return Levels.of(l.circuit()).depth();
    }

    @Test
    void softmaxAlongEachAxis() {
        assertExact(program("input X: [3, 4]; output A = softmax(X, axis: 0); output B = softmax(X, axis: 1);"));
    }

    @Test
    void softmaxOfAWiderFormat() {
        assertExact(program("fixed(int: 5, frac: 4)", "input X: [2, 5]; output B = softmax(X, axis: 1);"));
    }

    @Test
    void softmaxOfALineOfOne() {
        assertExact(program("input X: [1, 3]; output A = softmax(X, axis: 0);"));
    }

    @Test
    void softmaxDepthIsSevenWhateverTheLineLength() {
        Lowered a = assertExact(program("input X: [2, 3]; output Y = softmax(X, axis: 1);"));
        Lowered b = assertExact(program("input X: [2, 12]; output Y = softmax(X, axis: 1);"));
        assertEquals(7, depth(a));
        assertEquals(7, depth(b));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void layerNormOfLinesOfLength(int m) {
        Lowered l = assertExact(program("input X: [3, " + m + "]; output Y = layernorm(X);"));
        assertTrue(depth(l) <= 4 * K + 8, "depth " + depth(l));
    }

    @Test
    void layerNormOfAWiderFormat() {
        assertExact(program("fixed(int: 4, frac: 5)", "input X: [2, 4]; output Y = layernorm(X);"));
    }

    @Test
    void layerNormDepthDoesNotGrowWithTheLine() {
        int d2 = depth(assertExact(program("input X: [2, 2]; output Y = layernorm(X);")));
        int d5 = depth(assertExact(program("input X: [2, 5]; output Y = layernorm(X);")));
        assertEquals(4 * K + 8, d5);
        assertEquals(d2, d5);
    }

    @Test
    void ropeRotatesEachRowAtItsPosition() {
        Lowered l = assertExact(program("input X: [5, 4]; output Y = rope(X);"));
        assertTrue(depth(l) <= 2 * K + 2, "depth " + depth(l));
        assertExact(program("fixed(int: 4, frac: 6)", "input X: [7, 6]; output Y = rope(X);"));
    }

    @Test
    void rowAndColumnKroneckerProductsOfVariables() {
        Lowered l = assertExact(program("input A: [2, 3]; input B: [2, 2]; input C: [2, 3]; input D: [3, 3];"
                + " output R = rowkron(A, B); output Q = colkron(C, D);"));
        assertTrue(depth(l) <= 2 * K + 3, "depth " + depth(l));
    }

    @Test
    void kroneckerWithOnesIsWiring() {
        Lowered l = assertExact(program("input A: [3, 2]; output R = rowkron(A, ones([3, 2])); output L = rowkron(ones([3, 4]), A);"
                + " output C = colkron(A, ones([2, 2]));"));
        assertEquals(0, l.circuit().gateCount());
    }

    @Test
    void kroneckerWithConstantWeightsFoldsIntoSums() {
        String body = "input A: [2, 3]; weight W: [2, 2] = random(seed: 3); weight V: [3, 3] = random(seed: 4);"
                + " output R = rowkron(A, W); output Q = colkron(V, A); output Z = rowkron(A, zeros([2, 2]));";
        Lowered folded = assertExact(program(body));
        Lowered variable = assertExact(program(body.replace("weight W: [2, 2] = random(seed: 3)", "input W: [2, 2]")
                .replace("weight V: [3, 3] = random(seed: 4)", "input V: [3, 3]")));
        // a constant factor makes no partial product (AND) and no gate for the product with zero
        assertTrue(depth(folded) <= 2 * K + 2, "depth " + depth(folded));
        assertTrue(folded.circuit().gateCount() < variable.circuit().gateCount(),
                folded.circuit().gateCount() + " vs " + variable.circuit().gateCount());
    }

    @Test
    void kroneckerOfBitsAndWords() {
        assertExact(program("input A: [2, 3] bit; input B: [2, 2]; output R = rowkron(A, B); output Q = colkron(B, A[:, 0:2]);"
                + " output S = rowkron(A, ones([2, 2]));"));
    }

    @Test
    void kroneckerWithAConstantThatShiftsOrRounds() {
        // 2 and 0.25 are exact powers of two: 2 a shift that may saturate (rounded sum), 0.25 a rounding
        assertExact(program("input A: [2, 2]; output R = rowkron(A, ones([2, 2]) * 2); output Q = colkron(ones([2, 2]) * 0.25, A);"
                + " output S = rowkron(A, ones([2, 1]) * -1);"));
    }

    @Test
    void aComposedRowBlock() {
        assertExact(program("input X: [3, 4]; weight W: [4, 4] = random(seed: 5);"
                + " let Q = rope(layernorm(X) @ W); output Y = softmax(Q @ transpose(Q), axis: 1) @ X;"));
    }
}
