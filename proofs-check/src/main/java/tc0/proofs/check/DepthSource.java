package tc0.proofs.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc0.circuits.analysis.RegionStats;
import tc0.proofs.catalog.DepthRegion;

/**
 * What DEPTH sets beside the formula: the depth at each n of the claim's region of a compiled model, or of the block
 * spec the claim is checked on, and a sentence saying which was used (and why the block, where the region is named
 * but the model's circuit has none).
 *
 * @param spec    the spec measured
 * @param what    "region mamba_block/scan of examples/mamba.tc0 (layers=1), built" or "block spec ..., counted"
 * @param depths  the depth at each n, in the sweep's order
 * @param missing where the region was named and is missing with no block to fall back to: what was looked for, else null
 */
record DepthSource(String spec, String what, Map<Long, Integer> depths, String missing) {
    /** The block spec's whole depth at each n, counted (exact, no building). */
    static DepthSource block(Target t, Instances in, String why) {
        Map<Long, Integer> d = new LinkedHashMap<>();
        for (long n : t.ns()) d.put(n, in.count(t.spec(), n).depth());
        return new DepthSource(t.spec(), "block spec " + t.spec() + ", counted" + why, d, null);
    }

    /**
     * The region's depth at each of its n that can be built: the deepest of the regions matching its path (one per
     * layer). Where the circuit has no such region at the first n, the block (when there is one) with the reason;
     * a region found at one n and not at another is missing.
     */
    static DepthSource of(DepthRegion r, List<Long> ns, Target fallback, Instances in) {
        Map<Long, Integer> d = new LinkedHashMap<>();
        List<Long> tooLarge = new ArrayList<>();
        for (long n : ns) {
            Map<String, Long> at = new LinkedHashMap<>();
            r.params().forEach((k, v) -> { if (!k.equals("n")) at.put(k, v.getFirst()); });
            at.put("n", n);
            if (!in.buildable(r.spec(), at)) {
                tooLarge.add(n);
                continue;
            }
            List<RegionStats> all = in.regions(r.spec(), at);
            int deepest = all.stream().filter(s -> r.matches(s.path())).mapToInt(RegionStats::depth).max().orElse(-1);
            String where = "region " + r.path() + " of " + r.spec() + " at " + settings(at);
            if (deepest < 0 && d.isEmpty() && fallback != null) {
                return block(fallback, in, " (" + where + " is not in its circuit yet: " + near(r, all) + ")");
            }
            if (deepest < 0) return new DepthSource(r.spec(), where, d, where + " is not in its circuit (" + near(r, all) + ")");
            d.put(n, deepest);
        }
        String what = "region " + r.path() + " of " + r.spec() + " (" + others(r) + "built"
                + (tooLarge.isEmpty() ? "" : "; n = " + tooLarge + " above " + String.format("%,d", Instances.BUILD_LIMIT) + " gates, not built") + ")";
        if (d.isEmpty() && fallback != null) return block(fallback, in, " (" + what + ": no n small enough to build)");
        return new DepthSource(r.spec(), what, d, d.isEmpty() ? what + ": no n small enough to build" : null);
    }

    private static String settings(Map<String, Long> at) {
        return String.join(", ", at.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static String others(DepthRegion r) {
        StringBuilder s = new StringBuilder();
        r.params().forEach((k, v) -> { if (!k.equals("n")) s.append(k).append("=").append(v.getFirst()).append(", "); });
        return s.toString();
    }

    /** The regions under the named path's parent, where the reader would look for a misspelt or renamed one. */
    private static String near(DepthRegion r, List<RegionStats> all) {
        int cut = r.path().lastIndexOf('/');
        DepthRegion parent = cut < 0 ? null : new DepthRegion(r.spec(), r.path().substring(0, cut), Map.of());
        List<String> names = all.stream()
                .filter(s -> parent == null ? s.path().indexOf('/') < 0 && !s.path().isEmpty() : parentMatches(parent, s.path()))
                .map(RegionStats::name).distinct().toList();
        return (parent == null ? "top-level regions " : "regions under " + parent.path() + ": ") + String.join(", ", names);
    }

    private static boolean parentMatches(DepthRegion parent, String path) {
        int cut = path.lastIndexOf('/');
        return cut > 0 && parent.matches(path.substring(0, cut));
    }
}
