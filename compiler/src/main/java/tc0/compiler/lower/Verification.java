package tc0.compiler.lower;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.circuits.eval.Evaluator;
import tc0.compiler.gadgets.Net;
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
        Inputs in = Inputs.of(l.program(), samples, seed);
        BitMatrix out = evaluator.evaluate(l.circuit(), l.encode(in.sets()));
        PortLayout layout = PortLayout.of(l.circuit(), l.program());
        Tally tally = new Tally(l.program(), reference, in);
        for (int i = 0; i < in.sets().size(); i++) {
            if (tally.check(i, layout.decode(out, i)) instanceof Mismatch m) return m;
        }
        return tally.match();
    }

    /** Told after each streamed batch: the inputs checked so far (all equal), of how many, and the gates the batch's lowering made. */
    @FunctionalInterface
    public interface Progress {
        void checked(int inputs, int of, long gates);
    }

    /**
     * As {@link #run(Lowered, int, long, Reference)} on the same inputs, but the circuit is never held: {@code p} is
     * lowered once per batch of {@code batch} inputs onto an evaluating net ({@link StreamedCircuit}), whose outputs
     * are the built circuit's (hashing and dead-gate removal change no output). Stops at the first batch with a
     * mismatch.
     */
    public static Result stream(TensorProgram p, int rounds, int samples, long seed, Reference reference, int batch, Progress progress) {
        return stream(p, rounds, samples, seed, reference, batch, progress, UnaryOperator.identity());
    }

    /** As {@link #stream(TensorProgram, int, int, long, Reference, int, Progress)}, the gates going through {@code wrap}'s net. */
    public static Result stream(TensorProgram p, int rounds, int samples, long seed, Reference reference, int batch, Progress progress,
                                UnaryOperator<Net> wrap) {
        if (batch < 1) throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        Inputs in = Inputs.of(p, samples, seed);
        PortLayout layout = PortLayout.packed(p);
        Tally tally = new Tally(p, reference, in);
        int total = in.sets().size();
        for (int from = 0; from < total; from += batch) {
            List<Map<String, long[]>> sets = in.sets().subList(from, Math.min(total, from + batch));
            StreamedCircuit.Batch out = StreamedCircuit.evaluate(p, rounds, layout.encode(sets), wrap);
            for (int k = 0; k < sets.size(); k++) {
                if (tally.check(from + k, layout.decode(out.outputs(), k)) instanceof Mismatch m) return m;
            }
            progress.checked(from + sets.size(), total, out.gates());
        }
        return tally.match();
    }

    /** The inputs in order: edge ones first, then the random ones; each one's name and kind. */
    private record Inputs(List<String> names, List<Map<String, long[]>> sets, List<InputGenerator.Kind> kinds, int samples) {
        static Inputs of(TensorProgram p, int samples, long seed) {
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
            return new Inputs(names, inputs, kinds, samples);
        }
    }

    /** The circuit's outputs checked input by input against the reference; the float64 errors and constant outputs gathered. */
    private static final class Tally {
        private final TensorProgram p;
        private final Reference reference;
        private final Inputs in;
        private final Float64Errors errors, unit;
        private final Map<String, long[]> first = new LinkedHashMap<>();
        private final Map<String, Boolean> varies = new LinkedHashMap<>();

        Tally(TensorProgram p, Reference reference, Inputs in) {
            this.p = p;
            this.reference = reference;
            this.in = in;
            this.errors = new Float64Errors(p);
            this.unit = new Float64Errors(p);
        }

        /** Input {@code i}'s outputs {@code got} against the reference: the mismatch, or null. */
        Mismatch check(int i, Map<String, long[]> got) {
            Map<String, long[]> input = in.sets().get(i);
            Map<String, long[]> want = reference.run(p, input);
            Map<String, double[]> f64 = Float64Interpreter.run(p, input);
            errors.add(want, f64);
            if (in.kinds().get(i) == InputGenerator.Kind.RANDOM_UNIT) unit.add(want, f64);
            got.forEach((name, codes) -> {
                long[] f = first.putIfAbsent(name, codes.clone());
                if (f != null && !Arrays.equals(f, codes)) varies.put(name, true);
                varies.putIfAbsent(name, false);
            });
            for (var e : want.entrySet()) {
                long[] g = got.get(e.getKey());
                for (int j = 0; j < e.getValue().length; j++) {
                    if (g[j] != e.getValue()[j]) {
                        return new Mismatch(in.sets().size(), in.samples(), i, in.names().get(i), e.getKey(), j, e.getValue()[j], g[j], input);
                    }
                }
            }
            return null;
        }

        Match match() {
            List<String> constants = varies.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
            return new Match(in.sets().size(), in.samples(), errors, unit, constants);
        }
    }
}
