package tc0.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tc0.circuits.Circuit;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.circuits.eval.Evaluator;
import tc0.circuits.eval.PatternText;
import tc0.circuits.eval.ScalarEvaluator;
import tc0.circuits.io.ReadLimit;

/** {@code tc0 run}: evaluates a circuit on given or random input patterns. */
@Command(name = "run",
        header = "Evaluate a circuit (or a compiled spec) on given or random input patterns.",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate a circuit on input patterns and print its outputs: one line per pattern, one",
            "character 0 or 1 per output, output 0 first. Patterns come from --inputs (a text file,",
            "one pattern per line, input 0 first; spaces and _ are ignored, # starts a comment) or",
            "are random (--random N --seed S; N at most 16,777,216). With neither, one random pattern",
            "(seed 1). A patterns file may hold 256 MiB (TC0_JAVA_OPTS=-Dtc0.maxInputsBytes=BYTES raises it).",
            "A spec (.tc0) is compiled in memory first, for the --set values, as 'tc0 compile' does. Its",
            "circuit's inputs are the spec's inputs in declaration order, each input's elements in",
            "row-major order, each element's bits least significant first (two's complement words of the",
            "spec's precision; one bit per element of a bit tensor); its outputs are laid out alike.",
            "",
            "Examples:",
            "  tc0 run adder.aag --inputs patterns.txt     where patterns.txt holds lines like",
            "                                              0110_1001  # a=6 b=9, input 0 first",
            "  tc0 run hyp.aig --random 102400 --seed 7 --hash",
            "      prints the SHA-256 of all outputs: the same on every backend and machine",
            "  tc0 run examples/gcn.tc0 --set n=4 --random 1000 --hash",
            ""})
public final class RunCommand implements Callable<Integer> {

    /** How FILE becomes a circuit, when a test replaces reading and compiling. */
    @FunctionalInterface
    public interface Loader {
        Circuit load(Path file);
    }

    /** The evaluators a user can pick. */
    enum Backend { cpu, scalar, gpu, auto }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a circuit file (.aag, .aig, .tc0c) or a spec (.tc0)")
    Path file;

    @Mixin
    SpecSettings settings;

    @Option(names = "--random", paramLabel = "N", description = "evaluate N random patterns")
    Integer random;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the random patterns (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--inputs", paramLabel = "F", description = "read the patterns from text file F ('-' for standard input)")
    Path inputs;

    @Option(names = "--backend", paramLabel = "B", defaultValue = "cpu",
            description = "cpu (bit-parallel, all cores; default), scalar (the one-pattern-at-a-time reference), gpu (CUDA)"
                    + " or auto (the GPU when there is one, else the CPU, saying why on standard error)")
    Backend backend;

    @Option(names = "--threads", paramLabel = "K", description = "threads of the cpu backend (default: all processors)")
    Integer threads;

    @Option(names = "--hash", description = "print one line, the SHA-256 of all outputs, instead of the bits")
    boolean hash;

    private final Loader loader;

    /** Reads circuit files and compiles specs. */
    public RunCommand() {
        this.loader = null;
    }

    RunCommand(Loader loader) {
        this.loader = loader;
    }

    @Override
    public Integer call() {
        if (random != null && inputs != null) throw new UserError("give --random or --inputs, not both");
        if (random != null && random < 1) throw new UserError("--random must be at least 1, not " + random);
        Evaluator evaluator = evaluator(backend, threads, spec.commandLine().getErr());
        Circuit c = loader != null ? loader.load(file) : settings.load(file);
        BitMatrix in = inputs != null ? readPatterns(inputs, c.inputCount())
                : BitMatrix.random(c.inputCount(), random == null ? 1 : randomPatterns(random, c), seed);
        BitMatrix out = evaluator.evaluate(c, in);
        PrintWriter w = spec.commandLine().getOut();
        if (hash) {
            w.println(out.sha256());
        } else {
            for (int p = 0; p < out.patterns(); p++) w.println(PatternText.line(out, p));
        }
        w.flush();
        return ExitCodes.OK;
    }

    static Evaluator evaluator(Backend backend, Integer threads, PrintWriter err) {
        if (threads != null && threads < 1) throw new UserError("--threads must be at least 1, not " + threads);
        int k = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        return switch (backend) {
            case cpu -> new BitParallelEvaluator(k);
            case scalar -> new ScalarEvaluator();
            case gpu, auto -> Backends.evaluator(tc0.circuits.gpu.Backend.valueOf(backend.name()), k, err);
        };
    }

    /** What a patterns file may hold: 256 MiB of text is some 2^31 bits, as much as one run's matrices hold. */
    static final ReadLimit INPUTS_LIMIT = new ReadLimit("a patterns file", "tc0.maxInputsBytes", 256L << 20);

    private static BitMatrix readPatterns(Path f, int width) {
        boolean stdin = f.toString().equals("-");
        String source = stdin ? "<stdin>" : f.toString();
        if (!stdin && Files.isDirectory(f)) throw new UserError(f + ": is a directory, not a patterns file");
        try (InputStream bytes = stdin ? INPUTS_LIMIT.bound(System.in) : INPUTS_LIMIT.open(f);
             Reader r = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            return PatternText.read(r, source, width);
        } catch (PatternText.FormatException e) {
            throw new UserError(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new UserError(f + ": no such file");
        } catch (ReadLimit.TooLarge e) {
            throw new UserError(source + ": " + e.getMessage() + ", or split the patterns over several runs");
        } catch (IOException e) {
            throw new UserError(source + ": cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /**
     * At most 2^24 random patterns a run: every pattern's inputs and outputs are held in memory at once (and
     * printed, a line each); fewer for a circuit so wide that its matrix would pass 2^31 words.
     */
    static final int MAX_RANDOM = 1 << 24;

    private static int randomPatterns(int requested, Circuit c) {
        long rows = Math.max(1, Math.max(c.inputCount(), c.outputCount()));
        long max = Math.min(MAX_RANDOM, (Integer.MAX_VALUE - 16L) / rows * 64);
        if (requested > max) {
            throw new UserError(String.format("--random %,d: at most %,d patterns a run, as every pattern's inputs and outputs are"
                    + " held in memory at once; run several with different --seed", requested, max));
        }
        return requested;
    }
}
