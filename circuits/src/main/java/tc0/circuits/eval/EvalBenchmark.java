package tc0.circuits.eval;

import tc0.circuits.Circuit;
import tc0.circuits.analysis.Levels;

/**
 * Times an evaluator ({@link BitParallelEvaluator} unless another is given) on random patterns, and the {@link ScalarEvaluator} on the same
 * patterns (or their first few, extrapolated) for comparison. Compilation and input generation are not
 * timed; the bit-parallel run is warmed up first and its median over several runs is reported.
 */
public final class EvalBenchmark {
    /** Scalar work (gate evaluations) aimed at when timing a subset: a few tenths of a second. */
    private static final long SCALAR_WORK = 100_000_000L;
    private static final long WARMUP_NANOS = 1_000_000_000L;
    private static final long MEASURE_NANOS = 2_000_000_000L;
    private static final int MAX_RUNS = 15;

    private EvalBenchmark() {}

    /**
     * What to run.
     *
     * @param patterns    random patterns per evaluation
     * @param threads     threads of the bit-parallel evaluator
     * @param seed        seed of the random patterns
     * @param fullScalar  time the scalar reference on all patterns, not a subset
     */
    public record Params(int patterns, int threads, long seed, boolean fullScalar) {
        public Params {
            if (patterns < 1) throw new IllegalArgumentException("patterns must be at least 1, not " + patterns);
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /**
     * The figures. Rates are gate evaluations per second: gates x patterns / seconds.
     *
     * @param evaluator                the timed evaluator's name
     * @param gates                    threshold gates of the circuit
     * @param wires                    fan-in edges
     * @param depth                    depth in threshold gates
     * @param patterns                 patterns per evaluation
     * @param threads                  threads used
     * @param compileSeconds           time to compile the circuit (once, not in {@code seconds})
     * @param runs                     timed evaluations
     * @param seconds                  median time of one evaluation of all patterns
     * @param gateEvalsPerSecond       gates x patterns / seconds
     * @param scalarPatterns           patterns the scalar reference was timed on
     * @param scalarSeconds            its time on those patterns
     * @param scalarGateEvalsPerSecond gates x scalarPatterns / scalarSeconds
     * @param speedup                  gateEvalsPerSecond / scalarGateEvalsPerSecond
     * @param agree                    whether both gave the same outputs on the scalar patterns
     * @param program                  how the bit-parallel evaluator compiled the gates; null for another evaluator
     */
    public record Result(String evaluator, long gates, long wires, int depth, int patterns, int threads,
                         double compileSeconds, int runs, double seconds, double gateEvalsPerSecond,
                         int scalarPatterns, double scalarSeconds, double scalarGateEvalsPerSecond,
                         double speedup, boolean agree, ProgramStats program) {}

    public static Result run(Circuit c, Params p) {
        return run(c, p, new BitParallelEvaluator(p.threads()));
    }

    /** Times {@code evaluator} (its threads are its own; {@code p.threads()} is reported as given). */
    public static Result run(Circuit c, Params p, Evaluator evaluator) {
        BitMatrix inputs = BitMatrix.random(c.inputCount(), p.patterns(), p.seed());
        long t0 = System.nanoTime();
        Evaluator.Compiled program = evaluator.compile(c);
        double compileSeconds = (System.nanoTime() - t0) / 1e9;

        BitMatrix outputs = program.evaluate(inputs);
        for (long start = System.nanoTime(), runs = 1; runs < 3 || System.nanoTime() - start < WARMUP_NANOS; runs++) {
            if (runs >= 10) break;
            program.evaluate(inputs);
        }
        double[] times = timeRuns(program, inputs);
        double seconds = median(times);
        long gates = c.gateCount();
        double rate = gates * (double) p.patterns() / seconds;

        int scalarPatterns = p.fullScalar() ? p.patterns() : scalarSubset(c, p.patterns());
        BitMatrix subset = inputs.firstPatterns(scalarPatterns);
        Evaluator.Compiled scalar = new ScalarEvaluator().compile(c);
        scalar.evaluate(subset.firstPatterns(Math.max(1, scalarPatterns / 8))); // let the JIT compile it
        long s0 = System.nanoTime();
        BitMatrix expected = scalar.evaluate(subset);
        double scalarSeconds = Math.max(1e-9, (System.nanoTime() - s0) / 1e9);
        double scalarRate = gates * (double) scalarPatterns / scalarSeconds;
        boolean agree = expected.equals(outputs.firstPatterns(scalarPatterns));

        if (program instanceof AutoCloseable device) { // a GPU's buffers go back now, not at exit
            try {
                device.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not release the evaluator: " + e.getMessage(), e);
            }
        }
        ProgramStats stats = program instanceof BitParallelEvaluator.Program bp ? bp.stats() : null;
        return new Result(evaluator.name(), gates, c.wireCount(), Levels.of(c).depth(), p.patterns(),
                p.threads(), compileSeconds, times.length, seconds, rate, scalarPatterns, scalarSeconds, scalarRate,
                rate / scalarRate, agree, stats);
    }

    private static double[] timeRuns(Evaluator.Compiled program, BitMatrix inputs) {
        double[] times = new double[MAX_RUNS];
        int runs = 0;
        long start = System.nanoTime();
        while (runs < MAX_RUNS && (runs < 3 || System.nanoTime() - start < MEASURE_NANOS)) {
            long t = System.nanoTime();
            program.evaluate(inputs);
            times[runs++] = (System.nanoTime() - t) / 1e9;
        }
        return java.util.Arrays.copyOf(times, runs);
    }

    /** Patterns for the scalar reference: about {@link #SCALAR_WORK} wire visits, at least 64. */
    private static int scalarSubset(Circuit c, int patterns) {
        long perPattern = Math.max(1, c.wireCount() + c.gateCount());
        return (int) Math.min(patterns, Math.max(64, SCALAR_WORK / perPattern));
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
