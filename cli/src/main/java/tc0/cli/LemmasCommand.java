package tc0.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tc0.proofs.catalog.Catalog;
import tc0.proofs.check.Instances;
import tc0.proofs.check.LemmaReport;
import tc0.proofs.check.LemmaRun;
import tc0.proofs.check.Outcome;

/** {@code tc0 lemmas}: the lemma catalog's checks, claim by claim. */
@Command(name = "lemmas",
        header = "Run the lemma catalog's checks (STRUCT, FUNC, DEPTH, CONTRAST, SMT, SYMBOLIC, NUM) on the specs each claim names.",
        mixinStandardHelpOptions = true,
        description = {
            "For every claim of the catalog (docs/LEMMAS.md), every check it lists, on every spec it is checked",
            "on: STRUCT counts the spec over its n sweep (depth constant, size, fan-in and weights polynomial),",
            "FUNC compares its circuit at the smallest n with the exact reference bit for bit, DEPTH evaluates",
            "the paper's depth formula with primitive depths measured from tc0's blocks beside the depth of the",
            "claim's region of the compiled model (or of its block spec) and reports where the paper's formula",
            "does not add up, CONTRAST wants a depth that grows, SMT proves with Z3 the gadgets the claim rests",
            "on for all inputs at fixed widths (--heavy: the slow ones too), SYMBOLIC fits size and depth as",
            "formulas in n and proves them for every n = 2^L with Z3, and a model's size for every n >= 4 from",
            "its nodes' terms (counting n = 512 and 1024 too where the sweep stops at 256, to confirm them).",
            "NUM runs the fine-grained and memory claims on concrete matrices (the polynomial method's error",
            "and rank as the entry bound crosses sqrt(log n); a KV cache's bits decoded from attention).",
            "A DEPTH where tc0 is deeper than the formula",
            "is ABOVE, by how many levels: a finding about tc0's construction against the paper's, which",
            "passes unless --strict-depth.",
            "Exit 1 if any check fails.",
            "",
            "Examples:",
            "  tc0 lemmas --paper 2412.06148 --lemma \"Thm 4.5\"",
            "  tc0 lemmas --junit lemmas.xml --markdown lemmas.md",
            "  tc0 lemmas --paper 2412.06148 --strict-depth   (an ABOVE fails too)",
            ""})
final class LemmasCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--paper", paramLabel = "ID", description = "only this paper's claims (an arXiv id or a source name, e.g. 2412.06148)")
    String paper;

    @Option(names = "--lemma", paramLabel = "NAME", description = "only the claims with this id, e.g. \"Lemma B.2\"")
    String lemma;

    @Option(names = "--junit", paramLabel = "F.xml", description = "also write JUnit XML: one test case per lemma and check")
    Path junit;

    @Option(names = "--markdown", paramLabel = "F.md", description = "also write the table as Markdown, each sweep an SVG plot beside it")
    Path markdown;

    @Option(names = "--json", description = "print the outcomes as JSON instead of the table")
    boolean json;

    @Option(names = "--heavy", description = "sweep models to n = " + LemmaRun.Options.HEAVY_MAX_N + " as the catalog lists (default: to n = "
            + LemmaRun.Options.QUICK_MAX_N + ")")
    boolean heavy;

    @Option(names = "--strict-depth", description = "a DEPTH above the paper's formula fails (default: reported ABOVE, passes)")
    boolean strictDepth;

    @Option(names = "--backend", paramLabel = "B", defaultValue = "cpu", description = "FUNC's evaluator: " + Backends.DESCRIPTION)
    tc0.circuits.gpu.Backend backend;

    @Option(names = "--samples", defaultValue = "" + LemmaRun.Options.QUICK_SAMPLES, description = "random inputs per FUNC check (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--root", paramLabel = "DIR", description = "the repository the catalog's spec paths start from"
            + " (default: the nearest folder at or above the current one that has examples/)")
    Path root;

    @Override
    public Integer call() {
        if (samples < 0) throw new UserError("--samples must be at least 0, not " + samples);
        if (root == null) root = repositoryAbove(Path.of("").toAbsolutePath());
        if (!Files.isDirectory(root.resolve("examples"))) {
            throw new UserError("--root " + root + ": no examples/ folder there; run tc0 lemmas in the repository or give --root");
        }
        Catalog catalog = Catalog.load();
        if (paper != null && catalog.paper(paper).isEmpty()) {
            throw new UserError("--paper " + paper + ": no such paper in the catalog; its papers are "
                    + String.join(", ", catalog.papers().stream().map(p -> p.id()).toList()));
        }
        LemmaRun.Options o = new LemmaRun.Options(paper, lemma, heavy ? LemmaRun.Options.HEAVY_MAX_N : LemmaRun.Options.QUICK_MAX_N, samples,
                strictDepth, Backends.evaluator(backend, Runtime.getRuntime().availableProcessors(), spec.commandLine().getErr()));
        if (LemmaRun.selected(catalog, o).isEmpty()) {
            throw new UserError("--lemma " + lemma + ": no claim" + (paper == null ? "" : " of " + paper) + " has that id; see docs/LEMMAS.md");
        }
        OutputFiles.checkReportFile("--junit", junit);
        OutputFiles.checkReportFile("--markdown", markdown);

        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        List<Outcome> outcomes = LemmaRun.run(catalog, new Instances(root), o, what -> {
            if (terminal) { err.print("\rchecking " + what + "\u001b[K"); err.flush(); }
        });
        if (terminal) { err.print("\r\u001b[K"); err.flush(); }
        double seconds = (System.nanoTime() - start) / 1e9;

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(Map.of("seconds", seconds, "outcomes", LemmaReport.json(outcomes))));
        } else {
            out.println(LemmaReport.HEADER);
            for (Outcome x : outcomes) LemmaReport.text(x).forEach(out::println);
            out.printf("%s (%.1f s)%n", LemmaReport.summary(outcomes), seconds);
        }
        if (junit != null) OutputFiles.write(junit, s -> s.write(LemmaReport.junit(outcomes, seconds).getBytes(StandardCharsets.UTF_8)));
        if (markdown != null) {
            List<String> plots = new java.util.ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) { // each sweep as an SVG beside the report, linked from it
                byte[] svg = LemmaReport.plot(outcomes.get(i));
                String name = svg == null ? null : LemmaReport.plotFile(markdown.getFileName().toString(), i, outcomes.get(i));
                if (svg != null) OutputFiles.write(markdown.resolveSibling(name), s -> s.write(svg));
                plots.add(name);
            }
            OutputFiles.write(markdown, s -> s.write(LemmaReport.markdown(outcomes, plots).getBytes(StandardCharsets.UTF_8)));
        }
        out.flush();
        return outcomes.stream().anyMatch(Outcome::failed) ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    /** The nearest folder at or above {@code dir} with an examples/ folder, or {@code dir} itself when none has one. */
    static Path repositoryAbove(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples"))) return p;
        }
        return dir;
    }
}
