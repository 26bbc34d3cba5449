package tc0.proofs.check;

import java.util.List;

/** A claim's check on one spec: the paper, the claim, the spec's repository path and the n to check it at. */
public record Target(String paper, String claim, String spec, List<Long> ns) {
    public Target {
        ns = List.copyOf(ns);
    }

    /** "n = 2, 4, 8" */
    static String nList(List<Long> ns) {
        return "n = " + String.join(", ", ns.stream().map(String::valueOf).toList());
    }
}
