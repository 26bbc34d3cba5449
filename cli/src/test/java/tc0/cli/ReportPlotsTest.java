package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code tc0 check --markdown}: each assert swept over n is an SVG beside the report, linked from it, holding the
 * figures the JSON report gives (measured and bound at each n). {@code tc0 lemmas --markdown}'s plots are checked
 * in {@link LemmasCommandTest}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReportPlotsTest {
    @Test
    void eachAssertsSweepIsAnSvgBesideTheReportWithTheFiguresOfTheJsonReport(@TempDir Path dir) throws Exception {
        String spec = "../examples/blocks/hadamard.tc0";
        Path md = dir.resolve("check.md");
        Cli r = Cli.run("check", spec, "--n", "2,4,8", "--count-only", "--markdown", md.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.out() + r.err());
        Cli json = Cli.run("check", spec, "--n", "2,4,8", "--count-only", "--json");
        assertEquals(ExitCodes.OK, json.exitCode(), json.err());
        JsonNode checks = new ObjectMapper().readTree(json.out()).get("checks");

        String report = Files.readString(md);
        for (int index = 1; index <= 2; index++) { // hadamard's two asserts: depth, size
            String file = "check-" + index + ".svg";
            assertTrue(report.contains("](" + file + ")"), report);
            Document svg = svg(dir.resolve(file));
            assertEquals("svg", svg.getDocumentElement().getTagName());
            assertEquals(2 * 3 + 2, svg.getElementsByTagName("ellipse").getLength()); // 3 n, 2 series, 2 legend markers
            String where = "hadamard.tc0:" + (13 + index) + ":5";
            List<String> measured = new ArrayList<>(), bound = new ArrayList<>();
            for (JsonNode c : checks) {
                if (!c.get("where").asText().endsWith(where)) continue;
                String n = "n=" + c.get("parameters").get("n").asText() + " ";
                measured.add(n + c.get("measured").asText());
                bound.add(n + c.get("boundValue").asText());
            }
            assertEquals(3, measured.size(), json.out());
            String desc = svg.getElementsByTagName("desc").item(0).getTextContent();
            assertTrue(desc.endsWith("measured: " + String.join(", ", measured) + "; bound: " + String.join(", ", bound)), desc);
        }
    }

    @Test
    void aSingleInstanceHasNoPlot(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("one.md");
        Cli r = Cli.run("check", "../examples/blocks/hadamard.tc0", "--n", "4", "--count-only", "--markdown", md.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.out() + r.err());
        assertTrue(!Files.readString(md).contains("## Sweeps"), Files.readString(md));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(md), files.toList());
        }
    }

    static Document svg(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
