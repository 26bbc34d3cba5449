package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.ChiangFloat;

/**
 * The models under {@code precision float(p: n)} (examples/float/): elaborated with p = n, lowered onto the float
 * gadgets and compared with the float reference interpreter bit for bit on edge and random floats.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FloatModelsTest {
    @ParameterizedTest
    @ValueSource(longs = {4, 8})
    void ginAtPEqualsNEqualsItsReference(long n) {
        TensorProgram p = Specs.example("float/gin", Map.of("n", n));
        assertEquals(new ChiangFloat.Format((int) n, 64 - Long.numberOfLeadingZeros(n - 1) + 2), p.floats().orElseThrow());
        long t = System.nanoTime();
        Lowered l = TensorIrToCircuit.lower(p);
        System.out.printf("gin float n=%d: %,d gates, depth %d, lowered in %.1f s%n", n, l.circuit().gateCount(), tc0.circuits.analysis.Levels.of(l.circuit()).depth(), (System.nanoTime() - t) / 1e9);
        Verification.Result r = Verification.run(l, 40, 17, Verification.EXACT);
        Verification.Match m = assertInstanceOf(Verification.Match.class, r, r.toString());
        assertEquals(java.util.List.of(), m.constants(), "the output varies with the inputs (not a vacuous match)");
        System.out.println(m.errors().results().getFirst().line());
    }
}
