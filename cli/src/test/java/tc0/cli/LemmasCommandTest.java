package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code tc0 lemmas}: the table, the exit code, the JUnit XML read back, and bad options refused in one line. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LemmasCommandTest {
    @Test
    void aDepthAboveItsFormulaPassesAsAFindingUnlessStrictDepth(@TempDir Path dir) throws Exception {
        // Lemma 4.3: d_std + 2 d_sum, beside tc0's scan (its region of the model, or blocks/selective_scan while the model has
        // none): the scan's exp of sums, products and sum are deeper than the formula at tc0's d_std and d_sum
        Path xml = dir.resolve("lemmas.xml");
        Path md = dir.resolve("lemmas.md");
        Cli r = Cli.run("lemmas", "--root", "..", "--paper", "2412.06148", "--lemma", "Lemma 4.3", "--junit", xml.toString(),
                "--markdown", md.toString(), "--samples", "4");
        assertEquals(ExitCodes.OK, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("Lemma 4.3                    DEPTH     ABOVE "), r.out());
        assertTrue(r.out().matches("(?s).*ABOVE at n=\\d+: \\S+'s depth \\d+ is above the formula d_std \\+ 2 d_sum = \\d+ by \\d+ levels? "
                + "\\(\\d+\\.\\d\\d times\\), with d_std = \\d+, d_sum = \\d+.*"), r.out());
        assertTrue(r.out().contains(", 1 above (tc0 deeper than the paper's formula), 0 fail, "), r.out());
        Element depth = depthCase(junitCases(xml, "2412.06148.Lemma 4.3"));
        assertEquals(0, depth.getElementsByTagName("failure").getLength());
        assertTrue(depth.getElementsByTagName("system-out").item(0).getTextContent().startsWith("ABOVE at n="), depth.getTextContent());
        assertTrue(Files.readString(md).contains("| 2412.06148 | Lemma 4.3 | DEPTH | ABOVE |"), Files.readString(md));
        // the STRUCT sweep as an SVG beside the report, linked from it, with the gates the table prints
        String svgName = "lemmas-01-lemma-4-3-struct.svg";
        assertTrue(Files.readString(md).contains("](" + svgName + ")"), Files.readString(md));
        Document svg = ReportPlotsTest.svg(dir.resolve(svgName));
        String desc = svg.getElementsByTagName("desc").item(0).getTextContent();
        java.util.regex.Matcher gates = java.util.regex.Pattern.compile("\\n    gates ([0-9, ]+)\\n").matcher(r.out());
        assertTrue(gates.find(), r.out());
        List<String> counted = List.of(gates.group(1).split(", "));
        java.util.regex.Matcher plotted = java.util.regex.Pattern.compile("gates: ((n=\\d+ \\d+(, )?)+);").matcher(desc);
        assertTrue(plotted.find(), desc);
        assertEquals(counted.stream().map(g -> g.replace(",", "")).toList(),
                java.util.Arrays.stream(plotted.group(1).split(", ")).map(p -> p.substring(p.indexOf(' ') + 1)).toList(), desc);
        assertEquals(3 * counted.size() + 3, svg.getElementsByTagName("ellipse").getLength()); // gates, wires, depth; legend

        Path strictXml = dir.resolve("strict.xml");
        Cli strict = Cli.run("lemmas", "--root", "..", "--paper", "2412.06148", "--lemma", "Lemma 4.3", "--junit", strictXml.toString(),
                "--samples", "4", "--strict-depth");
        assertEquals(ExitCodes.CHECK_FAILED, strict.exitCode(), strict.out() + strict.err());
        Element failed = depthCase(junitCases(strictXml, "2412.06148.Lemma 4.3"));
        String message = ((Element) failed.getElementsByTagName("failure").item(0)).getAttribute("message");
        assertTrue(message.contains("is above the formula d_std + 2 d_sum") && message.endsWith("(--strict-depth)"), message);
    }

    @Test
    void thm45IsCheckedOnItsRegionOfTheModelAndItsFindingIsReported() throws Exception {
        Cli r = Cli.run("lemmas", "--root", "..", "--paper", "2412.06148", "--lemma", "Thm 4.5", "--samples", "4");
        assertEquals(ExitCodes.OK, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("finding 1 about the paper"), r.out());
        assertTrue(r.out().contains("    depth of the region mamba_block of examples/mamba.tc0 (layers=1, built"), r.out());
        // the whole model at n = 4 (2.4 M gates, past the sweep's build limit) is built for FUNC and equals its reference
        assertTrue(r.out().lines().anyMatch(l -> l.matches("2412\\.06148\\s+Thm 4\\.5\\s+FUNC\\s+HOLDS\\s+examples/mamba\\.tc0\\s+n = 4: .*")), r.out());
    }

    /** The suite's test cases, each checked to belong to the claim; their count is the suite's "tests", failures its "failures". */
    private static List<Element> junitCases(Path xml, String claim) throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = d.getDocumentElement();
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(Integer.parseInt(suite.getAttribute("tests")), cases.getLength());
        List<Element> out = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertEquals(claim, c.getAttribute("classname"));
            failures += c.getElementsByTagName("failure").getLength();
            out.add(c);
        }
        assertEquals(Integer.parseInt(suite.getAttribute("failures")), failures);
        return out;
    }

    private static Element depthCase(List<Element> cases) {
        return cases.stream().filter(c -> c.getAttribute("name").startsWith("DEPTH on ")).findFirst().orElseThrow();
    }

    @Test
    void aLemmaThatHoldsExitsZeroAndItsFuncErrorIsVerifysOnTheSameInputs() {
        Cli r = Cli.run("lemmas", "--root", "..", "--paper", "2412.06148", "--lemma", "Lemma B.1", "--samples", "6");
        assertEquals(ExitCodes.OK, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("Lemma B.1                    STRUCT    HOLDS"), r.out());
        // FUNC runs B.1's block at its smallest n (2) on the edge inputs and 6 random ones from seed 1: tc0 verify's inputs
        Cli v = Cli.run("verify", "../examples/blocks/hadamard.tc0", "--set", "n=2", "--samples", "6", "--seed", "1");
        assertEquals(ExitCodes.OK, v.exitCode(), v.out() + v.err());
        List<String> errors = v.out().lines().filter(l -> l.startsWith("  error against float64")).toList();
        assertEquals(1, errors.size(), v.out());
        assertTrue(r.out().contains("\n    " + errors.getFirst().strip() + "\n"), errors.getFirst() + " not in\n" + r.out());
    }

    @Test
    void anUnknownPaperOrLemmaIsOneLine() {
        Cli r = Cli.run("lemmas", "--root", "..", "--paper", "9999.99999");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.saysOneLineError() && r.err().contains("no such paper in the catalog"), r.err());
        Cli l = Cli.run("lemmas", "--root", "..", "--lemma", "Lemma Z.9");
        assertEquals(ExitCodes.BAD_INPUT, l.exitCode());
        assertTrue(l.saysOneLineError() && l.err().contains("no claim has that id"), l.err());
    }
}
