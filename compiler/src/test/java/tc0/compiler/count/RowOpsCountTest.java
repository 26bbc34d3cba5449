package tc0.compiler.count;

import static tc0.compiler.count.CountAsserts.assertCountedOrAhead;
import static tc0.compiler.count.CountAsserts.program;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Counted = built for the row ops: softmax, layer norm, RoPE, Kronecker products (where the lowering builds them). */
class RowOpsCountTest {
    private static final String P5 = "model m() { precision fixed(int: 5, frac: 4); ";

    @Test
    void softmaxAlongEitherAxis() {
        assertCountedOrAhead(program("input X: [3, 4]; output A = softmax(X, axis: 0); output B = softmax(X, axis: 1);"));
    }

    @Test
    void softmaxOfALineOfOneAndOfComputedInputs() {
        assertCountedOrAhead(program("input X: [1, 3]; output A = softmax(X, axis: 0); output B = softmax(relu(X) * 0.5, axis: 1);"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void layerNormRows(int m) {
        assertCountedOrAhead(program("input X: [3, " + m + "]; output Y = layernorm(X);"));
    }

    @Test
    void ropeRows() {
        assertCountedOrAhead(program("input X: [5, 4]; output Y = rope(X);"));
        assertCountedOrAhead(program(P5, "input X: [7, 6]; weight W: [6, 6] = random(seed: 2); output Y = rope(X @ W);"));
    }

    /** Two layers of RoPE: the second's pairs sit higher (counted from the first's, moved up), rows at several positions. */
    @Test
    void ropeInTwoLayersAtDifferentLevels() {
        assertCountedOrAhead(program(P5, "input X: [9, 4]; weight W: [4, 4] = random(seed: 5); weight V: [4, 4] = random(seed: 6);"
                + " let A = rope(X @ W); output Y = rope(A @ V); output Z = rope(relu(A) @ W);"));
    }

    @Test
    void kroneckerProducts() {
        assertCountedOrAhead(program("input A: [2, 3]; input B: [2, 2]; input C: [2, 3]; input D: [3, 3];"
                + " output R = rowkron(A, B); output Q = colkron(C, D);"));
        assertCountedOrAhead(program("input A: [3, 2]; output R = rowkron(A, ones([3, 2])); output L = rowkron(ones([3, 4]), A);"
                + " output T = rowkron(A, ones([3, 2]) * 2); output Z = colkron(zeros([2, 2]), A[0:2, :]);"));
        assertCountedOrAhead(program("input A: [2, 3] bit; input B: [2, 2]; weight W: [2, 2] = random(seed: 3);"
                + " output R = rowkron(A, B); output Q = colkron(B, A[:, 0:2]); output S = rowkron(B, W);"));
    }
}
