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
import tc0.compiler.gadgets.WeightedSum;
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
            "With --stream the circuit is never held: the spec is lowered once per batch of inputs (--batch, 64",
            "by default) onto a net that evaluates each gate on the batch as it is made (8 bytes a gate per 64",
            "inputs; no fan-in kept, no hashing) and the outputs are compared: the same inputs and the same",
            "answer as the built circuit (hashing and dead-gate removal change no output), for circuits too",
            "large to build in memory (the float models at n = 8). Each batch lowers the spec again, so a larger",
            "--batch is faster where memory allows; progress goes to standard error. No size guard applies.",
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
            "Example:  tc0 verify examples/gin.tc0 --set n=4 --samples 1000 --seed 7",
            "          tc0 verify examples/float/mamba.tc0 --set n=8 --stream --batch 256"})
final class VerifyCommand implements Callable<Integer> {
    /** A refusal to build says that --stream verifies without building. */
    private static final String STREAM_HINT = "verify without building it: --stream (8 bytes a gate per 64 inputs); or " + SizeGuard.BUILD_HINT;

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

    @Option(names = "--stream", description = "evaluate while lowering, batch by batch, without holding the circuit")
    boolean stream;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64", description = "inputs per lowering with --stream, a multiple"
            + " of 64 (default ${DEFAULT-VALUE}; 8 bytes a gate per 64)")
    int batch;

    @Option(names = "--backend", paramLabel = "B", defaultValue = "cpu", description = Backends.DESCRIPTION)
    tc0.circuits.gpu.Backend backend;

    @Override
    public Integer call() {
        if (samples < 0) throw new UserError("--samples must be >= 0");
        if (stream) return streamed();
        if (batch != 64) throw new UserError("--batch is for --stream; add --stream or leave --batch out");
        Evaluator evaluator = Backends.evaluator(backend, Runtime.getRuntime().availableProcessors(), spec.commandLine().getErr());
        Lowered l = circuit == null ? SpecCompiler.compile(specOptions.file, specOptions.settings.values(), specOptions.settings.guard(STREAM_HINT))
                : given(circuit);
        requireFloatCodesFit(l.program());
        return report(Verification.run(l, samples, seed, Verification.EXACT, evaluator));
    }

    /** {@code --stream}: the program lowered batch by batch onto an evaluating net; no size guard, since nothing is held. */
    private Integer streamed() {
        if (circuit != null) throw new UserError("--stream lowers the spec, and --circuit checks a file; give one of them");
        if (backend != tc0.circuits.gpu.Backend.cpu) throw new UserError("--stream evaluates on the CPU while lowering; leave --backend out");
        if (batch < 64 || batch % 64 != 0) throw new UserError("--batch " + batch + ": give a multiple of 64 (64 inputs a long per gate)");
        if (specOptions.settings.maxGates != null) throw new UserError("--max-gates guards a build, and --stream builds nothing; leave it out");
        TensorProgram p = SpecCompiler.elaborate(specOptions.file, specOptions.settings.values());
        requireFloatCodesFit(p);
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Verification.Result r;
        try {
            r = Verification.stream(p, WeightedSum.DEFAULT_ROUNDS, samples, seed, Verification.EXACT, batch, (done, of, gates) -> {
                err.printf("verify --stream: %d of %d inputs equal (%.0f s; %,d gates a lowering)%n", done, of, (System.nanoTime() - start) / 1e9, gates);
                err.flush();
            });
        } catch (OutOfMemoryError e) {
            throw new UserError(SpecCompiler.describe(specOptions.file, p) + ": out of memory (heap " + ExitCodes.heap() + ") with --stream, which"
                    + " keeps 8 bytes a gate per 64 inputs of --batch; lower --batch, try a smaller n or a larger heap through TC0_JAVA_OPTS,"
                    + " e.g. TC0_JAVA_OPTS=-Xmx20g", ExitCodes.OUT_OF_MEMORY);
        }
        return report(r);
    }

    /** The reference and the inputs hold a float's code in a long. */
    private static void requireFloatCodesFit(TensorProgram p) {
        var floats = p.floats().filter(f -> !tc0.compiler.numerics.FloatCodes.fitsCode(f));
        if (floats.isPresent()) {
            var f = floats.get();
            throw new UserError(String.format("%s: verify compares float codes of at most %d bits; float(p: %d, e: %d) has %d; lower p "
                    + "(tc0 stats --count-only counts at any p)", p.model(), tc0.compiler.numerics.FloatCodes.MAX_CODE_BITS, f.p(), f.q(), f.p() + f.q() + 1));
        }
    }

    /** The result printed: the first mismatch (exit 1), or the match and its float64 errors. */
    private Integer report(Verification.Result r) {
        PrintWriter w = spec.commandLine().getOut();
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
