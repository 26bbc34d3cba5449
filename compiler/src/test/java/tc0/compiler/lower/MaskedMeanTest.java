package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.interp.ReferenceInterpreter;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.testing.BitExact;

/**
 * {@code mean(X, axis: k, mask: M)}: the circuit equals the reference bit for bit; the reference is the mean of the
 * kept entries rounded once (hand-worked rows), 0 where nothing is kept, and the plain mean where all are kept.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MaskedMeanTest {
    private static final String HEAD = "model m() { precision fixed(int: 4, frac: 4); ";

    private static TensorProgram program(String body) {
        return Specs.elaborate(HEAD + body + " }");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "input A: [4, 5] bit; input X: [4, 5]; output Z = mean(X, axis: 1, mask: A);",
        "input A: [4, 5] bit; input X: [4, 5]; output Z = mean(X, axis: 0, mask: A);",
        "input V: [4, 1] bit; input X: [4, 3]; output Z = mean(X, axis: 0, mask: V);",
        "input A: [3, 3] bit; input X: [3, 2]; output Z = mean(X @ transpose(X), axis: 1, mask: A);",
        "input X: [4, 4]; output Z = mean(X, axis: 1, mask: eye(4)) + mean(X, axis: 1, mask: tril(4));",
        "input A: [1, 1] bit; input X: [1, 1]; output Z = mean(X, axis: 0, mask: A);",
        "input A: [4, 4] bit; input X: [4, 4]; output Z = mean(X, axis: 1, mask: where(eye(4), 1, A));",
        "input A: [4, 4] bit; input X: [4, 4]; output Z = softmax(X, axis: 1, mask: where(eye(4), 1, A));",
        "input A: [4, 4] bit; input B: [4, 4] bit; input X: [4, 4]; output Z = mean(X, axis: 1, mask: where(A, B, 0));",
    })
    void circuitEqualsReference(String body) {
        TensorProgram p = program(body);
        BitExact.assertBitExact(TensorIrToCircuit.lower(p), BitExact.edgeAndRandom(p, 60));
    }

    @Test
    void theMeanOfTheKeptEntriesRoundedOnceAndZeroWhereNoneIsKept() {
        // Codes of fixed(4, 4) (value v is code 16 v). Row 0 keeps nothing: 0 (not a division by 0, not saturated).
        // Row 1 keeps 1 and 2: 1.5 rounds up to 2 (ties up). Row 2 keeps -1 and -2: -1.5 rounds up to -1.
        // Row 3 keeps 7, 7, 8: 22/3 = 7.33 -> 7; the masked -8 however large takes no part.
        long[] z = ReferenceInterpreter.run(program("input A: [4, 4] bit; input X: [4, 4]; output Z = mean(X, axis: 1, mask: A);"),
                Map.of("A", new long[] {0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 1, 1, 0},
                        "X", new long[] {5, 6, 7, 8, 1, 2, 100, 3, 50, -1, -2, 9, 7, 7, 8, -128})).get("Z");
        assertArrayEquals(new long[] {0, 2, -1, 7}, z);
    }

    @Test
    void whereOfBitsIsABitMaskAndAddsSelfLoops() {
        // A has no edge: with self-loops each row keeps its diagonal entry alone, whose mean is itself.
        long[] z = ReferenceInterpreter.run(program("input A: [3, 3] bit; input X: [3, 3]; output Z = mean(X, axis: 1, mask: where(eye(3), 1, A));"),
                Map.of("A", new long[9], "X", new long[] {5, 6, 7, 8, -9, 10, 11, 12, 13})).get("Z");
        assertArrayEquals(new long[] {5, -9, 13}, z);
    }

    @Test
    void aMaskOfOnesIsThePlainMean() {
        TensorProgram masked = program("input A: [5, 3] bit; input X: [5, 3]; output Z = mean(X, axis: 0, mask: A);");
        TensorProgram plain = program("input X: [5, 3]; output Z = mean(X, axis: 0);");
        SplittableRandom r = new SplittableRandom(7);
        long[] ones = new long[15];
        java.util.Arrays.fill(ones, 1);
        for (int s = 0; s < 200; s++) {
            long[] x = new long[15];
            for (int i = 0; i < x.length; i++) x[i] = r.nextLong(-128, 128);
            assertArrayEquals(ReferenceInterpreter.run(plain, Map.of("X", x)).get("Z"),
                    ReferenceInterpreter.run(masked, Map.of("X", x, "A", ones)).get("Z"));
        }
    }
}
