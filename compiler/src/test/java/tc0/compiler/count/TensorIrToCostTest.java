package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc0.compiler.count.CountAsserts.assertCounted;
import static tc0.compiler.count.CountAsserts.built;
import static tc0.compiler.count.CountAsserts.program;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.ir.TensorProgram;

/** Counted = built (no hashing), op by op, on small hand-made programs. */
class TensorIrToCostTest {
    @Test
    void addSubAndElementwiseProduct() {
        assertCounted(program("input X: [2, 3]; input Y: [2, 3]; output S = X + Y; output D = X - Y; output M = X * Y;"));
    }

    @Test
    void aWordTimesItselfSharesItsLiterals() {
        assertCounted(program("input X: [2, 3]; output Q = X * X; output Z = X - X;"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp", "sigmoid", "tanh", "gelu", "abs", "relu", "sqrt", "recip"})
    void unaryFunctions(String f) {
        assertCounted(program("input X: [2, 2]; output Y = " + f + "(X);"));
    }

    @Test
    void aTableOfATableSeesConstantBits() {
        // relu's sign bit is constant 0, exp of it reads fewer comparators
        assertCounted(program("input X: [2, 2]; output Y = exp(relu(X)); output Z = sqrt(abs(X) + 1);"));
    }

    @Test
    void wiringAloneCostsNothing() {
        CountedCost c = assertCounted(program("input X: [2, 3]; input Y: [2, 3]; output T = transpose(X);"
                + " output C0 = concat(X, Y, axis: 0); output C1 = concat(X, Y, axis: 1); output R = reshape(X, [3, 2]);"));
        assertEquals(CountedCost.of(0, 0, 0, 0), c);
    }

    @Test
    void scaleByConstants() {
        assertCounted(program("input X: [2, 3]; output A = X * 0.5; output B = X / 3; output C = -X; output D = X * 2.75;"));
    }

    @Test
    void fillsAndBroadcasts() {
        assertCounted(program("input X: [2, 3]; input R: [1, 3]; input K: [2, 1]; output A = X + 1; output B = X + R;"
                + " output C = X * K; output Z = zeros([2, 2]);"));
    }

    @Test
    void constantOnEitherSideOfAProduct() {
        assertCounted(program("input X: [3, 4]; weight W: [4, 2] = random(seed: 1); weight V: [2, 3] = random(seed: 2);"
                + " output Y = X @ W; output Z = V @ X; output T = X @ transpose(transpose(W));"));
    }

    @Test
    void aWeightWithAZeroRowLeavesAnInputUnread() {
        // ones * 0 is a constant zero row: X's second column is read by no sum, but X is an input (no gate dies)
        assertCounted(program("input X: [2, 2]; weight W: [2, 2] = random(seed: 3); output Y = X @ (W * 0);"));
    }

    @Test
    void variableProducts() {
        assertCounted(program("input X: [2, 3]; input Y: [3, 2]; input A: [3, 3] bit; output P = X @ Y; output Q = A @ Y;"));
    }

    @Test
    void productsOfComputedFactors() {
        assertCounted(program("input X: [3, 2]; weight W: [2, 2] = random(seed: 4); let Q = X @ W; let K = relu(X) @ W;"
                + " output S = Q @ transpose(K);"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void roundsAreCountedAsBuilt(int rounds) {
        assertCounted(program("input X: [2, 4]; input Y: [4, 2]; weight W: [4, 2] = random(seed: 7);"
                + " output A = X @ W; output B = X @ Y; output S = sum(X, axis: 1);"), rounds);
    }

    @Test
    void reductions() {
        assertCounted(program("input X: [3, 3]; output A = mean(X, axis: 0); output B = sum(X, axis: 1);"
                + " output C = max(X, axis: 0); output D = min(X, axis: 1); output E = max(X, axis: 1); output F = min(X, axis: 0);"));
    }

    @Test
    void reductionsOfBitsAndOfOneElement() {
        assertCounted(program("input A: [2, 3] bit; input X: [1, 3]; output S = sum(A, axis: 1); output M = mean(A, axis: 1);"
                + " output N = max(A, axis: 0); output O = min(A, axis: 1); output P = max(X, axis: 0) + 1;"));
    }

    /** A mean whose lines have different forms (a zero line, zero words, bits beside words): each line's own division route, as built. */
    @Test
    void meansWhoseLinesDiffer() {
        assertCounted(program("input X: [1, 4]; output Y = mean(concat(zeros([1, 4]), X, axis: 0), axis: 1);"));
        assertCounted(program("input X: [3, 2, 4]; output Y = mean(concat(X, zeros([3, 2, 4]), axis: 1), axis: 0);"));
        assertCounted(program("input X: [1, 4]; input B: [1, 4] bit; output Y = mean(concat(B, X, axis: 0), axis: 1);"));
        assertCounted(program("input X: [4, 3]; output Y = mean(concat(zeros([1, 4]), transpose(X), axis: 0), axis: 1);"));
    }

    @Test
    void aComposedBlock() {
        assertCounted(program("input X: [3, 4]; weight W1: [4, 4] = random(seed: 8); weight W2: [4, 4] = random(seed: 9);"
                + " let H = gelu(X @ W1); output Y = X + H @ W2; output Z = transpose(Y) * 0.25;"));
    }

    @Test
    void unusedNodesCostNothing() {
        TensorProgram p = program("input X: [2, 2]; let U = exp(X); output Y = X + 1;");
        assertEquals(TensorIrToCost.count(p, 2), built(p, 2, false));
        assertEquals(assertCounted(program("input X: [2, 2]; output Y = X + 1;")), TensorIrToCost.count(p, 2));
    }

    @Test
    void aSliceThatDropsComputedElementsIsNotClaimedExact() {
        TensorProgram p = program("input X: [2, 3]; let H = exp(X); output S = H[0:1, 1:3];");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> TensorIrToCost.summaryOnly(p, 2));
        assertTrue(e.getMessage().contains("read only in part"), e.getMessage());
        // the fallback builds small programs instead
        assertEquals(built(p, 2, false), TensorIrToCost.count(p, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum(concat(H, H, axis: 1), axis: 1)", "H @ transpose(H)", "H + transpose(H)"})
    void literalsSharedInsideOneInstanceAreNotClaimedExact(String expr) {
        TensorProgram p = program("input K: [2, 2]; let H = exp(K); output S = " + expr + ";");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> TensorIrToCost.summaryOnly(p, 2));
        assertTrue(e.getMessage().contains("share literals") || e.getMessage().contains("repeats literals"), e.getMessage());
        assertEquals(built(p, 2, false), TensorIrToCost.count(p, 2));
    }

    @Test
    void aBroadcastReadOncePerInstanceIsCountedBySummary() {
        assertCounted(program("input K: [2, 1]; input X: [2, 3]; let H = exp(K); output S = sum(H * X, axis: 1); output T = X @ transpose(X * 0 + 1);"));
    }
}
