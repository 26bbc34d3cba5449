package tc0.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tc0.compiler.interp.Float64Errors;

/**
 * What {@code tc0 verify} says beside the bit-for-bit verdict, one line per thing: each output's float64 error
 * over every input, its values float64 cannot give apart, and the outputs that never changed.
 */
final class VerifyReport {
    /** Each output's codes on the first input, and whether a later input changed any of them. */
    private final Map<String, long[]> first = new LinkedHashMap<>();
    private final Map<String, Boolean> varies = new LinkedHashMap<>();

    /** One input's circuit outputs, by name. */
    void seen(Map<String, long[]> outputs) {
        outputs.forEach((name, codes) -> {
            long[] f = first.putIfAbsent(name, codes.clone());
            if (f != null && !Arrays.equals(f, codes)) varies.put(name, true);
            varies.putIfAbsent(name, false);
        });
    }

    /** The outputs whose every element was the same on every input seen. */
    List<String> constantOutputs() {
        List<String> out = new ArrayList<>();
        varies.forEach((name, v) -> { if (!v) out.add(name); });
        return out;
    }

    /**
     * The lines for the float64 errors over every input, each with the error over the {@code unit} inputs alone
     * (values in [-1, 1), the range weights are scaled for: edge and full-range inputs saturate the fixed-point
     * words where float64 does not, which the worst over every input shows), then a warning per constant output.
     */
    List<String> lines(Float64Errors errors, Float64Errors unit) {
        List<String> out = new ArrayList<>();
        List<Float64Errors.OutputError> inRange = unit.results();
        for (int o = 0; o < inRange.size(); o++) {
            Float64Errors.OutputError e = errors.results().get(o);
            out.add(errorLine(e) + (unit.inputs() == 0 ? "" : unitClause(inRange.get(o))));
            if (e.nonFinite() > 0) out.add(nonFiniteLine(e));
        }
        for (String name : constantOutputs()) {
            out.add(String.format(Locale.ROOT, "  warning: output %s is the same on all %,d inputs: a constant output verifies vacuously"
                    + " (is it dead, or are the inputs too few to move it?)", name, errors.inputs()));
        }
        return out;
    }

    static String errorLine(Float64Errors.OutputError e) {
        if (e.finite() == 0) {
            return String.format(Locale.ROOT, "  error against float64, output %s: none measured, float64 gives no finite value of it on the %,d inputs",
                    e.output(), e.inputs());
        }
        return String.format(Locale.ROOT, "  error against float64, output %s: worst |error| %.3g (%.2f units in the last place), mean %.3g,"
                + " relative %.3g, over %,d finite values on %,d inputs", e.output(), e.worstAbs(), e.ulps(), e.meanAbs(), e.relative(),
                e.finite(), e.inputs());
    }

    /** "; on the 500 inputs in [-1, 1): worst 0.0312, mean 0.00412". */
    static String unitClause(Float64Errors.OutputError e) {
        if (e.finite() == 0) return String.format(Locale.ROOT, "; on the %,d inputs in [-1, 1): no finite value", e.inputs());
        return String.format(Locale.ROOT, "; on the %,d inputs in [-1, 1): worst %.3g (%.2f units in the last place), mean %.3g",
                e.inputs(), e.worstAbs(), e.ulps(), e.meanAbs());
    }

    static String nonFiniteLine(Float64Errors.OutputError e) {
        return String.format(Locale.ROOT, "  not finite in float64, output %s: %,d of %,d values, on %,d of %,d inputs (a division by 0 or an overflow):"
                + " left out of its error; the circuit's codes there still equal the reference", e.output(), e.nonFinite(),
                e.finite() + e.nonFinite(), e.inputsNonFinite(), e.inputs());
    }
}
