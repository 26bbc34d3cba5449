package tc0.compiler.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.ir.TensorProgram;

/**
 * fixed(4, 1): codes -16..15, values -8..7.5 in halves. Four inputs X = [a, b] chosen by hand; every figure
 * below is worked out from the values, not from the code under test.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Float64ErrorsTest {
    static final TensorProgram P = Specs.elaborate("""
            model m() {
                precision fixed(int: 4, frac: 1);
                input X: [1, 2];
                output Y = X * 0.5;
                output R = recip(X);
            }
            """);

    /** Codes (0, 0), (15, 15), (-16, -16), (15, -16): values 0, 7.5, -8 and both extremes. */
    static Float64Errors overFourInputs() {
        Float64Errors e = new Float64Errors(P);
        for (long[] x : List.of(new long[] {0, 0}, new long[] {15, 15}, new long[] {-16, -16}, new long[] {15, -16})) {
            e.add(Map.of("X", x));
        }
        return e;
    }

    /**
     * Y = x / 2 in halves: 7.5 / 2 = 3.75 lies a quarter from 3.5 and from 4, whichever way it rounds; 0 and -8
     * halve exactly. Three of the eight values are 7.5: worst 0.25, mean 3 * 0.25 / 8, over the largest |f64|
     * of 4 (from -8) a relative 0.0625, and half a unit in the last place. The worst is over every input, not one.
     */
    @Test
    void theWorstAndMeanErrorAreOverEveryInput() {
        Float64Errors.OutputError y = overFourInputs().results().get(0);
        assertEquals("Y", y.output());
        assertEquals(4, y.inputs());
        assertEquals(8, y.finite());
        assertEquals(0, y.nonFinite());
        assertEquals(0.25, y.worstAbs());
        assertEquals(3 * 0.25 / 8, y.meanAbs(), 1e-15);
        assertEquals(4.0, y.scale());
        assertEquals(0.0625, y.relative());
        assertEquals(0.5, y.ulps());
    }

    /**
     * R = 1 / x: float64 gives infinity for both zeros of the first input, counted apart. The other six are
     * finite: 1 / 7.5 = 0.1333 and 1 / -8 = -0.125, three of each, both nearest to the code 0 in halves, so the
     * errors are the values themselves: worst 1 / 7.5, mean (3 / 7.5 + 3 / 8) / 6.
     */
    @Test
    void valuesFloat64CannotGiveAreCountedApartAndLeaveTheFiniteErrorsFinite() {
        Float64Errors.OutputError r = overFourInputs().results().get(1);
        assertEquals("R", r.output());
        assertEquals(2, r.nonFinite());
        assertEquals(1, r.inputsNonFinite());
        assertEquals(6, r.finite());
        assertEquals(1 / 7.5, r.worstAbs(), 1e-15);
        assertEquals((3 / 7.5 + 3 / 8.0) / 6, r.meanAbs(), 1e-15);
    }

    @Test
    void onlyNonFiniteValuesLeaveNoErrorToReport() {
        Float64Errors e = new Float64Errors(P);
        e.add(Map.of("X", new long[] {0, 0}));
        Float64Errors.OutputError r = e.results().get(1);
        assertEquals(0, r.finite());
        assertEquals(2, r.nonFinite());
        assertEquals(0.0, r.worstAbs());
        assertEquals(0.0, r.meanAbs());
    }
}
