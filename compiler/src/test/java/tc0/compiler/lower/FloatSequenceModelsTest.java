package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.count.CountedCost;
import tc0.compiler.count.TensorIrToCost;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;

/**
 * The sequence models under {@code precision float(p: n)} (examples/float/rope_transformer.tc0, mamba.tc0) at
 * n = p = 4 with one layer and d = 2 (the unit test's size: the defaults, two layers of d = 4, are verified by
 * {@code tc0 verify}, figures in docs/NUMERICS.md): lowered onto the float gadgets and equal to the float reference
 * interpreter bit for bit on edge and random floats; counting gives the built circuit's
 * gates, wires, depth and width exactly.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FloatSequenceModelsTest {
    private static final Map<String, Long> SMALL = Map.of("n", 4L, "layers", 1L, "d", 2L);

    @ParameterizedTest
    @ValueSource(strings = {"rope_transformer", "mamba"})
    void theCircuitEqualsTheReference(String model) {
        TensorProgram p = Specs.example("float/" + model, SMALL);
        assertTrue(p.nodes().stream().anyMatch(n -> n.op() instanceof Op.Softmax || n.op() instanceof Op.MaskedSoftmax || n.op() instanceof Op.ScanExp),
                "the model's attention or scan is in the program");
        Lowered l = TensorIrToCircuit.lower(p);
        Verification.Result r = Verification.run(l, 8, 29, Verification.EXACT);
        Verification.Match m = assertInstanceOf(Verification.Match.class, r, r.toString());
        assertEquals(List.of(), m.constants(), "the output varies with the inputs (not a vacuous match)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rope_transformer", "mamba"})
    void countingEqualsTheBuiltCircuit(String model) {
        CircuitStats built = CircuitStats.of(TensorIrToCircuit.lower(Specs.example("float/" + model, SMALL), WeightedSum.DEFAULT_ROUNDS, false).circuit());
        CountedCost counted = TensorIrToCost.count(Specs.example("float/" + model, SMALL), WeightedSum.DEFAULT_ROUNDS);
        assertEquals(CountedCost.of(built), counted, model + ": gates, wires, depth and width");
    }
}
