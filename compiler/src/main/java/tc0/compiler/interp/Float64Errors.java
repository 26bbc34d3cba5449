package tc0.compiler.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.ir.Elem;

/**
 * The error of the fixed-point program against float64 over every input tried, per output: the worst and the
 * mean {@code |ref - f64|} over the values float64 gives as finite numbers, and apart from them the values it
 * does not (recip(0), exp past the double range): those have no error to measure, and one of them must not
 * turn the whole output's figure into NaN or infinity.
 */
public final class Float64Errors {
    private final TensorProgram p;
    private final Tally[] tallies;
    private int inputs;

    public Float64Errors(TensorProgram p) {
        this.p = p;
        this.tallies = new Tally[p.outputs().size()];
        for (int o = 0; o < tallies.length; o++) tallies[o] = new Tally(p.node(p.outputs().get(o).node()).elem());
    }

    /** Adds one input, running both interpreters on it. */
    public void add(Map<String, long[]> input) {
        add(ReferenceInterpreter.run(p, input), Float64Interpreter.run(p, input));
    }

    /** Adds one input by its two runs: the exact interpreter's output codes and the float64 interpreter's values. */
    public void add(Map<String, long[]> ref, Map<String, double[]> f64) {
        for (int o = 0; o < tallies.length; o++) {
            String name = p.outputs().get(o).name();
            tallies[o].add(ref.get(name), f64.get(name));
        }
        inputs++;
    }

    /** Inputs added so far. */
    public int inputs() {
        return inputs;
    }

    /** Every output's figures so far, in the program's output order. */
    public List<OutputError> results() {
        List<OutputError> out = new ArrayList<>();
        for (int o = 0; o < tallies.length; o++) out.add(tallies[o].result(p.outputs().get(o).name(), inputs));
        return out;
    }

    /**
     * One output over {@code inputs} inputs: {@code finite} values compared, {@code worstAbs} and
     * {@code meanAbs} their largest and mean |error|, {@code scale} their largest |f64|, {@code relative =
     * worstAbs / max(scale, 2^-F)}, {@code ulps = worstAbs * 2^F}; {@code nonFinite} values float64 gave as
     * NaN or infinite, on {@code inputsNonFinite} of the inputs. With no finite value the error figures are 0.
     */
    public record OutputError(String output, int inputs, long finite, double worstAbs, double meanAbs, double scale,
                              double relative, double ulps, long nonFinite, int inputsNonFinite) {
        /** "error against float64, output Y: worst |error| ... over 1,004 finite values on 1,004 inputs" ({@code tc0 verify}, FUNC). */
        public String line() {
            if (finite == 0) {
                return String.format(Locale.ROOT, "error against float64, output %s: none measured, float64 gives no finite value of it on the %,d inputs",
                        output, inputs);
            }
            return String.format(Locale.ROOT, "error against float64, output %s: worst |error| %.3g (%.2f units in the last place), mean %.3g,"
                    + " relative %.3g, over %,d finite values on %,d inputs", output, worstAbs, ulps, meanAbs, relative, finite, inputs);
        }

        /** "; on the 500 inputs in [-1, 1): worst 0.0312 (...), mean 0.00412": this output over the in-range inputs alone. */
        public String inRangeClause() {
            if (finite == 0) return String.format(Locale.ROOT, "; on the %,d inputs in [-1, 1): no finite value", inputs);
            return String.format(Locale.ROOT, "; on the %,d inputs in [-1, 1): worst %.3g (%.2f units in the last place), mean %.3g",
                    inputs, worstAbs, ulps, meanAbs);
        }

        /** "not finite in float64, output ...", or null where every value was finite. */
        public String nonFiniteLine() {
            if (nonFinite == 0) return null;
            return String.format(Locale.ROOT, "not finite in float64, output %s: %,d of %,d values, on %,d of %,d inputs (a division by 0 or an overflow):"
                    + " left out of its error; the circuit's codes there still equal the reference", output, nonFinite,
                    finite + nonFinite, inputsNonFinite, inputs);
        }
    }

    /** Each output's line over every input with its in-range clause ({@code unit}'s figures), and its non-finite line where it has one. */
    public static List<String> lines(Float64Errors errors, Float64Errors unit) {
        List<String> out = new ArrayList<>();
        List<OutputError> all = errors.results(), inRange = unit.results();
        for (int o = 0; o < all.size(); o++) {
            out.add(all.get(o).line() + (unit.inputs() == 0 ? "" : inRange.get(o).inRangeClause()));
            if (all.get(o).nonFiniteLine() != null) out.add(all.get(o).nonFiniteLine());
        }
        return out;
    }

    /** One output's running figures. */
    private static final class Tally {
        final Elem elem;
        /** The unit in the last place: 2^-F of a fixed format, 1.0's (2^-(p-1)) for p-bit floats. */
        final double ulp;
        long finite, nonFinite;
        int inputsNonFinite;
        double worst, sum, scale;

        Tally(Elem elem) {
            this.elem = elem;
            this.ulp = elem instanceof Elem.Float fl ? Math.scalb(1.0, 1 - fl.format().p()) : Math.scalb(1.0, -elem.asFixed().fracBits());
        }

        void add(long[] codes, double[] f64) {
            boolean any = false;
            for (int i = 0; i < codes.length; i++) {
                if (!Double.isFinite(f64[i])) {
                    nonFinite++;
                    any = true;
                    continue;
                }
                double e = Math.abs(Float64Interpreter.value(elem, codes[i]) - f64[i]);
                worst = Math.max(worst, e);
                sum += e;
                scale = Math.max(scale, Math.abs(f64[i]));
                finite++;
            }
            if (any) inputsNonFinite++;
        }

        OutputError result(String name, int inputs) {
            return new OutputError(name, inputs, finite, worst, finite == 0 ? 0 : sum / finite, scale,
                    worst / Math.max(scale, ulp), worst / ulp, nonFinite, inputsNonFinite);
        }
    }
}
