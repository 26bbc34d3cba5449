package tc0.proofs.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.circuits.eval.Evaluator;
import tc0.compiler.pipeline.PipelineException;
import tc0.proofs.catalog.Catalog;
import tc0.proofs.catalog.CheckKind;
import tc0.proofs.catalog.CheckedOn;
import tc0.proofs.catalog.Claim;
import tc0.proofs.catalog.Paper;
import tc0.proofs.num.NumCheck;
import tc0.proofs.symbolic.SymbolicCheck;
import tc0.proofs.smt.SmtCheck;

/**
 * The catalog's checks run claim by claim: every check kind a claim lists, on every spec it is checked on.
 * STRUCT and CONTRAST sweep the claim's n (up to {@link Options#maxN}); FUNC runs at the spec's smallest n;
 * DEPTH at the n up to 16, on the claim's region of a model where it names one; SMT proves the gadgets the claim
 * rests on ({@link SmtCheck}; only the quick proofs unless the sweep is the heavy one); NUM runs the claim's experiment
 * on concrete matrices ({@link NumCheck}). A claim with no spec, or no NUM experiment, is reported undecided with the
 * reason, never left out.
 */
public final class LemmaRun {
    /**
     * @param paper    only this paper's claims, or null for all
     * @param lemma    only the claims with this id, or null for all
     * @param maxN     the largest n swept (the catalog sweeps models to 4096; the quick run stops lower)
     * @param samples  random inputs per FUNC check
     * @param strictDepth whether a DEPTH above the paper's formula fails (by default it is reported ABOVE and passes)
     */
    public record Options(String paper, String lemma, long maxN, int samples, boolean strictDepth, Evaluator evaluator) {
        public static final long QUICK_MAX_N = 256, HEAVY_MAX_N = 4096;
        public static final int QUICK_SAMPLES = 64;

        /** FUNC evaluates on the CPU's bit-parallel evaluator. */
        public Options(String paper, String lemma, long maxN, int samples, boolean strictDepth) {
            this(paper, lemma, maxN, samples, strictDepth, new BitParallelEvaluator());
        }
    }

    private static final long DEPTH_MAX_N = 16;

    private LemmaRun() {}

    /** The claims the options select, in catalog order. */
    public static List<Claim> selected(Catalog catalog, Options o) {
        return catalog.papers().stream().filter(p -> o.paper() == null || p.id().equals(o.paper()))
                .flatMap(p -> p.claims().stream()).filter(c -> o.lemma() == null || c.id().equals(o.lemma())).toList();
    }

    /** Runs every selected claim's checks, telling {@code progress} each claim's "paper claim" as it starts. */
    public static List<Outcome> run(Catalog catalog, Instances in, Options o, Consumer<String> progress) {
        List<Outcome> out = new ArrayList<>();
        for (Claim c : selected(catalog, o)) {
            progress.accept(c.paper() + " " + c.id());
            Paper paper = catalog.paper(c.paper()).orElseThrow();
            for (CheckKind k : c.checks()) out.addAll(check(paper, c, k, in, o));
            if (!c.checks().contains(CheckKind.SYMBOLIC)) out.addAll(SymbolicCheck.forClaim(c, in, o.maxN())); // mapped in its own file
        }
        return out;
    }

    static List<Outcome> check(Paper paper, Claim c, CheckKind k, Instances in, Options o) {
        if (k == CheckKind.SYMBOLIC) return SymbolicCheck.forClaim(c, in, o.maxN());
        if (k == CheckKind.SMT) return List.of(SmtCheck.run(c.paper(), c.id(), o.maxN() >= Options.HEAVY_MAX_N));
        if (k == CheckKind.NUM) return NumCheck.run(c);
        if (k == CheckKind.DEPTH) return List.of(depth(paper, c, in, o));
        if (c.checkedOn().isEmpty()) {
            return List.of(undecided(c, k, "-", c.gap() != null ? "no spec: " + c.gap() : "no spec names this claim yet"));
        }
        List<Outcome> out = new ArrayList<>();
        for (CheckedOn on : c.checkedOn()) {
            List<Long> ns = upTo(on.params().getOrDefault("n", List.of()), o.maxN());
            if (ns.isEmpty()) {
                out.add(undecided(c, k, on.spec(), "no n of the claim's sweep is at most " + o.maxN()));
                continue;
            }
            Target t = new Target(c.paper(), c.id(), on.spec(), ns);
            try {
                out.add(switch (k) {
                    case STRUCT -> StructCheck.run(t, c.sizeDegree(), in);
                    case CONTRAST -> ContrastCheck.run(t, in);
                    case FUNC -> FuncCheck.run(t, ns.getFirst(), o.samples(), 1, in, FuncCheck.EXACT, o.evaluator());
                    case DEPTH, SMT, NUM, SYMBOLIC -> throw new IllegalStateException("handled above");
                });
            } catch (PipelineException e) {
                out.add(undecided(c, k, on.spec(), "the spec does not compile: " + firstLine(e)));
            }
        }
        return out;
    }

    /**
     * DEPTH on the claim's region of a compiled model where it names one, else (or while the model has no such
     * region) on the first spec it is checked on; ABOVE fails only with {@link Options#strictDepth}.
     */
    static Outcome depth(Paper paper, Claim c, Instances in, Options o) {
        Target block = c.checkedOn().isEmpty() ? null : new Target(c.paper(), c.id(), c.checkedOn().getFirst().spec(),
                upTo(c.checkedOn().getFirst().params().getOrDefault("n", List.of()), DEPTH_MAX_N));
        if (block != null && block.ns().isEmpty()) block = null;
        List<Long> regionNs = c.region() == null ? List.of() : upTo(c.region().params().getOrDefault("n", List.of()), DEPTH_MAX_N);
        if (regionNs.isEmpty() && block == null) {
            return undecided(c, CheckKind.DEPTH, c.region() != null ? c.region().spec() : "-", c.checkedOn().isEmpty() && c.region() == null
                    ? (c.gap() != null ? "no spec: " + c.gap() : "no spec names this claim yet")
                    : "no n of the claim's sweep is at most " + DEPTH_MAX_N);
        }
        Outcome out;
        try {
            DepthSource source = regionNs.isEmpty() ? DepthSource.block(block, in, "") : DepthSource.of(c.region(), regionNs, block, in);
            out = DepthCheck.run(paper, c, source, regionNs.isEmpty() ? block.ns() : regionNs, in);
        } catch (PipelineException e) {
            return undecided(c, CheckKind.DEPTH, regionNs.isEmpty() ? block.spec() : c.region().spec(), "the spec does not compile: " + firstLine(e));
        }
        if (o.strictDepth() && out.verdict() instanceof Verdict.Above a) {
            return out.with(new Verdict.Fails(a.instance(), a.figure() + " (--strict-depth)"));
        }
        return out;
    }

    private static List<Long> upTo(List<Long> ns, long max) {
        return ns.stream().filter(n -> n <= max).toList();
    }

    private static String firstLine(PipelineException e) {
        return e.getMessage().lines().findFirst().orElse("");
    }

    private static Outcome undecided(Claim c, CheckKind k, String spec, String reason) {
        return new Outcome(c.paper(), c.id(), k, spec, "-", List.of(), new Verdict.Undecided(reason), "nothing: it did not run");
    }
}
