package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.dsl.Dsl;

/**
 * A masked softmax counted by groups of lines and columns (as past 2^22 elements) counts what the circuit
 * built without hashing has: a causal pair mask over tensor attention's n^2 key pairs, and the causal and
 * triangular masks of the line-by-line tests.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MaskedSoftmaxGroupsTest {
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

    /** The pair mask kept as the product of tril(n) and tril(n) (as past 2^22 entries), not one constant. */
    @ParameterizedTest
    @ValueSource(longs = {2, 3, 5})
    void anUnfoldedPairMaskCountsAsBuilt(long n) {
        TensorProgram p = Elaborator.elaborate(Dsl.check(PAIRS, "t.tc0").orElseThrow(), Map.of("n", n), false, 0);
        assertTrue(p.nodes().stream().anyMatch(x -> x.op() instanceof Op.Kron && x.elem() instanceof Elem.Bit), "a mask kept as a product");
        CountAsserts.assertCounted(p, 2);
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 3, 4, 6})
    void causalTensorAttentionCountsAsBuilt(long n) {
        CountAsserts.assertCounted(Elaborator.elaborate(Dsl.check(PAIRS, "t.tc0").orElseThrow(), Map.of("n", n)), 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "input X: [5, 5]; output Z = softmax(X, axis: 1, mask: triu(5));",
        "input X: [5, 5]; output Z = softmax(X, axis: 0, mask: tril(5));",
        "input X: [4, 3]; input Y: [4, 3]; output Z = softmax(X @ transpose(Y), axis: 1, mask: eye(4));",
        "input X: [3, 9]; output Z = softmax(X, axis: 1, mask: rowkron(triu(3), tril(3)));",
        "input X: [4, 3]; input Y: [4, 3]; output Z = softmax(X @ transpose(Y), axis: 1, mask: tril(4));",
        "input X: [9, 3]; input Y: [3, 3]; output Z = softmax(X @ Y, axis: 0, mask: colkron(tril(3), eye(3)));",
    })
    void masksCountAsBuilt(String body) {
        TensorProgram p = CountAsserts.program(body);
        CountAsserts.assertCounted(p, 2);
    }
}
