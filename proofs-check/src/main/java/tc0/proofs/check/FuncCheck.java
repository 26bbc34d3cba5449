package tc0.proofs.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.compiler.interp.ApproximationError;
import tc0.compiler.interp.InputGenerator;
import tc0.compiler.interp.ReferenceInterpreter;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.Lowered;
import tc0.proofs.catalog.CheckKind;

/**
 * FUNC: the spec's circuit at one n against the exact reference interpreter, every output code, on the edge
 * inputs (zeros, largest codes, smallest codes, alternating) and {@code samples} random ones, all evaluated in
 * one bit-parallel pass; the exact semantics' error against float64 is reported beside it.
 */
public final class FuncCheck {
    /** What the circuit is compared with: the exact reference interpreter, or (in tests) a planted wrong one. */
    @FunctionalInterface
    public interface Reference {
        Map<String, long[]> run(TensorProgram p, Map<String, long[]> inputs);
    }

    public static final Reference EXACT = ReferenceInterpreter::run;

    static final String NOT_SHOWN = "equality on the inputs tried, not on all inputs (the SMT check is for that); "
            + "the float64 error is of tc0's fixed-point semantics, not the paper's float bound";

    private FuncCheck() {}

    public static Outcome run(Target t, long n, int samples, long seed, Instances in, Reference reference) {
        if (!in.buildable(t.spec(), n)) {
            return new Outcome(t.paper(), t.claim(), CheckKind.FUNC, t.spec(), "n = " + n, List.of(),
                    new Verdict.Undecided(String.format("n=%d counts %,d gates, more than the %,d built for FUNC",
                            n, in.count(t.spec(), n).gates(), Instances.BUILD_LIMIT)), NOT_SHOWN);
        }
        return compare(t, n, in.lowered(t.spec(), n), samples, seed, reference);
    }

    /** The comparison itself, on a given circuit (tests hand it a mutated one). */
    public static Outcome compare(Target t, long n, Lowered l, int samples, long seed, Reference reference) {
        List<String> names = new ArrayList<>();
        List<Map<String, long[]>> inputs = new ArrayList<>();
        for (InputGenerator.Kind k : InputGenerator.Kind.values()) {
            if (k == InputGenerator.Kind.RANDOM || k == InputGenerator.Kind.RANDOM_UNIT) continue;
            names.add(k.name().toLowerCase(Locale.ROOT));
            inputs.add(InputGenerator.generate(l.program(), k, seed));
        }
        for (int i = 0; i < samples; i++) {
            names.add("random, seed " + (seed + i));
            inputs.add(InputGenerator.generate(l.program(), i % 2 == 0 ? InputGenerator.Kind.RANDOM : InputGenerator.Kind.RANDOM_UNIT, seed + i));
        }
        String instances = String.format("n = %d: %d inputs (%d edge, %d random)", n, inputs.size(), inputs.size() - samples, samples);
        List<String> figures = new ArrayList<>();
        BitMatrix out = new BitParallelEvaluator().evaluate(l.circuit(), l.encode(inputs));
        for (int p = 0; p < inputs.size(); p++) {
            Map<String, long[]> want = reference.run(l.program(), inputs.get(p));
            Map<String, long[]> got = l.decode(out, p);
            for (var e : want.entrySet()) {
                long[] g = got.get(e.getKey());
                for (int i = 0; i < e.getValue().length; i++) {
                    if (g[i] != e.getValue()[i]) {
                        StringBuilder shown = new StringBuilder();
                        inputs.get(p).forEach((k, v) -> shown.append(shown.isEmpty() ? "" : "; ").append(k).append(" = ").append(abbreviate(v)));
                        return new Outcome(t.paper(), t.claim(), CheckKind.FUNC, t.spec(), instances, figures,
                                new Verdict.Fails("n=" + n + ", input " + p + " (" + names.get(p) + ")", String.format(
                                        "output %s element %d: reference %d, circuit %d; input codes %s",
                                        e.getKey(), i, e.getValue()[i], g[i], shown)), NOT_SHOWN);
                    }
                }
            }
        }
        figures.add("every output equals the reference bit for bit");
        for (ApproximationError a : ApproximationError.measure(l.program(),
                InputGenerator.generate(l.program(), InputGenerator.Kind.RANDOM_UNIT, seed))) {
            figures.add(String.format(Locale.ROOT, "error against float64, output %s: max |error| %.3g (%.2f units in the last place)",
                    a.output(), a.maxAbs(), a.ulps()));
        }
        return new Outcome(t.paper(), t.claim(), CheckKind.FUNC, t.spec(), instances, figures, Verdict.holds(), NOT_SHOWN);
    }

    /** The codes of one input, the first 16 where there are more. */
    private static String abbreviate(long[] v) {
        if (v.length <= 16) return Arrays.toString(v);
        return Arrays.toString(Arrays.copyOf(v, 16)).replace("]", ", ... (" + v.length + " codes)]");
    }
}
