package tc0.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.compiler.interp.ApproximationError;
import tc0.compiler.interp.InputGenerator;
import tc0.compiler.interp.ReferenceInterpreter;
import tc0.compiler.lower.Lowered;

/** {@code tc0 verify}: the compiled circuit against the reference interpreter, bit for bit. */
@Command(name = "verify",
        header = "Check a compiled spec against the reference interpreter, bit for bit.",
        mixinStandardHelpOptions = true,
        description = {
            "Compile the spec, then evaluate the circuit on edge inputs (all zeros, all largest codes, all",
            "smallest codes, alternating) and on SAMPLES random inputs, and compare every output code with",
            "the exact reference interpreter. The first mismatch is printed with the input that shows it",
            "(exit 1). Also prints the error of the exact semantics against float64 arithmetic.",
            "",
            "Example:  tc0 verify examples/gin.tc0 --set n=4 --samples 1000 --seed 7"})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SpecOptions specOptions;

    @Option(names = "--samples", defaultValue = "1000", description = "random inputs (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random inputs (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        if (samples < 0) throw new UserError("--samples must be >= 0");
        Lowered l = specOptions.compile();
        List<String> names = new ArrayList<>();
        List<Map<String, long[]>> inputs = new ArrayList<>();
        for (InputGenerator.Kind k : InputGenerator.Kind.values()) {
            if (k == InputGenerator.Kind.RANDOM || k == InputGenerator.Kind.RANDOM_UNIT) continue;
            names.add(k.name().toLowerCase(java.util.Locale.ROOT));
            inputs.add(InputGenerator.generate(l.program(), k, seed));
        }
        for (int i = 0; i < samples; i++) {
            names.add("random, seed " + (seed + i));
            inputs.add(InputGenerator.generate(l.program(), i % 2 == 0 ? InputGenerator.Kind.RANDOM : InputGenerator.Kind.RANDOM_UNIT, seed + i));
        }
        BitMatrix out = new BitParallelEvaluator().evaluate(l.circuit(), l.encode(inputs));
        PrintWriter w = spec.commandLine().getOut();
        for (int p = 0; p < inputs.size(); p++) {
            Map<String, long[]> want = ReferenceInterpreter.run(l.program(), inputs.get(p));
            Map<String, long[]> got = l.decode(out, p);
            for (var e : want.entrySet()) {
                long[] g = got.get(e.getKey());
                for (int i = 0; i < e.getValue().length; i++) {
                    if (g[i] != e.getValue()[i]) {
                        w.printf("MISMATCH on input %d (%s): output %s element %d: reference %d, circuit %d%n",
                                p, names.get(p), e.getKey(), i, e.getValue()[i], g[i]);
                        inputs.get(p).forEach((k, v) -> w.printf("  input %s = %s%n", k, Arrays.toString(v)));
                        w.flush();
                        return ExitCodes.CHECK_FAILED;
                    }
                }
            }
        }
        w.printf("%s: %d inputs (%d edge, %d random): every output equals the reference bit for bit%n",
                specOptions.file, inputs.size(), inputs.size() - samples, samples);
        for (ApproximationError a : ApproximationError.measure(l.program(),
                InputGenerator.generate(l.program(), InputGenerator.Kind.RANDOM_UNIT, seed))) {
            w.printf("  error against float64, output %s: max |error| %.3g (%.2f units in the last place)%n",
                    a.output(), a.maxAbs(), a.ulps());
        }
        w.flush();
        return ExitCodes.OK;
    }
}
