package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.count.CountedCost;
import tc0.compiler.count.TensorIrToCost;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.TensorProgram;

/**
 * Counting a float program ({@code tc0.compiler.count.FloatCount}) gives the figures of the circuit built without
 * hashing, op by op: each row op alone (every output bit read) and followed by an op that reads only some of its
 * output bits or elements (the builder drops the gates no output reaches; counting must drop the same ones), and
 * through a chain of two ops, where the unread outputs of one leave its producer's outputs unread in turn.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FloatCountPerOpTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "output Y = softmax(X, axis: 1);",
        "output Y = softmax(X, axis: 1, mask: tril(n));",
        "output Y = layernorm(X);",
        "output Y = rope(X);",
        "output Y = scanexp(X, X);",
        "output Y = max(X, axis: 1);",
        "output Y = gelu(X);",
        "output Y = X @ transpose(X);",
        "output Y = sum(softmax(X, axis: 1, mask: tril(n)), axis: 0);",
        "output Y = relu(layernorm(X));",
        "let S = scanexp(X, X);\n    output Y = S[0:1, :];",
        "let L = layernorm(X);\n    output Y = L[:, 0:2];",
        "let R = softmax(X, axis: 1);\n    output Y = R[:, 3];",
        "let S = scanexp(exp(X), X);\n    output Y = S[0:1, :];", // step 0 reads no log-decay: no exp is read
        "let R = softmax(layernorm(X), axis: 1);\n    output Y = R[:, 3];",
        "output Y = max(rope(X), axis: 0);",
    })
    void theCountIsTheBuiltCircuits(String body) {
        String source = "model m(n = 4) {\n    precision float(p: n);\n    input X: [n, n];\n    " + body + "\n}\n";
        CircuitStats built = CircuitStats.of(TensorIrToCircuit.lower(Specs.elaborate(source), WeightedSum.DEFAULT_ROUNDS, false).circuit());
        TensorProgram p = Specs.elaborate(source);
        assertEquals(CountedCost.of(built), TensorIrToCost.count(p, WeightedSum.DEFAULT_ROUNDS), body);
    }
}
