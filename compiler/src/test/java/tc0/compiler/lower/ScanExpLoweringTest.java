package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.ir.TensorProgram;

/** scanexp lowered through {@link tc0.compiler.gadgets.Scan}, checked against the reference on every input set. */
class ScanExpLoweringTest {

    @Test
    void eachColumnIsItsOwnScan() {
        assertExactAndDepth("input Z: [4, 3]; input B: [4, 3]; output Y = scanexp(Z, B);");
    }

    @Test
    void mambasLogDecaysFromASoftplusStep() {
        // Z = -(softplus(X) * c) <= 0: the discretisation of the prelude's mamba_block, one state
        assertExactAndDepth("input X: [3, 2]; input B: [3, 2]; output Y = scanexp(-(softplus(X) * 0.5), B);");
    }

    @Test
    void depthDoesNotGrowWithTheSequence() {
        int d3 = depth("input Z: [3, 2]; input B: [3, 2]; output Y = scanexp(Z, B);");
        int d6 = depth("input Z: [6, 2]; input B: [6, 2]; output Y = scanexp(Z, B);");
        assertEquals(d3, d6);
    }

    private static void assertExactAndDepth(String body) {
        TensorIrToCircuitTest.assertExact(TensorIrToCircuitTest.program(body));
    }

    private static int depth(String body) {
        TensorProgram p = TensorIrToCircuitTest.program(body);
        return CircuitStats.of(TensorIrToCircuit.lower(p).circuit()).depth();
    }
}
