package tc0.proofs.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.circuits.eval.Evaluator;
import tc0.compiler.interp.Float64Errors;
import tc0.compiler.lower.Lowered;
import tc0.compiler.lower.Verification;
import tc0.proofs.catalog.CheckKind;

/**
 * FUNC: the spec's circuit at one n against the exact reference interpreter, every output code, on the edge
 * inputs and {@code samples} random ones: {@link Verification}, the loop {@code tc0 verify} runs, so both report
 * the same mismatch and the same error against float64.
 */
public final class FuncCheck {
    /** The exact reference interpreter (tests hand {@link #compare} a planted wrong one). */
    public static final Verification.Reference EXACT = Verification.EXACT;

    static final String NOT_SHOWN = "equality on the inputs tried, not on all inputs (the SMT check is for that); "
            + "the float64 error is of tc0's fixed-point semantics, not the paper's float bound";

    private FuncCheck() {}

    public static Outcome run(Target t, long n, int samples, long seed, Instances in, Verification.Reference reference) {
        return run(t, n, samples, seed, in, reference, new BitParallelEvaluator());
    }

    /** As above, the circuit evaluated by {@code evaluator} (tc0 lemmas --backend). */
    public static Outcome run(Target t, long n, int samples, long seed, Instances in, Verification.Reference reference,
            Evaluator evaluator) {
        if (!in.buildable(t.spec(), Instances.at(n), Instances.FUNC_BUILD_LIMIT)) {
            return new Outcome(t.paper(), t.claim(), CheckKind.FUNC, t.spec(), "n = " + n, List.of(),
                    new Verdict.Undecided(String.format("n=%d counts %,d gates, more than the %,d built for FUNC",
                            n, in.count(t.spec(), n).gates(), Instances.FUNC_BUILD_LIMIT)), NOT_SHOWN);
        }
        return compare(t, n, in.lowered(t.spec(), n), samples, seed, reference, evaluator);
    }

    /** The comparison itself, on a given circuit. */
    public static Outcome compare(Target t, long n, Lowered l, int samples, long seed, Verification.Reference reference) {
        return compare(t, n, l, samples, seed, reference, new BitParallelEvaluator());
    }

    static Outcome compare(Target t, long n, Lowered l, int samples, long seed, Verification.Reference reference,
            Evaluator evaluator) {
        Verification.Result r = Verification.run(l, samples, seed, reference, evaluator);
        String instances = String.format("n = %d: %d inputs (%d edge, %d random)", n, r.inputs(), r.inputs() - samples, samples);
        List<String> figures = new ArrayList<>();
        Verdict v = switch (r) {
            case Verification.Mismatch m -> {
                StringBuilder shown = new StringBuilder();
                m.inputCodes().forEach((k, codes) -> shown.append(shown.isEmpty() ? "" : "; ").append(k).append(" = ").append(abbreviate(codes)));
                yield new Verdict.Fails("n=" + n + ", input " + m.input() + " (" + m.name() + ")", m.what() + "; input codes " + shown);
            }
            case Verification.Match m -> {
                figures.add("every output equals the reference bit for bit");
                figures.addAll(Float64Errors.lines(m.errors(), m.unit()));
                yield Verdict.holds();
            }
        };
        return new Outcome(t.paper(), t.claim(), CheckKind.FUNC, t.spec(), instances, figures, v, NOT_SHOWN);
    }

    /** The codes of one input, the first 16 where there are more. */
    private static String abbreviate(long[] v) {
        if (v.length <= 16) return Arrays.toString(v);
        return Arrays.toString(Arrays.copyOf(v, 16)).replace("]", ", ... (" + v.length + " codes)]");
    }
}
