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
 * time. Proofs are kept for the run (most claims share the weighted sum and the multiplier). Without
 * {@code heavy} only the {@link GadgetCase.Tier#QUICK} proofs run (a few seconds for a claim), and the row
 * names the others.
 */
public final class SmtCheck {
    public static final String NOT_SHOWN = "a proof is about tc0's construction of each gadget at the stated widths, "
            + "not the paper's construction, not other widths, not the model composed of the gadgets";

    private static final Map<String, Proof> PROVED = new ConcurrentHashMap<>();

    private SmtCheck() {}

    public static Outcome run(String paper, String claim, boolean heavy) {
        ClaimGadgets map = ClaimGadgets.of(paper, claim).orElse(new ClaimGadgets(paper, claim, List.of(), null));
        List<GadgetCase> cases = map.cases(heavy);
        List<String> notRun = heavy ? List.of() : map.cases(true).stream().filter(g -> g.tier() != GadgetCase.Tier.QUICK)
                .map(g -> g.name() + " (" + g.widths() + ")").toList();
        if (cases.isEmpty() && notRun.isEmpty()) {
            String why = map.uncovered() != null ? map.uncovered() : "no gadget is mapped to this claim in " + ClaimGadgets.FILE;
            return outcome(paper, claim, "-", List.of(), new Verdict.Undecided("no gadget proof applies: " + why));
        }
        List<String> figures = new ArrayList<>();
        Verdict verdict = new Verdict.Holds();
        for (GadgetCase g : cases) {
            Proof p = PROVED.computeIfAbsent(g.name() + " | " + g.widths(), k -> Prover.prove(g));
            figures.add(p.gadget() + ", " + p.widths() + ": " + p.resultLine() + " (" + p.cpuMillis() + " ms)");
            verdict = worse(verdict, p);
        }
        if (!notRun.isEmpty()) {
            figures.add("slower proofs not run (--heavy runs them; the tests do): " + String.join(", ", notRun));
            if (verdict instanceof Verdict.Holds && cases.isEmpty()) verdict = new Verdict.Undecided("only slower proofs apply: run with --heavy");
        }
        if (map.uncovered() != null) figures.add("not covered by a proof: " + map.uncovered());
        String instances = cases.size() + " gadget" + (cases.size() == 1 ? "" : "s") + " (" + String.join(", ",
                cases.stream().map(GadgetCase::name).distinct().toList()) + ")";
        return outcome(paper, claim, instances, figures, verdict);
    }

    /**
     * The verdict after one more proof: a confirmed counterexample fails the claim; an unconfirmed one (the
     * evaluator agrees with the reference: the translation or the specification is wrong, not the gadget)
     * or a solver that gave up leaves it undecided.
     */
    private static Verdict worse(Verdict v, Proof p) {
        if (v instanceof Verdict.Fails) return v;
        return switch (p.result()) {
            case Proof.Result.Proved ok -> v;
            case Proof.Result.Refuted r when r.counterexample().confirmed() ->
                    new Verdict.Fails(p.gadget() + " at " + p.widths(), "counterexample " + r.counterexample());
            case Proof.Result.Refuted r -> v instanceof Verdict.Undecided ? v
                    : new Verdict.Undecided(p.gadget() + ": the solver's counterexample is not confirmed by the evaluator (a fault of the check, not of the gadget)");
            case Proof.Result.Unknown u -> v instanceof Verdict.Undecided ? v : new Verdict.Undecided(p.gadget() + ": the solver gave up (" + u.reason() + ")");
        };
    }

    private static Outcome outcome(String paper, String claim, String instances, List<String> figures, Verdict v) {
        return new Outcome(paper, claim, CheckKind.SMT, "gadgets", instances, figures, v, NOT_SHOWN);
    }
}
