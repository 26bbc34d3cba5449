package tc0.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.eval.Evaluator;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.Lowered;
import tc0.compiler.lower.Verification;

/** {@code tc0 verify}: the compiled circuit against the reference interpreter, bit for bit. */
@Command(name = "verify",
        header = "Check a compiled spec against the reference interpreter, bit for bit.",
        mixinStandardHelpOptions = true,
        description = {
            "Compile the spec, then evaluate the circuit on edge inputs (all zeros, all largest codes, all",
            "smallest codes, alternating) and on SAMPLES random inputs, and compare every output code with",
            "the exact reference interpreter. The first mismatch is printed with the input that shows it",
            "(exit 1); exit 0 only when every output equals the reference bit for bit on every input.",
            "",
            "With --circuit FILE the spec is not lowered: FILE (.tc0c, .aag, .aig: compiled earlier, by another",
            "version, or edited) is checked against the spec's reference instead; its input and output buses",
            "must be the spec's, by name and width.",
            "",
            "Also, for information (never a failure): each output's error of the exact semantics against",
            "float64 arithmetic, worst and mean over every input; the values float64 gives as NaN or",
            "infinite (recip(0), an overflow) are counted apart and left out of the error; and a warning",
            "for an output that is the same on every input (a constant output verifies vacuously).",
            "",
            ExitCodes.LIST,
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

    @Option(names = "--circuit", paramLabel = "FILE", description = "check this circuit file against the spec's reference"
            + " instead of compiling the spec")
    Path circuit;

    @Option(names = "--backend", paramLabel = "B", defaultValue = "cpu", description = Backends.DESCRIPTION)
    tc0.circuits.gpu.Backend backend;

    @Override
    public Integer call() {
        if (samples < 0) throw new UserError("--samples must be >= 0");
        Evaluator evaluator = Backends.evaluator(backend, Runtime.getRuntime().availableProcessors(), spec.commandLine().getErr());
        Lowered l = circuit == null ? specOptions.compile() : given(circuit);
        PrintWriter w = spec.commandLine().getOut();
        var floats = l.program().floats().filter(f -> !tc0.compiler.numerics.FloatCodes.fitsCode(f));
        if (floats.isPresent()) { // the reference and the inputs hold a float's code in a long
            var f = floats.get();
            throw new UserError(String.format("%s: verify compares float codes of at most %d bits; float(p: %d, e: %d) has %d; lower p "
                    + "(tc0 stats --count-only counts at any p)", l.program().model(), tc0.compiler.numerics.FloatCodes.MAX_CODE_BITS, f.p(), f.q(), f.p() + f.q() + 1));
        }
        Verification.Result r = Verification.run(l, samples, seed, Verification.EXACT, evaluator);
        if (r instanceof Verification.Mismatch m) {
            w.printf("MISMATCH on input %d (%s): %s%n", m.input(), m.name(), m.what());
            m.inputCodes().forEach((k, v) -> w.printf("  input %s = %s%n", k, Arrays.toString(v)));
            w.flush();
            return ExitCodes.CHECK_FAILED;
        }
        w.printf("%s: %d inputs (%d edge, %d random): every output equals the reference bit for bit%n",
                specOptions.file, r.inputs(), r.inputs() - samples, samples);
        VerifyReport.lines((Verification.Match) r).forEach(w::println);
        w.flush();
        return ExitCodes.OK;
    }

    /** The circuit in {@code file} beside the spec's elaborated program, once its buses are the program's ports. */
    private Lowered given(Path file) {
        TensorProgram p = SpecCompiler.elaborate(specOptions.file, specOptions.settings.values());
        Circuit c = CircuitLoader.load(file);
        for (TensorProgram.Port port : p.inputs()) requireBus(file, "input", port, c.inputBus(port.name()), p);
        for (TensorProgram.Port port : p.outputs()) requireBus(file, "output", port, c.outputBus(port.name()), p);
        return new Lowered(c, p);
    }

    private static void requireBus(Path file, String kind, TensorProgram.Port port, Bus bus, TensorProgram p) {
        long bits = p.node(port.node()).size() * Lowered.width(p.node(port.node()));
        if (bus == null) {
            throw new UserError(file + ": has no " + kind + " '" + port.name() + "' (" + bits + " bits), which the spec has");
        }
        if (bus.width() != bits) {
            throw new UserError(file + ": " + kind + " '" + port.name() + "' has " + bus.width() + " bits; the spec's has " + bits);
        }
    }
}
