package tc0.compiler.lower;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.circuits.eval.Evaluator;
import tc0.compiler.interp.Float64Errors;
import tc0.compiler.interp.Float64Interpreter;
import tc0.compiler.interp.InputGenerator;
import tc0.compiler.interp.ReferenceInterpreter;
import tc0.compiler.ir.TensorProgram;

/**
 * A lowered circuit against the exact reference, bit for bit, on the edge inputs (zeros, largest codes, smallest
 * codes, alternating) and {@code samples} random ones (full range and [-1, 1) in turn, seeds {@code seed},
 * {@code seed + 1}, ...), evaluated in one bit-parallel pass; and the reference's error against float64 over the
 * same inputs. {@code tc0 verify} and the lemma checker's FUNC both run this, so they report the same figures.
 */
public final class Verification {
    /** What the circuit is compared with: the exact reference interpreter, or (in tests) a planted wrong one. */
    @FunctionalInterface
    public interface Reference {
        Map<String, long[]> run(TensorProgram p, Map<String, long[]> inputs);
    }

    public static final Reference EXACT = ReferenceInterpreter::run;

    /** The outcome: every output equal on every input, or the first mismatch. */
    public sealed interface Result {
        /** Inputs tried, and how many of them random. */
        int inputs();

        int samples();
    }

    /**
     * Every output equal to the reference on every input.
     *
     * @param errors    float64 error over every input
     * @param unit      float64 error over the random inputs in [-1, 1) alone
     * @param constants the outputs whose every code was the same on every input (a constant output verifies vacuously)
     */
    public record Match(int inputs, int samples, Float64Errors errors, Float64Errors unit, List<String> constants) implements Result {}

    /**
     * The first output code that differs: input {@code input} ({@code name}: "zeros", "random, seed 7"), output
     * {@code output}'s element {@code element}, the reference's and the circuit's code, and the input's codes.
     */
    public record Mismatch(int inputs, int samples, int input, String name, String output, int element, long reference, long circuit,
                           Map<String, long[]> inputCodes) implements Result {
        /** "output C element 3: reference 1, circuit 0" */
        public String what() {
            return String.format(Locale.ROOT, "output %s element %d: reference %d, circuit %d", output, element, reference, circuit);
        }
    }

    private Verification() {}

    public static Result run(Lowered l, int samples, long seed, Reference reference) {
        return run(l, samples, seed, reference, new BitParallelEvaluator());
    }

    /** As {@link #run(Lowered, int, long, Reference)}, evaluating the circuit with {@code evaluator} (a GPU, say). */
    public static Result run(Lowered l, int samples, long seed, Reference reference, Evaluator evaluator) {
        TensorProgram p = l.program();
        List<String> names = new ArrayList<>();
        List<Map<String, long[]>> inputs = new ArrayList<>();
        List<InputGenerator.Kind> kinds = new ArrayList<>();
        for (InputGenerator.Kind k : InputGenerator.Kind.values()) {
            if (k == InputGenerator.Kind.RANDOM || k == InputGenerator.Kind.RANDOM_UNIT) continue;
            names.add(k.name().toLowerCase(Locale.ROOT));
            kinds.add(k);
            inputs.add(InputGenerator.generate(p, k, seed));
        }
        for (int i = 0; i < samples; i++) {
            InputGenerator.Kind k = i % 2 == 0 ? InputGenerator.Kind.RANDOM : InputGenerator.Kind.RANDOM_UNIT;
            names.add("random, seed " + (seed + i));
            kinds.add(k);
            inputs.add(InputGenerator.generate(p, k, seed + i));
        }
        BitMatrix out = evaluator.evaluate(l.circuit(), l.encode(inputs));
        Float64Errors errors = new Float64Errors(p), unit = new Float64Errors(p);
        Map<String, long[]> first = new LinkedHashMap<>();
        Map<String, Boolean> varies = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Map<String, long[]> want = reference.run(p, inputs.get(i));
            Map<String, long[]> got = l.decode(out, i);
            Map<String, double[]> f64 = Float64Interpreter.run(p, inputs.get(i));
            errors.add(want, f64);
            if (kinds.get(i) == InputGenerator.Kind.RANDOM_UNIT) unit.add(want, f64);
            got.forEach((name, codes) -> {
                long[] f = first.putIfAbsent(name, codes.clone());
                if (f != null && !Arrays.equals(f, codes)) varies.put(name, true);
                varies.putIfAbsent(name, false);
            });
            for (var e : want.entrySet()) {
                long[] g = got.get(e.getKey());
                for (int j = 0; j < e.getValue().length; j++) {
                    if (g[j] != e.getValue()[j]) {
                        return new Mismatch(inputs.size(), samples, i, names.get(i), e.getKey(), j, e.getValue()[j], g[j], inputs.get(i));
                    }
                }
            }
        }
        List<String> constants = varies.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        return new Match(inputs.size(), samples, errors, unit, constants);
    }
}
