package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.count.CountedCost;
import tc0.compiler.count.TensorIrToCost;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.gadgets.WeightedSum;

/**
 * A causal float softmax counted by its stages (each line's max and sum once per length, each entry's
 * {@code exp(x - M)} and share one element alike across lines) gives the figures of the circuit built without
 * hashing, every row length 1 .. n at once: read whole, read in part (a slice of columns leaves some shares
 * unread, and the rows too short to reach them read no share at all), fed by a layer norm so that the rows'
 * inputs come at the levels a model gives them, and followed by P @ X (a row's masked entries zero factors).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FloatSoftmaxStagesTest {
    @ParameterizedTest(name = "n = {0}, p = {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "8 | 8 | output Y = softmax(X, axis: 1, mask: tril(n));",
        "7 | 5 | output Y = softmax(X, axis: 1, mask: tril(n));",
        "6 | 6 | output Y = softmax(X, axis: 1, mask: triu(n));",
        "8 | 6 | let R = softmax(X, axis: 1, mask: tril(n)); output Y = R[:, 2:4];",
        "6 | 6 | let R = softmax(layernorm(X), axis: 1, mask: tril(n)); output Y = R[3:6, :];",
        "6 | 6 | output Y = softmax(X, axis: 1, mask: tril(n)) @ X;",
    })
    void theStagedCountIsTheBuiltCircuits(int n, int p, String body) {
        String source = "model m(n = " + n + ") {\n    precision float(p: " + p + ");\n    input X: [n, n];\n    " + body + "\n}\n";
        CircuitStats built = CircuitStats.of(TensorIrToCircuit.lower(Specs.elaborate(source), WeightedSum.DEFAULT_ROUNDS, false).circuit());
        assertEquals(CountedCost.of(built), TensorIrToCost.count(Specs.elaborate(source), WeightedSum.DEFAULT_ROUNDS), body);
    }
}
