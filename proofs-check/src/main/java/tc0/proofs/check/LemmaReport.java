package tc0.proofs.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tc0.proofs.structural.SeriesPlot;

/** A run's outcomes as a text table, Markdown, JUnit XML (one test case per claim and check) and JSON-ready maps. */
public final class LemmaReport {
    private LemmaReport() {}

    public static final String HEADER = String.format("%-14s %-28s %-9s %-10s %-40s %s", "paper", "lemma", "check", "verdict", "model or block", "instances");

    /** One table row, then the figures and the verdict's reason indented below it. */
    public static List<String> text(Outcome o) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-14s %-28s %-9s %-10s %-40s %s", o.paper(), o.claim(), o.kind(), o.verdict().word(), o.spec(), o.instances()));
        for (String f : o.figures()) lines.add("    " + f);
        if (!(o.verdict() instanceof Verdict.Holds)) lines.add("    " + o.verdict().line());
        return lines;
    }

    /** "43 checks: 12 hold, 2 above (tc0 deeper than the paper's formula), 1 fail, 28 undecided" */
    public static String summary(List<Outcome> outcomes) {
        long holds = outcomes.stream().filter(o -> o.verdict() instanceof Verdict.Holds).count();
        long above = outcomes.stream().filter(o -> o.verdict() instanceof Verdict.Above).count();
        long fails = outcomes.stream().filter(Outcome::failed).count();
        return String.format("%d checks: %d hold, %d above (tc0 deeper than the paper's formula), %d fail, %d undecided",
                outcomes.size(), holds, above, fails, outcomes.size() - holds - above - fails);
    }

    public static String markdown(List<Outcome> outcomes) {
        return markdown(outcomes, java.util.Collections.nCopies(outcomes.size(), null));
    }

    /**
     * The Markdown table, then a "Sweeps" section linking each outcome's plot: {@code plots.get(i)} is the file of
     * outcome i's plot relative to the report, or null where it has none ({@link #plotFile}, {@link #plot}).
     */
    public static String markdown(List<Outcome> outcomes, List<String> plots) {
        StringBuilder s = new StringBuilder(table(outcomes));
        if (plots.stream().allMatch(Objects::isNull)) return s.toString();
        s.append("\n## Sweeps\n\n");
        for (int i = 0; i < outcomes.size(); i++) {
            if (plots.get(i) == null) continue;
            Outcome o = outcomes.get(i);
            String title = o.paper() + " " + o.claim() + " " + o.kind() + " on " + o.spec();
            s.append("### ").append(title).append("\n\n![").append(SeriesPlot.description(o.sweep()).replace("]", ")"))
                    .append("](").append(plots.get(i).replace(" ", "%20")).append(")\n\n");
        }
        return s.toString();
    }

    /** "lemmas-03-lemma-4-3-depth.svg": outcome i's plot beside the report {@code reportName} ("lemmas.md"). */
    public static String plotFile(String reportName, int i, Outcome o) {
        String stem = reportName.endsWith(".md") ? reportName.substring(0, reportName.length() - 3) : reportName;
        String slug = (o.claim() + "-" + o.kind()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return String.format(Locale.ROOT, "%s-%02d-%s.svg", stem, i + 1, slug);
    }

    /** Outcome o's sweep as an SVG chart, or null where it swept fewer than two n. */
    public static byte[] plot(Outcome o) {
        if (o.sweep().isEmpty() || o.sweep().getFirst().n().size() < 2) return null;
        boolean sizes = o.kind() == tc0.proofs.catalog.CheckKind.STRUCT;
        return SeriesPlot.svg(o.paper() + " " + o.claim() + " " + o.kind() + ": " + o.spec(), sizes ? "count (log scale)" : "depth", sizes, o.sweep());
    }

    private static String table(List<Outcome> outcomes) {
        StringBuilder s = new StringBuilder("# tc0 lemmas\n\n").append(summary(outcomes)).append(".\n\n");
        s.append("| paper | lemma | check | verdict | model or block | instances | figures | not shown |\n");
        s.append("|---|---|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            List<String> cells = new ArrayList<>(o.figures());
            if (!(o.verdict() instanceof Verdict.Holds)) cells.add("**" + o.verdict().line() + "**");
            List<String> row = List.of(o.paper(), o.claim(), o.kind().name(), o.verdict().word(), o.spec(), o.instances(),
                    String.join("<br>", cells), o.notShown());
            // a cell's own '|' (the figure "max |error|") would split the row
            s.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|").replace("\n", " ")).toList())).append(" |\n");
        }
        return s.toString();
    }

    /**
     * JUnit XML: one suite, one test case per claim and check; a failure carries the figure, an undecided check is
     * skipped with its reason, an ABOVE passes with its figure first in the output (it is a finding, not a failure).
     */
    public static String junit(List<Outcome> outcomes, double seconds) {
        long fails = outcomes.stream().filter(Outcome::failed).count();
        long skipped = outcomes.stream().filter(o -> o.verdict() instanceof Verdict.Undecided).count();
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT, "<testsuite name=\"tc0 lemmas\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"%.3f\">%n",
                outcomes.size(), fails, skipped, seconds));
        for (Outcome o : outcomes) {
            s.append(String.format("  <testcase classname=\"%s\" name=\"%s\">%n", xml(o.paper() + "." + o.claim()), xml(o.kind() + " on " + o.spec())));
            switch (o.verdict()) {
                case Verdict.Fails f -> s.append(String.format("    <failure message=\"%s\">%s</failure>%n", xml(o.verdict().line()),
                        xml(String.join("\n", o.figures()))));
                case Verdict.Undecided u -> s.append(String.format("    <skipped message=\"%s\"/>%n", xml(u.reason())));
                case Verdict.Holds h -> { }
                case Verdict.Above a -> { }
            }
            String above = o.verdict() instanceof Verdict.Above ? o.verdict().line() + "\n" : "";
            s.append(String.format("    <system-out>%s</system-out>%n", xml(above + o.instances() + "\n" + String.join("\n", o.figures()) + "\nnot shown: " + o.notShown())));
            s.append("  </testcase>\n");
        }
        return s.append("</testsuite>\n").toString();
    }

    /** The outcomes as plain maps (paper, lemma, check, spec, instances, verdict, where, figure or reason, figures, notShown). */
    public static List<Map<String, Object>> json(List<Outcome> outcomes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("paper", o.paper());
            m.put("lemma", o.claim());
            m.put("check", o.kind().name());
            m.put("spec", o.spec());
            m.put("instances", o.instances());
            m.put("verdict", o.verdict().word());
            switch (o.verdict()) {
                case Verdict.Fails f -> { m.put("where", f.instance()); m.put("figure", f.figure()); }
                case Verdict.Above a -> { m.put("where", a.instance()); m.put("figure", a.figure()); }
                case Verdict.Undecided u -> m.put("reason", u.reason());
                case Verdict.Holds h -> { }
            }
            m.put("figures", o.figures());
            m.put("notShown", o.notShown());
            out.add(m);
        }
        return out;
    }

    /** Text escaped for an XML attribute or element; characters XML 1.0 forbids dropped (tc0 check's report too). */
    public static String xml(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\n' -> s.append("&#10;");
                default -> { if (c >= 0x20 || c == '\t') s.append(c); }
            }
        }
        return s.toString();
    }
}
