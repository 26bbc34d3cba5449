package tc0.cli;

import static tc0.proofs.check.LemmaReport.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tc0.proofs.structural.SeriesPlot;

/** {@code tc0 check}'s results as a text table, Markdown, JUnit XML (one test case per assert and instance) and JSON-ready maps. */
final class CheckReport {
    private CheckReport() {}

    /** The asserts, numbered: the table names them by number, since a bound can be long. */
    static List<String> legend(List<AssertResult> firstInstance) {
        return firstInstance.stream().map(r -> String.format("  [%d] %s  %s", r.index(), r.where(), r.assertion())).toList();
    }

    static final String HEADER = String.format("%-6s %-10s %-8s %26s %26s %26s %7s  %s",
            "assert", "instance", "mode", "measured", "bound", "slack", "ratio", "verdict");

    static String row(AssertResult r) {
        return String.format("%-6s %-10s %-8s %,26d %,26d %,26d %7s  %s", "[" + r.index() + "]", params(r), r.mode(),
                r.measured(), r.bound(), r.slack(), r.ratio(), verdict(r));
    }

    /** "6 checks: 6 hold, 0 fail" */
    static String summary(List<AssertResult> results) {
        long fails = results.stream().filter(r -> !r.holds()).count();
        return String.format("%d checks: %d hold, %d fail", results.size(), results.size() - fails, fails);
    }

    static String markdown(String spec, List<AssertResult> results) {
        return markdown(spec, results, Map.of());
    }

    /** The table, then a "Sweeps" section linking each assert's plot ({@code plots}: assert number to file, relative to the report). */
    static String markdown(String spec, List<AssertResult> results, Map<Integer, String> plots) {
        StringBuilder s = new StringBuilder(table(spec, results));
        if (plots.isEmpty()) return s.toString();
        s.append("\n## Sweeps\n\n");
        for (var e : new java.util.TreeMap<>(plots).entrySet()) {
            AssertResult first = results.stream().filter(r -> r.index() == e.getKey()).findFirst().orElseThrow();
            s.append("### [").append(e.getKey()).append("] `").append(first.assertion()).append("`\n\n![")
                    .append(SeriesPlot.description(sweep(results, e.getKey())).replace("]", ")")).append("](")
                    .append(e.getValue().replace(" ", "%20")).append(")\n\n");
        }
        return s.toString();
    }

    /**
     * Per assert swept over two n or more: its plot (measured and bound against n), keyed by the assert's number.
     * The file is named after the report: check.md's assert 2 is check-2.svg beside it.
     */
    static Map<Integer, Plot> plots(String reportName, List<AssertResult> results) {
        String stem = reportName.endsWith(".md") ? reportName.substring(0, reportName.length() - 3) : reportName;
        Map<Integer, Plot> plots = new java.util.TreeMap<>();
        for (int index : results.stream().map(AssertResult::index).distinct().toList()) {
            List<SeriesPlot.Series> sweep = sweep(results, index);
            if (sweep.getFirst().n().size() < 2) continue;
            AssertResult first = results.stream().filter(r -> r.index() == index).findFirst().orElseThrow();
            boolean depth = first.metric().text().equals("depth");
            plots.put(index, new Plot(stem + "-" + index + ".svg", SeriesPlot.svg("[" + index + "] " + first.assertion(),
                    depth ? "depth" : first.metric().text() + " (log scale)", !depth, sweep)));
        }
        return plots;
    }

    /** A plot's file name (beside the report) and its SVG. */
    record Plot(String file, byte[] svg) {}

    /** Assert {@code index}'s measured figure and bound at each n swept (instances without n are left out). */
    static List<SeriesPlot.Series> sweep(List<AssertResult> results, int index) {
        List<AssertResult> rows = results.stream().filter(r -> r.index() == index && r.parameters().get("n") != null).toList();
        List<Long> ns = rows.stream().map(r -> r.parameters().get("n")).toList();
        return List.of(new SeriesPlot.Series("measured", ns, rows.stream().map(AssertResult::measured).toList()),
                new SeriesPlot.Series("bound", ns, rows.stream().map(AssertResult::bound).toList()));
    }

    private static String table(String spec, List<AssertResult> results) {
        StringBuilder s = new StringBuilder("# tc0 check " + spec + "\n\n").append(summary(results)).append(".\n\n");
        s.append("| where | assert | instance | mode | measured | bound | slack | bound / measured | verdict |\n");
        s.append("|---|---|---|---|---:|---:|---:|---:|---|\n");
        for (AssertResult r : results) {
            s.append(String.format("| %s | `%s` | %s | %s | %,d | %,d | %,d | %s | %s |%n", r.where(), r.assertion(), params(r), r.mode(),
                    r.measured(), r.bound(), r.slack(), r.ratio(), r.holds() ? "holds" : "**fails**"));
        }
        return s.toString();
    }

    /** JUnit XML: one suite for the spec, one test case per assert and instance; a failing one carries its {@link AssertResult#failure} line. */
    static String junit(String spec, List<AssertResult> results, double seconds) {
        long fails = results.stream().filter(r -> !r.holds()).count();
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\" time=\"%.3f\">%n",
                xml("tc0 check " + spec), results.size(), fails, seconds));
        for (AssertResult r : results) {
            s.append(String.format("  <testcase classname=\"%s\" name=\"%s\">%n", xml(r.where()), xml(r.assertion() + " at " + params(r))));
            if (!r.holds()) s.append(String.format("    <failure message=\"%s\"/>%n", xml(r.failure())));
            s.append(String.format("    <system-out>%s</system-out>%n", xml(String.format("%s: %s %,d (%s), bound %,d, slack %,d",
                    r.instance(), r.metric().text(), r.measured(), r.mode(), r.bound(), r.slack()))));
            s.append("  </testcase>\n");
        }
        return s.append("</testsuite>\n").toString();
    }

    static List<Map<String, Object>> json(List<AssertResult> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AssertResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("where", r.where());
            m.put("metric", r.metric().text());
            m.put("bound", r.boundText());
            m.put("parameters", new LinkedHashMap<>(r.parameters()));
            m.put("mode", r.mode());
            m.put("measured", r.measured());
            m.put("boundValue", r.bound());
            m.put("slack", r.slack());
            m.put("holds", r.holds());
            out.add(m);
        }
        return out;
    }

    /** "n=8": the parameters --n varies; every value where none is named n. */
    private static String params(AssertResult r) {
        Long n = r.parameters().get("n");
        return n != null ? "n=" + n : r.instance();
    }

    private static String verdict(AssertResult r) {
        return r.holds() ? "holds" : "FAILS";
    }
}
