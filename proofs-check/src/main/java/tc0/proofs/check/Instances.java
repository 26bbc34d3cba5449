package tc0.proofs.check;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tc0.circuits.analysis.CircuitStats;
import tc0.circuits.analysis.RegionBreakdown;
import tc0.circuits.analysis.RegionStats;
import tc0.compiler.count.CountedCost;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.Lowered;
import tc0.compiler.pipeline.Pipeline;

/**
 * The specs of one run compiled once each: many claims share a block (matmul serves six papers), so a spec's
 * program, its count and its circuit where built are kept for the run, per parameter values. Paths are resolved
 * against {@code root} (the repository, where the catalog's {@code examples/...} paths start).
 */
public final class Instances {
    /** Circuits are built (for fan-in and weights, FUNC, and a region's depth) only up to this many counted gates. */
    public static final long BUILD_LIMIT = 2_000_000;
    /**
     * FUNC builds one circuit, at the sweep's smallest n, so it may be larger: Mamba's, VAR's and FlowAR's at n = 4
     * (2.4, 3.9 and 2.8 M gates) build and run their reference on 68 inputs in 8-14 s of CPU each
     * ({@code tc0 verify --samples 64}, 1.5 GB resident at most).
     */
    public static final long FUNC_BUILD_LIMIT = 8_000_000;

    private final Path root;
    private final Map<String, TensorProgram> programs = new HashMap<>();
    private final Map<String, CountedCost> counts = new HashMap<>();
    private final Map<String, Lowered> built = new HashMap<>();
    private final Map<String, CircuitStats> stats = new HashMap<>();
    private final Map<String, List<RegionStats>> regions = new HashMap<>();

    public Instances(Path root) {
        this.root = root;
    }

    public Path resolve(String spec) {
        return root.resolve(spec);
    }

    /** The spec's parameters: n, the others at their defaults. */
    static Map<String, Long> at(long n) {
        return Map.of("n", n);
    }

    private static String key(String spec, Map<String, Long> at) {
        return spec + "@" + new TreeMap<>(at);
    }

    /** The spec elaborated at these parameter values (once a run). */
    public TensorProgram program(String spec, Map<String, Long> at) {
        return programs.computeIfAbsent(key(spec, at), k -> Pipeline.elaborate(resolve(spec), at));
    }

    /** The spec at n counted without building (exact depth and gates of the unhashed build). */
    public CountedCost count(String spec, long n) {
        return count(spec, at(n));
    }

    public CountedCost count(String spec, Map<String, Long> at) {
        return counts.computeIfAbsent(key(spec, at), k -> Pipeline.count(resolve(spec), program(spec, at), WeightedSum.DEFAULT_ROUNDS));
    }

    /** Whether the spec at n is small enough to build ({@link #BUILD_LIMIT}). */
    public boolean buildable(String spec, long n) {
        return buildable(spec, at(n));
    }

    public boolean buildable(String spec, Map<String, Long> at) {
        return buildable(spec, at, BUILD_LIMIT);
    }

    /** Whether the spec at {@code at} counts {@code limit} gates or fewer (and fits the builder's words). */
    public boolean buildable(String spec, Map<String, Long> at, long limit) {
        CountedCost c = count(spec, at);
        return !c.wide() && !c.gatesAbove(limit);
    }

    /** The spec's circuit at n (built once a run). */
    public Lowered lowered(String spec, long n) {
        return lowered(spec, at(n));
    }

    public Lowered lowered(String spec, Map<String, Long> at) {
        return built.computeIfAbsent(key(spec, at),
                k -> Pipeline.lower(resolve(spec), program(spec, at), WeightedSum.DEFAULT_ROUNDS, FUNC_BUILD_LIMIT)); // callers ask buildable first
    }

    /** The built circuit's figures (its fan-in and weights, which a count does not give). */
    public CircuitStats stats(String spec, long n) {
        return stats.computeIfAbsent(key(spec, at(n)), k -> CircuitStats.of(lowered(spec, n).circuit()));
    }

    /** Every region of the built circuit with its figures ({@code tc0 stats --by-region}), parents first. */
    public List<RegionStats> regions(String spec, Map<String, Long> at) {
        return regions.computeIfAbsent(key(spec, at), k -> RegionBreakdown.of(lowered(spec, at).circuit()).preorder());
    }
}
