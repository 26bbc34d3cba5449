package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import tc0.circuits.analysis.CircuitStats;
import tc0.proofs.structural.SweepCsv;

/** tc0 sweep in built mode: rows as n progresses, the growth summary, CSV, SVG, PNG and JSON. */
class SweepCommandTest {
    static final String GIN = "../examples/gin.tc0";
    static final String TREE_SUM = "../examples/contrast/tree_sum.tc0";

    @TempDir
    Path dir;

    @Test
    void builtSweepOfGinWritesTheCsvAndSvgOfTheCircuitsItBuilds() throws Exception {
        Path csv = dir.resolve("out/gin.csv"), svg = dir.resolve("out/gin.svg");
        Cli r = Cli.run("sweep", GIN, "--n", "8,4", "--csv", csv.toString(), "--plot", svg.toString());
        assertEquals(0, r.exitCode(), r.err());

        List<String> rows = Files.readAllLines(csv);
        assertEquals(SweepCsv.HEADER, rows.getFirst());
        assertEquals(3, rows.size(), rows.toString());
        for (int i = 0; i < 2; i++) {
            long n = 4L << i;   // the values of n sorted
            CircuitStats s = CircuitStats.of(SpecCompiler.compile(Path.of(GIN), Map.of("n", n), SizeGuard.of(null, "")).circuit());
            assertEquals(n + "," + s.depth() + "," + s.gates() + "," + s.wires() + "," + s.width(), rows.get(i + 1));
            // the table printed the same point as it went
            assertTrue(r.out().lines().anyMatch(l -> l.matches(String.format("\\s+%d\\s+%d\\s+%,d\\s+%,d\\s+%,d\\s+[0-9.]+", n, s.depth(), s.gates(), s.wires(), s.width()))), r.out());
        }
        assertTrue(r.out().contains("size: gates grow like n^"), r.out());
        assertTrue(r.out().contains("depth: constant in n"), r.out());

        Document d = xml(Files.readAllBytes(svg));
        assertEquals("svg", d.getDocumentElement().getTagName());
        assertTrue(d.getElementsByTagName("path").getLength() > 10, "the series and axes are drawn");
        assertTrue(Files.list(csv.getParent()).noneMatch(p -> p.getFileName().toString().contains(".tc0-partial-")), "no partial file left");
    }

    @Test
    void jsonHasThePointsTheDegreeAndTheConstantDepthFlagAndThePngIsAPng() throws Exception {
        Path png = dir.resolve("gin.png");
        Cli r = Cli.run("sweep", GIN, "--n", "2,4", "--json", "--plot", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());   // stdout is the one object; the rows went to stderr
        assertEquals("gin", j.get("model").asText());
        assertEquals("built", j.get("mode").asText());
        assertEquals(2, j.get("points").size());
        JsonNode a = j.get("points").get(0), b = j.get("points").get(1);
        assertEquals(2, a.get("n").asInt());
        assertEquals(4, b.get("n").asInt());
        double degree = Math.log((double) b.get("gates").asLong() / a.get("gates").asLong()) / Math.log(2);
        assertEquals(degree, j.get("gatesDegree").asDouble(), 1e-9, "two points: the slope between them");
        assertEquals(a.get("depth").asLong() == b.get("depth").asLong(), j.get("depthConstant").asBoolean());
        assertTrue(r.err().contains("gates"), "the table went to standard error: " + r.err());

        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, java.util.Arrays.copyOf(bytes, 8));
    }

    @Test
    void theLogDepthContrastShowsDepthGrowing() throws Exception {
        Cli r = Cli.run("sweep", TREE_SUM, "--n", "4,8,16,32", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertFalse(j.get("depthConstant").asBoolean());
        JsonNode p = j.get("points");
        for (int i = 1; i < p.size(); i++) assertTrue(p.get(i).get("depth").asLong() > p.get(i - 1).get("depth").asLong(), p.toString());
        // a log-depth sum of n terms: size about linear in n
        assertTrue(Math.abs(j.get("gatesDegree").asDouble() - 1) < 0.25, j.toString());

        assertTrue(j.get("depthPerDoubling").asDouble() > 1, j.toString());

        Cli text = Cli.run("sweep", TREE_SUM, "--n", "4,8");
        assertTrue(text.out().contains("depth: NOT constant: grows by about"), text.out());
        assertTrue(text.out().contains("per doubling of n"), text.out());
    }

    @Test
    void otherParametersComeFromSetAndTheSpecsOwnNIsRefused() throws Exception {
        Cli r = Cli.run("sweep", GIN, "--n", "2,4", "--set", "layers=1", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, new ObjectMapper().readTree(r.out()).get("set").get("layers").asInt());
        Cli n = Cli.run("sweep", GIN, "--n", "2,4", "--set", "n=8");
        assertEquals(2, n.exitCode());
        assertTrue(n.err().contains("give the values of n with --n"), n.err());
    }

    @Test
    void theRoundsOptionReachesTheLowering() throws Exception {
        JsonNode one = new ObjectMapper().readTree(Cli.run("sweep", GIN, "--n", "2,4", "--rounds", "1", "--json").out());
        JsonNode two = new ObjectMapper().readTree(Cli.run("sweep", GIN, "--n", "2,4", "--json").out());
        assertEquals(1, one.get("rounds").asInt());
        assertEquals(2, two.get("rounds").asInt());
        // fewer compression rounds: shallower sums (wider final adders)
        assertTrue(one.get("points").get(0).get("depth").asLong() < two.get("points").get(0).get("depth").asLong(), one + "\n" + two);
        Cli zero = Cli.run("sweep", GIN, "--n", "2,4", "--rounds", "0");
        assertEquals(2, zero.exitCode());
        assertTrue(zero.err().contains("--rounds must be at least 1"), zero.err());
    }

    @Test
    void badValuesOfNAreOneLineAndExitTwo() {
        for (String[] c : new String[][] {
            {"", "--n is empty"},
            {"2,four", "not a list of whole numbers"},
            {"8", "one value"},
            {"2,4,2", "2 appears twice"},
            {"0,4", "n must be at least 1"},
        }) {
            Cli r = Cli.run("sweep", TREE_SUM, "--n", c[0]);
            assertEquals(2, r.exitCode(), c[0]);
            assertTrue(r.saysOneLineError(), r.err());
            assertTrue(r.err().contains(c[1]), c[0] + ": " + r.err());
        }
    }

    @Test
    void anUnknownPlotFormatIsRefusedBeforeAnyWork() {
        Path pdf = dir.resolve("gin.pdf");
        Cli r = Cli.run("sweep", GIN, "--n", "2,4", "--plot", pdf.toString(), "--csv", dir.resolve("g.csv").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("ending in .svg or .png"), r.err());
        assertEquals("", r.out(), "no row: refused before building");
        assertFalse(Files.exists(pdf));
        assertFalse(Files.exists(dir.resolve("g.csv")));
    }

    @Test
    void anUnwritableCsvIsRefusedBeforeAnyWork() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Cli r = Cli.run("sweep", GIN, "--n", "2,4", "--csv", file.resolve("g.csv").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.saysOneLineError(), r.err());
        assertTrue(r.err().contains("cannot write"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void helpTeachesWithExamples() {
        Cli r = Cli.run("sweep", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("tc0 sweep examples/gin.tc0 --n 2,4,8 --csv gin.csv --plot gin.svg"), r.out());
        assertTrue(r.out().contains("--count-only"), r.out());
        assertTrue(r.out().contains("--max-gates"), r.out());
    }

    /** Parses XML without fetching the DTD the SVG names. */
    static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
