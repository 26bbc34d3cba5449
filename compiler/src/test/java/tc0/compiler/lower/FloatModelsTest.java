package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.count.CountedCost;
import tc0.compiler.count.TensorIrToCost;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.ChiangFloat;

/**
 * The models under {@code precision float(p: n)} (examples/float/): elaborated with p = n, lowered onto the float
 * gadgets and compared with the float reference interpreter bit for bit on edge and random floats.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FloatModelsTest {
    @ParameterizedTest
    @CsvSource({"gin, 4", "gin, 8", "gcn, 4", "gcn, 8"})
    void atPEqualsNTheCircuitEqualsTheReference(String model, long n) {
        TensorProgram p = Specs.example("float/" + model, Map.of("n", n));
        assertEquals(new ChiangFloat.Format((int) n, 64 - Long.numberOfLeadingZeros(n - 1) + 2), p.floats().orElseThrow());
        long t = System.nanoTime();
        Lowered l = TensorIrToCircuit.lower(p);
        System.out.printf(model + " float n=%d: %,d gates, depth %d, lowered in %.1f s%n", n, l.circuit().gateCount(), tc0.circuits.analysis.Levels.of(l.circuit()).depth(), (System.nanoTime() - t) / 1e9);
        Verification.Result r = Verification.run(l, 40, 17, Verification.EXACT);
        Verification.Match m = assertInstanceOf(Verification.Match.class, r, r.toString());
        assertEquals(java.util.List.of(), m.constants(), "the output varies with the inputs (not a vacuous match)");
        System.out.println(m.errors().results().getFirst().line());
    }

    /**
     * Counting (each distinct element counted once, its live gates, the float sums' alignment by its twin) gives the
     * figures of the circuit built without hashing.
     */
    @ParameterizedTest
    @CsvSource({"gin, 4", "gin, 5", "gin, 8", "gcn, 4", "gcn, 6", "gcn, 8"})
    void theCountIsTheBuiltCircuits(String model, long n) {
        assertEquals(CountedCost.of(built(model, n)), counted(model, n));
    }

    /** The same at n = 12 and 16 (gin 16: 14.6 M gates built; about 2 minutes together). */
    @org.junit.jupiter.api.Tag("heavy")
    @ParameterizedTest
    @CsvSource({"gin, 12", "gin, 16", "gcn, 12"})
    void theCountIsTheBuiltCircuitsHeavy(String model, long n) {
        theCountIsTheBuiltCircuits(model, n);
    }

    /**
     * At p = n = 2 some weights flush to zero (the smallest float of e = 3 is 2^-3): a product by zero reads no bit
     * of its other factor, and the builder drops the gates no element reads; counting drops the same (each element
     * counted with the outputs later live gates read), so the count is still the built circuit's.
     */
    @Test
    void whereAnElementIsReadByNoneTheCountIsStillTheBuiltCircuits() {
        theCountIsTheBuiltCircuits("gin", 2);
    }

    private static CircuitStats built(String model, long n) {
        return CircuitStats.of(TensorIrToCircuit.lower(Specs.example("float/" + model, Map.of("n", n)), WeightedSum.DEFAULT_ROUNDS, false).circuit());
    }

    private static CountedCost counted(String model, long n) {
        return TensorIrToCost.count(Specs.example("float/" + model, Map.of("n", n)), WeightedSum.DEFAULT_ROUNDS);
    }
}
