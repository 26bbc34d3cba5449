package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.ir.TensorProgram;
import tc0.dsl.Dsl;

/**
 * Masked softmax, where, eye/tril/triu, elementwise division and rsqrt counted by summaries, against the circuit
 * built without hashing. A causal mask drops the upper triangle of the scores and the query of position 0; the
 * count must leave their gates out as the builder does ({@link DeadEntries}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MaskedCountTest {
    /** A two-layer causal RoPE transformer (CausalRangeTest reads it with other masks). */
    static final String CAUSAL = """
            fn att(X: [m, k]) -> [m, k] {
                weight Wq: [k, k] = random(seed: 8);
                weight Wk: [k, k] = random(seed: 9);
                weight Wv: [k, k] = random(seed: 10);
                let Q = rope(X @ Wq);
                let K = rope(X @ Wk);
                let S = softmax(Q @ transpose(K) / sqrt(k), axis: 1, mask: tril(m));
                return S @ (X @ Wv);
            }
            model causal(n = 8, d = 4, layers = 2) {
                precision fixed(int: 6, frac: log2(n) + 3);
                input X: [n, d];
                let H = X;
                for l in 0 .. layers {
                    H = H + att(layer_norm(H));
                }
                output Y = H;
            }
            """;

    private static TensorProgram program(String spec, long n) {
        return Elaborator.elaborate(Dsl.check(spec, "t.tc0").orElseThrow(), Map.of("n", n));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 8, 13, 16})
    void causalAttentionCountsAsBuilt(long n) {
        CountAsserts.assertCounted(program(CAUSAL, n));
    }

    @Test
    void aMaskedTransformerCountsFewerGatesThanTheUnmaskedOne() {
        CountedCost masked = TensorIrToCost.summaryOnly(program(CAUSAL, 16), 2);
        CountedCost plain = TensorIrToCost.summaryOnly(program(CAUSAL.replace(", mask: tril(m)", ""), 16), 2);
        assertEquals(-1, masked.gates().compareTo(plain.gates()), masked + " vs " + plain);
        assertEquals(plain.depth(), masked.depth());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "input X: [4, 4]; input Y: [4, 4]; output Z = X / Y;",
        "input X: [3, 5]; output Z = rsqrt(X);",
        "input A: [4, 4] bit; input X: [4, 4]; input Y: [4, 4]; output Z = where(A, X, Y);",
        "input X: [4, 4]; output Z = where(tril(4), X, 0.5) + eye(4);",
        "input X: [5, 5]; output Z = softmax(X, axis: 1, mask: triu(5));",
        "input X: [5, 5]; output Z = softmax(X, axis: 0, mask: tril(5));",
        "input X: [4, 3]; input Y: [4, 3]; output Z = softmax(X @ transpose(Y), axis: 1, mask: eye(4));",
        "input X: [5, 3]; output Z = cumsum(X, axis: 0);",
        "input X: [3, 5]; output Z = cumsum(X, axis: 1);",
        "input X: [3, 4]; output Z = leaky_relu(X, 0.1);",
        "input X: [3, 4]; output Z = elu(X);",
    })
    void newOpsCountAsBuilt(String body) {
        CountAsserts.assertCounted(CountAsserts.program(body));
    }

    @Test
    void aMaskFromTheInputsIsCountedByItsLinesKinds() { // VariableMaskSoftmaxCount; more in VariableMaskSoftmaxCountTest
        TensorProgram p = CountAsserts.program("input A: [4, 4] bit; input X: [4, 4]; output Z = softmax(X, axis: 1, mask: A);");
        CountAsserts.assertCounted(p);
    }
}
