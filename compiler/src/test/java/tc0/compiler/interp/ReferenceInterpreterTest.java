package tc0.compiler.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.ir.TensorProgram;

/** Tiny programs in fixed(4, 2) (codes -32..31, values -8..7.75 in quarters), expected codes by hand. */
class ReferenceInterpreterTest {
    private static final String HEAD = "model m() { precision fixed(int: 4, frac: 2); ";

    private static long[] run(String body, Map<String, long[]> inputs) {
        TensorProgram p = Specs.elaborate(HEAD + body + " }");
        return ReferenceInterpreter.run(p, inputs).get("Y");
    }

    @Test
    void aTwoByTwoMatrixProductIsExactThenRoundedOnce() {
        // A = [[1, 0.5], [-1, 0.25]], B = [[0.5, 1], [0.25, -2]]
        // AB = [[0.625, 0], [-0.4375, -1.5]] -> codes 2.5 -> 3, 0, -1.75 -> -2, -6
        long[] y = run("input A: [2, 2]; input B: [2, 2]; output Y = A @ B;",
                Map.of("A", new long[] {4, 2, -4, 1}, "B", new long[] {2, 4, 1, -8}));
        assertArrayEquals(new long[] {3, 0, -2, -6}, y);
    }

    @Test
    void aSoftmaxRowFollowsTheExpTableThenOneDivision() {
        // x = [1, 0]: e = [round(4 e^0), round(4 e^-1)] = [4, 1]; p = [round(4 * 4/5), round(4 * 1/5)] = [3, 1]
        assertArrayEquals(new long[] {3, 1}, run("input X: [1, 2]; output Y = softmax(X);", Map.of("X", new long[] {4, 0})));
        // equal entries share the mass evenly: [0.5, 0.5] -> [2, 2]
        assertArrayEquals(new long[] {2, 2}, run("input X: [1, 2]; output Y = softmax(X);", Map.of("X", new long[] {-32, -32})));
    }

    @Test
    void aResidualAddSaturatesAtTheFormatsRange() {
        long[] y = run("input H: [1, 3]; input X: [1, 3]; output Y = H + X;",
                Map.of("H", new long[] {20, -10, -30}, "X", new long[] {15, 3, -30}));
        assertArrayEquals(new long[] {31, -7, -32}, y);
    }

    @Test
    void divisionByAScalarRoundsTiesUp() {
        // 0.75 / 2 = 0.375 = 1.5 quarters -> 2; -0.375 -> -1.5 quarters -> -1; 7.75 / 2 = 3.875 -> 15.5 -> 16
        assertArrayEquals(new long[] {2, -1, 16}, run("input X: [1, 3]; output Y = X / 2;", Map.of("X", new long[] {3, -3, 31})));
    }

    @Test
    void broadcastingARowAndAddingAScalar() {
        // [[1, 2], [3, 4]] * [0.5, -1] + 0.25
        long[] y = run("input X: [2, 2]; input R: [1, 2]; output Y = X * R + 0.25;",
                Map.of("X", new long[] {4, 8, 12, 16}, "R", new long[] {2, -4}));
        assertArrayEquals(new long[] {3, -7, 7, -15}, y);
    }

    @Test
    void meanIsTheExactSumDividedOnceAndMaxIsACodeComparison() {
        // mean of [0.25, 0.5, 0.5] = 5/12 = 1.667 quarters -> 2; max = 0.5
        assertArrayEquals(new long[] {2}, run("input X: [1, 3]; output Y = mean(X, axis: 1);", Map.of("X", new long[] {1, 2, 2})));
        assertArrayEquals(new long[] {2, 5}, run("input X: [2, 2]; output Y = max(X, axis: 1);", Map.of("X", new long[] {2, -3, 5, 5})));
    }

    @Test
    void bilinearUpsamplingUsesHalfPixelCentres() {
        // [0, 2] to width 4: x = -0.25 (clamped), 0.25, 0.75, 1.25 (clamped) -> [0, 0.5, 1.5, 2]
        long[] y = run("input X: [1, 2]; output Y = upsample(X, to: [1, 4], mode: bilinear);", Map.of("X", new long[] {0, 8}));
        assertArrayEquals(new long[] {0, 2, 6, 8}, y);
        long[] z = run("input X: [1, 2]; output Y = upsample(X, to: [1, 4], mode: nearest);", Map.of("X", new long[] {0, 8}));
        assertArrayEquals(new long[] {0, 0, 8, 8}, z);
    }

