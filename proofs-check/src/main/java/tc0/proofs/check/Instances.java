package tc0.proofs.check;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.count.CountedCost;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.Lowered;
import tc0.compiler.pipeline.Pipeline;

/**
 * The specs of one run compiled once each: many claims share a block (matmul serves six papers), so a spec's
 * count at an n, and its circuit where built, are kept for the run. Paths are resolved against {@code root}
 * (the repository, where the catalog's {@code examples/...} paths start).
 */
public final class Instances {
    /** Circuits are built (for fan-in and weights, and FUNC) only up to this many counted gates. */
    public static final long BUILD_LIMIT = 2_000_000;

    private final Path root;
    private final Map<String, CountedCost> counts = new HashMap<>();
    private final Map<String, Lowered> built = new HashMap<>();
    private final Map<String, CircuitStats> stats = new HashMap<>();

    public Instances(Path root) {
        this.root = root;
    }

    public Path resolve(String spec) {
        return root.resolve(spec);
    }

    public TensorProgram program(String spec, long n) {
        return Pipeline.elaborate(resolve(spec), Map.of("n", n));
    }

    /** The spec at n counted without building (exact depth and gates of the unhashed build). */
    public CountedCost count(String spec, long n) {
        String key = spec + "@" + n;
        CountedCost c = counts.get(key);
        if (c == null) {
            c = Pipeline.count(resolve(spec), program(spec, n), WeightedSum.DEFAULT_ROUNDS);
            counts.put(key, c);
        }
        return c;
    }

    /** Whether the spec at n is small enough to build ({@link #BUILD_LIMIT}). */
    public boolean buildable(String spec, long n) {
        CountedCost c = count(spec, n);
        return !c.wide() && !c.gatesAbove(BUILD_LIMIT);
    }

    /** The spec's circuit at n (built once a run). */
    public Lowered lowered(String spec, long n) {
        String key = spec + "@" + n;
        Lowered l = built.get(key);
        if (l == null) {
            l = Pipeline.lower(resolve(spec), program(spec, n), WeightedSum.DEFAULT_ROUNDS, BUILD_LIMIT);
            built.put(key, l);
        }
        return l;
    }

    /** The built circuit's figures (its fan-in and weights, which a count does not give). */
    public CircuitStats stats(String spec, long n) {
        return stats.computeIfAbsent(spec + "@" + n, k -> CircuitStats.of(lowered(spec, n).circuit()));
    }
}
