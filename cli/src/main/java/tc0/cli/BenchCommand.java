package tc0.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tc0.circuits.Circuit;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.EvalBenchmark;
import tc0.circuits.eval.Evaluator;
import tc0.circuits.gpu.Backend;
import tc0.circuits.gpu.GpuEvaluator;
import tc0.circuits.gpu.KernelFigures;

/** {@code tc0 bench}: how fast the bit-parallel evaluator runs a circuit, against the scalar reference. */
@Command(name = "bench",
        header = "Time the bit-parallel evaluator against the scalar reference.",
        mixinStandardHelpOptions = true,
        description = {
            "Time the bit-parallel evaluator on random patterns. Loading and compiling are not timed;",
            "after a warm-up, the median of several evaluations of all patterns is reported, as seconds",
            "and as gate evaluations per second (gates x patterns / seconds). For comparison the scalar",
            "reference runs on the first patterns (extrapolated; all of them with --baseline) and must",
            "give the same outputs: if it does not, the exit code is 1.",
            "",
            "With --backend gpu the GPU is timed, and beside it the bit-parallel evaluator on all cores",
            "(the same patterns) and the levels kernel alone: the bytes it must move (every operand and",
            "output word once) over the measured device-to-device bandwidth, as a fraction of that bound.",
            "",
            "Examples:",
            "  tc0 bench hyp.aig --patterns 102400 --threads 1",
            "  tc0 bench hyp.aig --json",
            "  tc0 bench mem_ctrl.aig --backend gpu",
            ""})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a circuit file: .aag, .aig or .tc0c")
    Path file;

    @Option(names = "--patterns", paramLabel = "N", defaultValue = "102400", description = "random patterns per evaluation (default: ${DEFAULT-VALUE})")
    int patterns;

    @Option(names = "--threads", paramLabel = "K", description = "threads (default: all processors)")
    Integer threads;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the random patterns (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--backend", paramLabel = "B", defaultValue = "cpu", description = Backends.DESCRIPTION)
    Backend backend;

    @Option(names = "--json", description = "print one JSON object instead of a table")
    boolean json;

    @Option(names = "--baseline", description = "time the scalar reference on all N patterns, not a subset (slow)")
    boolean baseline;

    private final RunCommand.Loader loader;

    public BenchCommand() {
        this(CircuitLoader::load);
    }

    BenchCommand(RunCommand.Loader loader) {
        this.loader = loader;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        if (patterns < 1) throw new UserError("--patterns must be at least 1, not " + patterns);
        int k = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (k < 1) throw new UserError("--threads must be at least 1, not " + k);
        Evaluator evaluator = Backends.evaluator(backend, k, spec.commandLine().getErr());
        Circuit c = loader.load(file);
        var params = new EvalBenchmark.Params(patterns, k, seed, baseline);
        EvalBenchmark.Result r = EvalBenchmark.run(c, params, evaluator);
        EvalBenchmark.Result cpu = null;
        KernelFigures kernel = null;
        if (evaluator instanceof GpuEvaluator gpu) {
            cpu = EvalBenchmark.run(c, params);
            kernel = KernelFigures.measure(gpu, c, BitMatrix.random(c.inputCount(), patterns, seed), r.runs());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(new ObjectMapper().writeValueAsString(figures(r, cpu, kernel)));
        else table(out, r, cpu, kernel);
        out.flush();
        if (!r.agree() || cpu != null && !cpu.agree()) {
            spec.commandLine().getErr().println("tc0: the " + r.evaluator() + " and scalar evaluators disagree: please report this circuit");
            return ExitCodes.CHECK_FAILED;
        }
        return ExitCodes.OK;
    }

    private Map<String, Object> figures(EvalBenchmark.Result r, EvalBenchmark.Result cpu, KernelFigures kernel) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("evaluator", r.evaluator());
        m.put("gates", r.gates());
        m.put("wires", r.wires());
        m.put("depth", r.depth());
        m.put("patterns", r.patterns());
        m.put("threads", r.threads());
        m.put("compileSeconds", r.compileSeconds());
        m.put("runs", r.runs());
        m.put("seconds", r.seconds());
        m.put("gateEvalsPerSecond", r.gateEvalsPerSecond());
        m.put("scalarPatterns", r.scalarPatterns());
        m.put("scalarSeconds", r.scalarSeconds());
        m.put("scalarGateEvalsPerSecond", r.scalarGateEvalsPerSecond());
        m.put("speedup", r.speedup());
        m.put("agree", r.agree());
        m.put("program", r.program());
        if (cpu != null) {
            m.put("cpuSeconds", cpu.seconds());
            m.put("cpuGateEvalsPerSecond", cpu.gateEvalsPerSecond());
            m.put("speedupOverCpu", r.gateEvalsPerSecond() / cpu.gateEvalsPerSecond());
            m.put("cpuProgram", cpu.program());
        }
        if (kernel != null) {
            m.put("device", kernel.device());
            m.put("kernelSeconds", kernel.kernelSeconds());
            m.put("kernelBytesMoved", kernel.bytesMoved());
            m.put("bandwidthBytesPerSecond", kernel.bandwidth());
            m.put("fractionOfBandwidthBound", kernel.fractionOfBound());
        }
        return m;
    }

    private void table(PrintWriter out, EvalBenchmark.Result r, EvalBenchmark.Result cpu, KernelFigures kernel) {
        out.println(file);
        out.printf("  %-14s %,d%n", "gates", r.gates());
        out.printf("  %-14s %,d%n", "wires", r.wires());
        out.printf("  %-14s %,d%n", "depth", r.depth());
        out.printf("  %-14s %,d%n", "patterns", r.patterns());
        out.printf("  %-14s %d%n", "threads", r.threads());
        out.printf("  %-14s %.4f s (median of %d runs; compile %.3f s, not counted)%n", "seconds", r.seconds(), r.runs(), r.compileSeconds());
        out.printf("  %-14s %.3g gate evaluations/s (%s)%n", "rate", r.gateEvalsPerSecond(), r.evaluator());
        out.printf("  %-14s %.3g gate evaluations/s (scalar, %,d patterns in %.3f s%s)%n", "reference",
                r.scalarGateEvalsPerSecond(), r.scalarPatterns(), r.scalarSeconds(),
                r.scalarPatterns() < r.patterns() ? ", extrapolated" : "");
        out.printf("  %-14s %.1fx%n", "speedup", r.speedup());
        if (cpu != null) {
            out.printf("  %-14s %.3g gate evaluations/s (bit-parallel, %d threads, %.4f s); the %s is %.1fx that%n", "cpu",
                    cpu.gateEvalsPerSecond(), cpu.threads(), cpu.seconds(), r.evaluator(), r.gateEvalsPerSecond() / cpu.gateEvalsPerSecond());
        }
        if (kernel != null) {
            out.printf("  %-14s %s%n", "device", kernel.device());
            out.printf("  %-14s %.4f s in the levels kernel, %.3g bytes to move at %.3g B/s measured: %.1f%% of the bandwidth bound%n",
                    "kernel", kernel.kernelSeconds(), (double) kernel.bytesMoved(), kernel.bandwidth(), 100 * kernel.fractionOfBound());
        }
        var p = r.program();
        if (p == null) return; // another evaluator than the bit-parallel one
        out.printf("  %-14s %,d and, %,d or, %,d sliced (%,d of them comparing the counter before again), %,d per-pattern, %,d constant, %,d dead; %,d slots%n", "compiled",
                p.and(), p.or(), p.sliced(), p.recompared(), p.lanes(), p.constant(), p.dead(), p.slots());
    }
}
