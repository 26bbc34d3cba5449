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
 * A float selective scan counted with each term {@code exp(z_(j+1) + ... + z_t) b_j} a block (counted once per
 * length and input levels, {@code FloatScan.term}) gives the figures of the circuit built without hashing: every
 * step 0 .. n - 1 of every line, read whole or in part (a slice of steps or of channels), with z and b at unlike
 * levels (z from a product, b from an exponential), with a constant z, and a second scan whose z and b stand
 * apart in level unlike the first's (the terms' keys must tell them apart).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FloatScanTermsTest {
    @ParameterizedTest(name = "n = {0}, p = {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "6 | 6 | output H = scanexp(X, Y);",
        "7 | 5 | output H = scanexp(X * Y, exp(Y));",
        "6 | 6 | let H = scanexp(X, Y); output O = H[2:5, 1:2];",
        "6 | 5 | output H = scanexp(-(X * X), Y) + X;",
        "5 | 6 | output H = scanexp(-ones([n, 2]), Y);",
        "5 | 5 | let A = scanexp(X, Y); output H = scanexp(A * Y, A);",
    })
    void theTermsCountedAsBlocksAreTheBuiltCircuits(int n, int p, String body) {
        String source = "model m(n = " + n + ") {\n    precision float(p: " + p + ");\n    input X: [n, 2];\n    input Y: [n, 2];\n    "
                + body + "\n}\n";
        CircuitStats built = CircuitStats.of(TensorIrToCircuit.lower(Specs.elaborate(source), WeightedSum.DEFAULT_ROUNDS, false).circuit());
        assertEquals(CountedCost.of(built), TensorIrToCost.count(Specs.elaborate(source), WeightedSum.DEFAULT_ROUNDS), body);
    }
}
