package tc0.cli;

import static tc0.proofs.check.LemmaReport.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
