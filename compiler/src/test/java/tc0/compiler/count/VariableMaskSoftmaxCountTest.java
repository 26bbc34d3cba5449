package tc0.compiler.count;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.ir.TensorProgram;
import tc0.dsl.Dsl;

/**
 * A softmax masked by an input (an adjacency, with self-loops or without) counted in closed form by its lines'
 * kinds, against the circuit built without hashing, at n = 2..13; and the GAT example at n = 2, 4; line by line and by
 * groups of lines and positions.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class VariableMaskSoftmaxCountTest {
    private static final String ATTENTION = """
            model g(n = 4, d = 3) {
                precision fixed(int: 4, frac: 3);
                input A: [n, n] bit;
                input X: [n, d];
                input K: [n, d];
                let S = X @ transpose(K);
                output Y = softmax(S, axis: 1, mask: A);
                output Z = softmax(S, axis: 0, mask: where(eye(n), 1, A)) @ X;
                output U = softmax(leaky_relu(S, 0.25), axis: 1, mask: where(eye(n), 1, A));
            }
            """;

    @ParameterizedTest
    @ValueSource(longs = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
    void countsAsBuilt(long n) {
        TensorProgram p = Elaborator.elaborate(Dsl.check(ATTENTION, "g.tc0").orElseThrow(), Map.of("n", n));
        CountAsserts.assertCounted(p);
    }

    /** The same by groups of lines and positions (as past 2^22 elements, where the lines are not visited one by one). */
    @ParameterizedTest
    @ValueSource(longs = {2, 3, 5, 8, 13})
    void countsAsBuiltByGroups(long n) {
        byGroups(() -> CountAsserts.assertCounted(Elaborator.elaborate(Dsl.check(ATTENTION, "g.tc0").orElseThrow(), Map.of("n", n))));
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 4})
    void theGatExampleCountsAsBuiltByGroups(long n) {
        byGroups(() -> CountAsserts.assertCounted(Specs.example("gat", Map.of("n", n))));
    }

    private static void byGroups(Runnable check) {
        long saved = MaskedSoftmaxCount.lineByLineLimit;
        MaskedSoftmaxCount.lineByLineLimit = 0;
        try {
            check.run();
        } finally {
            MaskedSoftmaxCount.lineByLineLimit = saved;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 4})
    void theGatExampleCountsAsBuilt(long n) {
        CountAsserts.assertCounted(Specs.example("gat", Map.of("n", n)));
    }
}
