package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** tc0 check: a spec's asserts against its circuit; a depth that grows and a size bound one gate short fail. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CheckCommandTest {
    static final Path TREE_SUM = Path.of("../examples/contrast/tree_sum.tc0");
    static final Path GIN = Path.of("../examples/gin.tc0");

    @TempDir
    Path dir;

    /** A copy of {@code spec} in the temp folder with its asserts replaced by {@code asserts}. */
    Path copyWithAsserts(Path spec, String name, String asserts) throws Exception {
        String text = Files.readString(spec).replaceAll("(?m)^\\s*assert [^\\n]*\\n", "");
        int close = text.lastIndexOf('}');
        Path copy = dir.resolve(name);
        Files.writeString(copy, text.substring(0, close) + asserts + "\n}\n");
        return copy;
    }

    /** The built depth of {@code spec} at each n, by tc0 sweep: the figure check's failures must name. */
    static JsonNode sweep(Path spec, String ns) throws Exception {
        Cli r = Cli.run("sweep", spec.toString(), "--n", ns, "--json");
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(r.out()).get("points");
    }

    static Document xml(Path f) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
    }

    @Test
    void aDepthThatGrowsWithNFailsNamingTheBoundTheDepthAndTheInstance() throws Exception {
        Path spec = copyWithAsserts(TREE_SUM, "tree_sum.tc0", "    assert depth <= 20;");
        Path junit = dir.resolve("tree_sum.xml");
        Cli r = Cli.run("check", spec.toString(), "--n", "4,8,16,32,64", "--junit", junit.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());

        // the failing n and their depths, by an independent run of tc0 sweep
        List<String> expected = new ArrayList<>();
        for (JsonNode p : sweep(spec, "4,8,16,32,64")) {
            if (p.get("depth").asInt() > 20) expected.add("(n=" + p.get("n").asInt() + "): depth " + p.get("depth").asInt() + " (built)");
        }
        assertFalse(expected.isEmpty(), "tree_sum's depth grows like log n, past 20 by n = 64");
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(expected.size(), lines.size(), r.err());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertTrue(line.startsWith("tc0: " + spec + ":"), line);
            assertTrue(line.contains("assert depth <= 20 fails at"), line);
            assertTrue(line.contains(expected.get(i) + " is above the bound 20"), line + " vs " + expected.get(i));
        }
        assertTrue(r.out().contains("5 checks: " + (5 - expected.size()) + " hold, " + expected.size() + " fail"), r.out());

        Document d = xml(junit);
        NodeList cases = d.getElementsByTagName("testcase");
        assertEquals(5, cases.getLength());
        assertEquals(String.valueOf(expected.size()), d.getDocumentElement().getAttribute("failures"));
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            int n = 4 << i;
            assertEquals("assert depth <= 20 at n=" + n, c.getAttribute("name"));
            boolean fails = c.getElementsByTagName("failure").getLength() == 1;
            assertEquals(lines.stream().anyMatch(l -> l.contains("(n=" + n + ")")), fails, "case n=" + n);
        }
    }

    @Test
    void aSizeBoundOneGateShortFailsAndTheExactBoundHolds() throws Exception {
        // the built gates of gin at n = 4, by tc0 stats
        Cli stats = Cli.run("stats", GIN.toString(), "--set", "n=4", "--json");
        assertEquals(0, stats.exitCode(), stats.err());
        long gates = new ObjectMapper().readTree(stats.out()).get("gates").asLong();

        Path exact = copyWithAsserts(GIN, "gin_exact.tc0", "    assert size <= " + gates + ";");
        Cli holds = Cli.run("check", exact.toString(), "--set", "n=4");
        assertEquals(0, holds.exitCode(), holds.out() + holds.err());
        assertTrue(holds.out().contains("1 checks: 1 hold, 0 fail"), holds.out());

        Path tight = copyWithAsserts(GIN, "gin_tight.tc0", "    assert depth <= 1000;\n    assert size <= " + (gates - 1) + ";");
        Path junit = dir.resolve("gin.xml");
        Cli fails = Cli.run("check", tight.toString(), "--set", "n=4", "--junit", junit.toString());
        assertEquals(1, fails.exitCode(), fails.out() + fails.err());
        assertEquals("tc0: " + tight + ":" + lineOf(tight, "assert size") + ": assert size <= " + (gates - 1)
                + " fails at " + tight + " (n=4, d=4, layers=2): size " + String.format("%,d", gates) + " (built) is above the bound "
                + String.format("%,d", gates - 1) + ", by 1", fails.err().strip());

        Document d = xml(junit);
        NodeList cases = d.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        Element depth = (Element) cases.item(0), size = (Element) cases.item(1);
        assertEquals("assert depth <= 1000 at n=4", depth.getAttribute("name"));
        assertEquals(0, depth.getElementsByTagName("failure").getLength());
        assertEquals("assert size <= " + (gates - 1) + " at n=4", size.getAttribute("name"));
        assertEquals(1, size.getElementsByTagName("failure").getLength());
        assertTrue(((Element) size.getElementsByTagName("failure").item(0)).getAttribute("message").contains("size " + String.format("%,d", gates) + " (built)"));
    }

    /** "12:5": the line and column of the first line of {@code f} holding {@code text}, at its first non-blank character. */
    static String lineOf(Path f, String text) throws Exception {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) return (i + 1) + ":" + (lines.get(i).indexOf(text) + 1);
        }
        throw new AssertionError(text + " not in " + f);
    }

    @Test
    void countedFiguresAreComparedWhereNothingIsBuiltAndJsonSaysWhich() throws Exception {
        Cli r = Cli.run("check", GIN.toString(), "--n", "4,64", "--count-only", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("holds").asBoolean());
        JsonNode checks = j.get("checks");
        assertEquals(4, checks.size(), "gin's two asserts at two n");
        for (JsonNode c : checks) {
            assertEquals("counted", c.get("mode").asText());
            assertEquals(c.get("boundValue").bigIntegerValue().subtract(c.get("measured").bigIntegerValue()), c.get("slack").bigIntegerValue());
        }
    }

    /** The eleven examples, each built at its default parameters: every assert holds, none by more than 1.5x (a loose bound catches nothing). */
    @Test
    void everyExampleHoldsItsAssertsAtItsDefaultParametersWithLittleSlack() throws Exception {
        List<Path> examples;
        try (var s = Files.list(Path.of("../examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".tc0")).sorted().toList();
        }
        assertEquals(11, examples.size(), examples.toString());
        for (Path spec : examples) {
            Cli r = Cli.run("check", spec.toString(), "--json");
            assertEquals(0, r.exitCode(), spec + ": " + r.err());
            JsonNode checks = new ObjectMapper().readTree(r.out()).get("checks");
            assertTrue(checks.size() >= 2, spec + " asserts depth and size");
            for (JsonNode c : checks) {
                assertEquals("built", c.get("mode").asText(), spec + ": " + c);
                double ratio = c.get("boundValue").asDouble() / c.get("measured").asDouble();
                assertTrue(ratio >= 1 && ratio <= 1.5, spec + ": bound / measured = " + ratio + " in " + c);
            }
        }
    }

    @Test
    void badInputIsOneLineAndExit2() throws Exception {
        Path none = copyWithAsserts(TREE_SUM, "none.tc0", "");
        Path noN = dir.resolve("no_n.tc0");
        Files.writeString(noN, Files.readString(TREE_SUM).replaceAll("\\bn\\b", "k"));
        for (String[] args : List.of(
                new String[] {"check", none.toString()},
                new String[] {"check", TREE_SUM.toString(), "--set", "n=4", "--n", "4,8"},
                new String[] {"check", TREE_SUM.toString(), "--n", "4,x"},
                new String[] {"check", TREE_SUM.toString(), "--n", "0"},
                new String[] {"check", noN.toString(), "--n", "4,8"},
                new String[] {"check", dir.resolve("missing.tc0").toString()})) {
            Cli r = Cli.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.saysOneLineError(), r.err());
        }
        assertTrue(Cli.run("check", none.toString()).err().contains("no assert to check"));
        assertTrue(Cli.run("check", noN.toString(), "--n", "4,8").err().contains("--n 4,8: model tree_sum has no parameter n; it has k"));
    }
}