    @Test
    void scanexpRoundsExpOfEachExactSumOfLogDecaysThenSumsExactly() {
        // z = 0 (decay 1), b = 1: h = 1, 2, 3
        assertArrayEquals(new long[] {4, 8, 12}, run("input Z: [3, 1]; input B: [3, 1]; output Y = scanexp(Z, B);",
                Map.of("Z", new long[] {0, 0, 0}, "B", new long[] {4, 4, 4})));
        // z = -1, b = 1: E = round(4 e^-1) = 1 and round(4 e^-2) = round(0.54) = 1 quarter, each from its own
        // exact sum (not 0.25 * 0.25): h_2 = 1 + 0.25 + 0.25 = 1.5
        assertArrayEquals(new long[] {4, 5, 6}, run("input Z: [3, 1]; input B: [3, 1]; output Y = scanexp(Z, B);",
                Map.of("Z", new long[] {-4, -4, -4}, "B", new long[] {4, 4, 4})));
        // e^7.75 saturates at 7.75: h_1 = 0.25 + 7.75 * 0.25 = 2.1875 (8.75 quarters) -> 9; two columns, two recurrences
        assertArrayEquals(new long[] {1, 0, 9, 4}, run("input Z: [2, 2]; input B: [2, 2]; output Y = scanexp(Z, B);",
                Map.of("Z", new long[] {0, 0, 31, -32}, "B", new long[] {1, 0, 1, 4})));
    }

    @Test
    void kroneckerProductsAndWiring() {
        // rowkron([1, 2], [0.5, 1]) = [0.5, 1, 1, 2]; transpose and slice move codes only
        assertArrayEquals(new long[] {2, 4, 4, 8},
                run("input A: [1, 2]; input B: [1, 2]; output Y = rowkron(A, B);", Map.of("A", new long[] {4, 8}, "B", new long[] {2, 4})));
        assertArrayEquals(new long[] {1, 3, 2, 4}, run("input X: [2, 2]; output Y = transpose(X);", Map.of("X", new long[] {1, 2, 3, 4})));
        assertArrayEquals(new long[] {2, 4}, run("input X: [2, 2]; output Y = X[:, 1];", Map.of("X", new long[] {1, 2, 3, 4})));
    }

    @Test
    void bitInputsReadAsZeroAndOne() {
        // A = [[1, 0], [1, 1]] bits, H = [0.5, 1.5]^T: A @ H = [0.5, 2]; sum of bits per row = [1, 2]
        assertArrayEquals(new long[] {2, 8}, run("input A: [2, 2] bit; input H: [2, 1]; output Y = A @ H;",
                Map.of("A", new long[] {1, 0, 1, 1}, "H", new long[] {2, 6})));
        assertArrayEquals(new long[] {4, 8}, run("input A: [2, 2] bit; output Y = sum(A, axis: 1);", Map.of("A", new long[] {1, 0, 1, 1})));
    }

    @Test
    void concatenatingBitsWithWordsReadsTheBitsAsZeroAndOne() {
        assertArrayEquals(new long[] {4, 0, 3, 5}, run("input A: [1, 2] bit; input X: [1, 2]; output Y = concat(A, X, axis: 1);",
                Map.of("A", new long[] {1, 0}, "X", new long[] {3, 5})));
    }

    @Test
    void badInputsAreRejected() {
        TensorProgram p = Specs.elaborate(HEAD + "input X: [1, 2]; output Y = X; }");
        assertThrows(IllegalArgumentException.class, () -> ReferenceInterpreter.run(p, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> ReferenceInterpreter.run(p, Map.of("X", new long[] {1})));
        assertThrows(IllegalArgumentException.class, () -> ReferenceInterpreter.run(p, Map.of("X", new long[] {1, 32})));
        assertThrows(IllegalArgumentException.class,
                () -> ReferenceInterpreter.run(p, Map.of("X", new long[] {1, 2}, "Z", new long[] {0})));
    }
}
