package tc0.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tc0.compiler.interp.Float64Errors;
import tc0.compiler.lower.Verification;

/**
 * What {@code tc0 verify} says beside the bit-for-bit verdict, one line per thing: each output's float64 error
 * over every input (and over the inputs in [-1, 1), the range weights are scaled for: edge and full-range inputs
 * saturate the fixed-point words where float64 does not, which the worst over every input shows), its values
 * float64 cannot give apart, and the outputs that never changed.
 */
final class VerifyReport {
    private VerifyReport() {}

    static List<String> lines(Verification.Match m) {
        List<String> out = new ArrayList<>();
        for (String line : Float64Errors.lines(m.errors(), m.unit())) out.add("  " + line);
        for (String name : m.constants()) {
            out.add(String.format(Locale.ROOT, "  warning: output %s is the same on all %,d inputs: a constant output verifies vacuously"
                    + " (is it dead, or are the inputs too few to move it?)", name, m.errors().inputs()));
        }
        return out;
    }
}
