package tc0.proofs.check;

import java.util.List;
import java.util.Objects;
import tc0.proofs.catalog.CheckKind;
import tc0.proofs.structural.SeriesPlot;

/**
 * One check of one claim.
 *
 * @param paper     the claim's paper id
 * @param claim     the claim's id ("Lemma B.2")
 * @param kind      the check
 * @param spec      the model or block it ran on ("examples/blocks/hadamard.tc0"), or "-" where none
 * @param instances which instances ("n = 4, 8, 16 counted; 4, 8 built")
 * @param figures   what was measured, one line each
 * @param verdict   holds, fails (where, what) or undecided (why)
 * @param notShown  one sentence of what the check does not establish
 * @param sweep     the figures measured against n, for the report's plot (empty where the check sweeps nothing)
 */
public record Outcome(String paper, String claim, CheckKind kind, String spec, String instances, List<String> figures,
        Verdict verdict, String notShown, List<SeriesPlot.Series> sweep) {
    public Outcome {
        Objects.requireNonNull(verdict, "verdict");
        figures = List.copyOf(figures);
        sweep = List.copyOf(sweep);
    }

    /** An outcome with nothing to plot. */
    public Outcome(String paper, String claim, CheckKind kind, String spec, String instances, List<String> figures,
            Verdict verdict, String notShown) {
        this(paper, claim, kind, spec, instances, figures, verdict, notShown, List.of());
    }

    /** The same outcome with another verdict. */
    public Outcome with(Verdict v) {
        return new Outcome(paper, claim, kind, spec, instances, figures, v, notShown, sweep);
    }

    public boolean failed() {
        return verdict instanceof Verdict.Fails;
    }
}
