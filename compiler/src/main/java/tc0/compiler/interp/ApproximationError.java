package tc0.compiler.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.FixedFormat;

/**
 * The error of the fixed-point program against float64 on the same inputs, per output:
 * {@code maxAbs = max_i |ref_i - f64_i|} (ref decoded from its codes), {@code scale = max_i |f64_i|},
 * {@code relative = maxAbs / max(scale, 2^-F)}, and {@code ulps = maxAbs * 2^F} (in units of the last place).
 */
public record ApproximationError(String output, double maxAbs, double scale, double relative, double ulps) {

    /** Runs both interpreters and compares every output. */
    public static List<ApproximationError> measure(TensorProgram p, Map<String, long[]> inputs) {
        Map<String, long[]> ref = ReferenceInterpreter.run(p, inputs);
        Map<String, double[]> f64 = Float64Interpreter.run(p, inputs);
        List<ApproximationError> out = new ArrayList<>();
        for (TensorProgram.Port o : p.outputs()) {
            Node n = p.node(o.node());
            FixedFormat f = n.elem().asFixed();
            long[] codes = ref.get(o.name());
            double[] v = f64.get(o.name());
            double maxAbs = 0, scale = 0;
            for (int i = 0; i < codes.length; i++) {
                maxAbs = Math.max(maxAbs, Math.abs(f.toDouble(codes[i]) - v[i]));
                scale = Math.max(scale, Math.abs(v[i]));
            }
            double ulp = Math.scalb(1.0, -f.fracBits());
            out.add(new ApproximationError(o.name(), maxAbs, scale, maxAbs / Math.max(scale, ulp), maxAbs / ulp));
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: max abs %.3g (%.1f ulp), max |f64| %.3g, relative %.3g",
                output, maxAbs, ulps, scale, relative);
    }
}
