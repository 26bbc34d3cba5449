package tc0.proofs.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where DEPTH reads a claim's depth inside a compiled model: a region of the model's circuit (as
 * {@code tc0 stats --by-region} lists them), rather than a block spec of its own. The region is matched by its
 * path's last segments, loop iterations ({@code l[0]}) skipped: {@code mamba_block/scan} is
 * {@code l[0]/mamba_block/scan} in every layer.
 *
 * @param spec   the model spec (a repository path, {@code examples/mamba.tc0})
 * @param path   the region path, without loop iterations ({@code mamba_block/scan})
 * @param params n's values (a list) and the other parameters' one value each ({@code "layers": [1]})
 */
public record DepthRegion(String spec, String path, Map<String, List<Long>> params) {
    public DepthRegion {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(path, "path");
        params = params == null ? Map.of() : Map.copyOf(params);
        for (var e : params.entrySet()) {
            if (!e.getKey().equals("n") && e.getValue().size() != 1) {
                throw new IllegalArgumentException("region " + path + ": parameter " + e.getKey() + " takes one value, not " + e.getValue());
            }
        }
    }

    /** Whether a region path ({@code l[0]/mamba_block/scan}) is this one: its segments, loop iterations left out, end with ours. */
    public boolean matches(String regionPath) {
        List<String> want = List.of(path.split("/"));
        List<String> have = java.util.Arrays.stream(regionPath.split("/")).filter(s -> !s.matches(".*\\[\\d+]")).toList();
        return have.size() >= want.size() && have.subList(have.size() - want.size(), have.size()).equals(want);
    }
}
