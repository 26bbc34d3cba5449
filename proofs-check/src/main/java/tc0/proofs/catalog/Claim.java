package tc0.proofs.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One claim of a paper.
 *
 * @param paper the paper's id (filled from its file on loading)
 * @param id the lemma or theorem number as the paper prints it ("Lemma B.2", "Thm 4.5"), or a name where the number
 *     is not known ("main theorem", "block: RoPE rotation")
 * @param role what the claim is to its paper
 * @param statement the claim in one sentence
 * @param regime precision, d against n, layers
 * @param checkedOn the specs and parameter ranges it is checked on; empty where none exists yet ({@code gap} says why)
 * @param checks the checks that apply
 * @param sourceStatus how much of the source was read
 * @param symbol the depth name other formulas use for this claim's block ("d_disc"), or null
 * @param printedDepth the depth formula exactly as printed, or null where the paper prints none (or was not read)
 * @param depth the printed formula's parseable forms (the first the main one; "d_h = 2 d_std + d_sum" is
 *     "2 d_std + d_sum")
 * @param findings where the printed formula does not add up
 * @param region the region of a compiled model whose depth DEPTH sets beside the formula, or null (then DEPTH uses
 *     the first spec the claim is checked on, which is also its fallback while the model has no such region)
 * @param sizeDegree the degree of the polynomial STRUCT allows the size (gates ~ n^k over the sweep); the papers say
 *     poly(n), this is the degree of tc0's construction of the claim's specs, or null where STRUCT does not apply
 * @param gap what is not checked yet and why, or null
 */
public record Claim(
        String paper,
        String id,
        Role role,
        String statement,
        Regime regime,
        List<CheckedOn> checkedOn,
        List<CheckKind> checks,
        SourceStatus sourceStatus,
        String symbol,
        String printedDepth,
        List<String> depth,
        List<Finding> findings,
        DepthRegion region,
        Double sizeDegree,
        String gap) {
    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role of " + id);
        Objects.requireNonNull(statement, "statement of " + id);
        checkedOn = checkedOn == null ? List.of() : List.copyOf(checkedOn);
        checks = checks == null ? List.of() : List.copyOf(checks);
        depth = depth == null ? List.of() : List.copyOf(depth);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** This claim with its paper's id and, where it states none, the paper's source status. */
    Claim inPaper(String paperId, SourceStatus paperStatus) {
        return new Claim(paperId, id, role, statement, regime, checkedOn, checks,
                sourceStatus == null ? paperStatus : sourceStatus, symbol, printedDepth, depth, findings, region, sizeDegree, gap);
    }

    /** The main parseable depth formula, or null where the claim has none. */
    public DepthFormula depthFormula() {
        return depth.isEmpty() ? null : DepthFormula.parse(depth.getFirst());
    }
}
