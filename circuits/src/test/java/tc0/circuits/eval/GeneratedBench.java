package tc0.circuits.eval;

import java.util.SplittableRandom;
import tc0.circuits.Circuit;
import tc0.circuits.analysis.CircuitStats;

/**
 * Not a test: times the evaluators on generated circuits, for when no real benchmark file can be read.
 * Run with {@code java -cp circuits/target/classes:circuits/target/test-classes tc0.circuits.eval.GeneratedBench
 * [patterns] [threads]}.
 */
final class GeneratedBench {
    private GeneratedBench() {}

    public static void main(String[] args) {
        int patterns = args.length > 0 ? Integer.parseInt(args[0]) : 102_400;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        var rnd = new SplittableRandom(1);
        bench("hyp-like AND, 214k gates, depth 24801", TestCircuits.levelled(rnd, 256, 214_335, 24_801, 128), patterns, threads);
        if (args.length > 2) return;
        bench("random AIG, 46k gates", TestCircuits.randomAig(rnd, 1204, 46_836, 1231), patterns, threads);
        bench("wide threshold, fan-in 500", TestCircuits.wideThreshold(rnd, 1000, 500, 400), patterns, threads);
    }

    private static void bench(String name, Circuit c, int patterns, int threads) {
        var s = CircuitStats.of(c);
        var r = EvalBenchmark.run(c, new EvalBenchmark.Params(patterns, threads, 1, false));
        System.out.printf("%-40s gates %,d depth %,d | %.4f s  %.3g gate-evals/s | scalar %.3g | x%.0f agree=%s %s%n",
                name, s.gates(), s.depth(), r.seconds(), r.gateEvalsPerSecond(), r.scalarGateEvalsPerSecond(),
                r.speedup(), r.agree(), r.program());
    }
}
