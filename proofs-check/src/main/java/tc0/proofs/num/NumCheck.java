package tc0.proofs.num;

import java.util.List;
import tc0.proofs.catalog.CheckKind;
import tc0.proofs.catalog.Claim;
import tc0.proofs.check.Outcome;
import tc0.proofs.check.Verdict;

/**
 * The catalog's NUM check of one claim: which experiment a fine-grained or memory claim gets. Alman and Song's bounds
 * on a sequence; VAR's on its block-causal scales (both sides of the threshold, as its claim states both); FlowAR's
 * below it, on VAR's layout of scales (FlowAR attends over its coarser scales likewise); the KV-cache barriers with
 * standard and tensor attention.
 */
public final class NumCheck {
    private NumCheck() {}

    public static List<Outcome> run(Claim c) {
        return switch (c.paper() + " | " + c.id()) {
            case "alman-song-2023 | upper bound" -> List.of(PolynomialMethodCheck.below(c.paper(), c.id(), TokenLayout.SEQUENCE, List.of(4, 6, 8)));
            case "alman-song-2023 | lower bound" -> List.of(PolynomialMethodCheck.at(c.paper(), c.id(), TokenLayout.SEQUENCE, 4));
            case "2501.04377 | fine-grained" -> List.of(PolynomialMethodCheck.below(c.paper(), c.id(), TokenLayout.SCALES, List.of(2, 3, 4)),
                    PolynomialMethodCheck.at(c.paper(), c.id(), TokenLayout.SCALES, 2));
            case "2502.16490 | fine-grained" -> List.of(PolynomialMethodCheck.below(c.paper(), c.id(), TokenLayout.SCALES, List.of(2, 3, 4)));
            case "2503.14881 | memory lower bound" -> List.of(KvCacheCheck.run(c.paper(), c.id(), false, List.of(8, 16, 32)));
            case "2503.11108 | memory lower bound" -> List.of(KvCacheCheck.run(c.paper(), c.id(), true, List.of(4, 8)));
            default -> List.of(new Outcome(c.paper(), c.id(), CheckKind.NUM, "-", "-", List.of(),
                    new Verdict.Undecided("no NUM experiment is mapped to this claim (tc0.proofs.num.NumCheck)"), "nothing: it did not run"));
        };
    }
}
