package tc0.proofs.smt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tc0.proofs.catalog.CheckKind;
import tc0.proofs.check.Outcome;
import tc0.proofs.check.Verdict;

/**
 * The catalog's SMT check of one claim: every gadget the claim rests on ({@link ClaimGadgets}) proved equal
 * to its specification for all inputs at its widths. Holds when every proof does; fails on the first
 * refuted gadget, naming its counterexample; undecided when the claim has no gadget or a proof runs out of
 * time. Proofs are kept for the run (most claims share the weighted sum and the multiplier).
 */
public final class SmtCheck {
    public static final String NOT_SHOWN = "a proof is about tc0's construction of each gadget at the stated widths, "
            + "not the paper's construction, not other widths, not the model composed of the gadgets";

    private static final Map<String, Proof> PROVED = new ConcurrentHashMap<>();

    private SmtCheck() {}

    public static Outcome run(String paper, String claim, boolean heavy) {
        ClaimGadgets map = ClaimGadgets.of(paper, claim).orElse(new ClaimGadgets(paper, claim, List.of(), null));
        List<GadgetCase> cases = map.cases(heavy);
        if (cases.isEmpty()) {
            String why = map.uncovered() != null ? map.uncovered() : "no gadget is mapped to this claim in " + ClaimGadgets.FILE;
            return outcome(paper, claim, "-", List.of(), new Verdict.Undecided("no gadget proof applies: " + why));
        }
        List<String> figures = new ArrayList<>();
        Verdict verdict = new Verdict.Holds();
        for (GadgetCase g : cases) {
            Proof p = PROVED.computeIfAbsent(g.name() + " | " + g.widths(), k -> Prover.prove(g));
            figures.add(p.gadget() + ", " + p.widths() + ": " + p.resultLine() + " (" + p.cpuMillis() + " ms)");
            if (verdict instanceof Verdict.Holds) {
                verdict = switch (p.result()) {
                    case Proof.Result.Proved ok -> verdict;
                    case Proof.Result.Refuted r -> new Verdict.Fails(p.gadget() + " at " + p.widths(), "counterexample " + r.counterexample());
                    case Proof.Result.Unknown u -> new Verdict.Undecided(p.gadget() + ": the solver gave up (" + u.reason() + ")");
                };
            } else if (verdict instanceof Verdict.Undecided && p.result() instanceof Proof.Result.Refuted r) {
                verdict = new Verdict.Fails(p.gadget() + " at " + p.widths(), "counterexample " + r.counterexample());
            }
        }
        if (map.uncovered() != null) figures.add("not covered by a proof: " + map.uncovered());
        String instances = cases.size() + " gadget" + (cases.size() == 1 ? "" : "s") + " (" + String.join(", ",
                cases.stream().map(GadgetCase::name).distinct().toList()) + ")";
        return outcome(paper, claim, instances, figures, verdict);
    }

    private static Outcome outcome(String paper, String claim, String instances, List<String> figures, Verdict v) {
        return new Outcome(paper, claim, CheckKind.SMT, "gadgets", instances, figures, v, NOT_SHOWN);
    }
}
