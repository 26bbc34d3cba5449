package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tc0.circuits.Circuit;
import tc0.circuits.analysis.RegionBreakdown;
import tc0.circuits.analysis.RegionStats;
import tc0.circuits.io.CircuitFiles;

/**
 * The HTML viewer of softmax_transformer at n = 4 (478 thousand gates) in headless chromium: what a person
 * sees and clicks, checked against the compiled circuit itself (its regions, its weights), not against the
 * page's own data. Screenshots go to target/viewer/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ViewerBrowserTest {
    static final Path OUT = Path.of("target/viewer");

    private HeadlessChromium browser;
    private Circuit circuit;
    private RegionBreakdown regions;
    private Path page;

    @BeforeAll
    void exportAndOpenBrowser() throws Exception {
        if (!HeadlessChromium.installed()) return; // each test says so
        browser = HeadlessChromium.start();
        Files.createDirectories(OUT);
        Path compiled = OUT.resolve("transformer4.tc0c");
        page = OUT.resolve("transformer4.html").toAbsolutePath();
        Cli c = Cli.run("compile", repositoryFile("examples/softmax_transformer.tc0").toString(), "--set", "n=4", "-o", compiled.toString());
        assertEquals(0, c.exitCode(), c.err());
        Cli e = Cli.run("export", compiled.toString(), "-o", page.toString());
        assertEquals(0, e.exitCode(), e.err());
        circuit = CircuitFiles.read(compiled);
        regions = RegionBreakdown.of(circuit);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void needsChromium() {
        HeadlessChromium.assumeInstalled();
    }

    /** Opens the page afresh and waits until its gate data is inflated. */
    private void load() {
        browser.driver.get(page.toUri().toString());
        browser.await("the viewer to be ready", 60, () -> "true".equals(browser.js("return document.body.dataset.ready")));
    }

    private WebElement row(String path) {
        return browser.find(".row[data-path=\"" + path.replace("\"", "\\\"") + "\"]");
    }

    @Test
    void opensWithTheTopRegionsAndMakesNoRequest() throws Exception {
        browser.requestedUrls(); // forget what came before
        load();
        List<RegionStats> top = regions.root().children();
        assertTrue(top.size() >= 2, "the transformer has several top regions");
        for (RegionStats r : top) {
            WebElement row = row(r.path());
            assertTrue(row.isDisplayed(), r.path());
            assertTrue(row.getText().contains(String.format(Locale.ROOT, "%,d g", r.gates())), row.getText() + " shows " + r.gates() + " gates");
        }
        browser.screenshot(OUT.resolve("transformer4-open.png"));

        List<String> urls = browser.requestedUrls();
        assertEquals(List.of(page.toUri().toString()), urls.stream().distinct().toList(), "the page is the only request");
        assertEquals(0L, browser.js("return performance.getEntriesByType('resource').length"), "no resource loaded");
        assertEquals(List.of(), browser.js("return window.tc0violations"), "nothing tried and refused by the page's policy");
        String policy = (String) browser.js("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content");
        assertTrue(policy.contains("default-src 'none'"), policy);
    }

    @Test
    void aClickOnARegionOpensIt() throws Exception {
        load();
        RegionStats layer = regions.root().children().stream().filter(r -> !r.children().isEmpty()).findFirst().orElseThrow();
        assertTrue(browser.all(".row[data-path^=\"" + layer.path() + "/\"]").isEmpty(), "closed at first");
        row(layer.path()).findElement(org.openqa.selenium.By.cssSelector(".name")).click();
        for (RegionStats child : layer.children()) assertTrue(row(child.path()).isDisplayed(), child.path() + " shown once opened");
        assertTrue(browser.find("#details").getText().contains(String.format(Locale.ROOT, "%,d", layer.wires())), "its figures beside");
        browser.screenshot(OUT.resolve("transformer4-opened.png"));
        row(layer.path()).findElement(org.openqa.selenium.By.cssSelector(".name")).click();
        assertTrue(browser.all(".row[data-path^=\"" + layer.path() + "/\"]").isEmpty(), "closed again by a second click");
    }

    @Test
    void aClickOnAGateShowsItsWeights() throws Exception {
        load();
        int node = gateWithMixedSigns();
        int g = node - circuit.firstGate();
        browser.js("window.tc0viewer.revealGate(arguments[0])", node);
        browser.find("circle.gate[data-node=\"" + node + "\"]").click();
        assertTrue(browser.find("#detail-title").getText().contains("g" + node));
        String figures = browser.find("#gate-figures").getText();
        assertTrue(figures.contains("≥ " + circuit.threshold(g)), figures);
        assertTrue(figures.contains(circuit.regions().path(circuit.region(g))), figures);
        List<WebElement> weights = browser.all("#gate-weights tr.weight");
        assertEquals(Math.min(500, circuit.fanin(g)), weights.size(), "one line per wire");
        for (int k = 0; k < weights.size(); k++) {
            int e = circuit.faninStart(g) + k;
            List<WebElement> cells = weights.get(k).findElements(org.openqa.selenium.By.tagName("td"));
            assertEquals(label(circuit.faninNode(e)), cells.get(0).getText());
            assertEquals(Long.toString(circuit.weight(e)), cells.get(2).getText(), "wire " + k + " of g" + node);
        }
        browser.screenshot(OUT.resolve("transformer4-gate.png"));
    }

    /** A gate deep in the circuit whose weights have both signs and that reads gates and inputs alike. */
    private int gateWithMixedSigns() {
        for (int g = circuit.gateCount() / 2; g < circuit.gateCount(); g++) {
            boolean negative = false, positive = false;
            for (int e = circuit.faninStart(g); e < circuit.faninEnd(g); e++) {
                negative |= circuit.weight(e) < 0;
                positive |= circuit.weight(e) > 0;
            }
            if (negative && positive && circuit.fanin(g) >= 3 && circuit.region(g) != 0) return circuit.firstGate() + g;
        }
        throw new AssertionError("no gate with weights of both signs");
    }

    @Test
    void theSearchBoxFindsRegionsByName() throws Exception {
        load();
        String name = regions.preorder().get(regions.preorder().size() - 1).name();
        String query = name.substring(0, Math.min(4, name.length())).toUpperCase(Locale.ROOT);
        List<String> expected = regions.preorder().stream().map(RegionStats::path)
                .filter(p -> !p.isEmpty() && p.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT))).limit(100).toList();
        assertTrue(!expected.isEmpty());
        browser.find("#search").sendKeys(query);
        List<String> shown = browser.all("#results li.result").stream().map(li -> li.getAttribute("data-path")).toList();
        assertEquals(expected, shown, "every region whose path holds '" + query + "', in tree order");
        browser.find("#search").sendKeys(Keys.ENTER);
        WebElement found = browser.find(".row.found");
        assertEquals(expected.get(0), found.getAttribute("data-path"));
        assertTrue(found.isDisplayed());
        browser.screenshot(OUT.resolve("transformer4-search.png"));
    }

    /** A gate drawing zooms (its button, about the middle) and pans (a drag), its gates stay clickable, and 1:1 resets it. */
    @Test
    void aGateDrawingZoomsAndPans() throws Exception {
        load();
        int node = gateWithMixedSigns();
        browser.js("window.tc0viewer.revealGate(arguments[0])", node);
        WebElement gate = browser.find("circle.gate[data-node=\"" + node + "\"]");
        WebElement block = gate.findElement(org.openqa.selenium.By.xpath("ancestor::div[contains(@class,'block')]"));
        WebElement drawing = block.findElement(org.openqa.selenium.By.cssSelector("g.zoom"));
        assertEquals(null, drawing.getAttribute("transform"), "drawn 1:1 at first");
        String ticks = block.findElement(org.openqa.selenium.By.cssSelector("g.axis")).getAttribute("innerHTML");
        int before = centre(gate.getRect());

        block.findElement(org.openqa.selenium.By.cssSelector("button.zoom-in")).click();
        double[] zoomed = transform(drawing);
        assertEquals(2.0, zoomed[2], 1e-9, "one click doubles the scale");
        assertTrue(!ticks.equals(block.findElement(org.openqa.selenium.By.cssSelector("g.axis")).getAttribute("innerHTML")), "the level axis follows the zoom");

        // drag the gate back to where it was drawn 1:1 (zoomed about the middle, it may have left the box)
        WebElement svg = block.findElement(org.openqa.selenium.By.cssSelector(".chart svg"));
        var box = svg.getRect();
        int dx = before - centre(browser.find("circle.gate[data-node=\"" + node + "\"]").getRect());
        new org.openqa.selenium.interactions.Actions(browser.driver).moveToElement(svg, 0, box.getHeight() / 2 - 8).clickAndHold()
                .moveByOffset(dx / 2, 0).moveByOffset(dx - dx / 2, 0).release().perform();
        double[] panned = transform(drawing);
        assertEquals(2.0, panned[2], 1e-9, "a drag keeps the scale");
        assertEquals(zoomed[0] + dx, panned[0], 2.0, "the drawing follows the drag");
        browser.find("circle.gate[data-node=\"" + node + "\"]").click();
        assertTrue(browser.find("#detail-title").getText().contains("g" + node), "a gate is still a click away once zoomed");
        browser.screenshot(OUT.resolve("transformer4-zoomed.png"));

        block.findElement(org.openqa.selenium.By.cssSelector("button.zoom-reset")).click();
        assertEquals(List.of(0.0, 0.0, 1.0), java.util.Arrays.stream(transform(drawing)).boxed().toList(), "1:1 again");
    }

    private static int centre(org.openqa.selenium.Rectangle r) {
        return r.getX() + r.getWidth() / 2;
    }

    /** x, y and scale of a d3 zoom transform attribute, "translate(x,y) scale(k)". */
    private static double[] transform(WebElement g) {
        String t = g.getAttribute("transform");
        assertTrue(t != null, "no transform on the drawing: zoom or pan did not move it");
        var m = java.util.regex.Pattern.compile("translate\\(([-0-9.e]+),\\s*([-0-9.e]+)\\) scale\\(([-0-9.e]+)\\)").matcher(t);
        assertTrue(m.find(), t);
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
    }

    /** What the viewer calls a fan-in node: the constant, an input's bus bit, or g<node>. */
    private String label(int node) {
        if (node == 0) return "0 (constant)";
        if (circuit.isGate(node)) return "g" + node;
        int k = node - 1;
        var bus = circuit.inputBuses().stream().filter(b -> k >= b.offset() && k < b.offset() + b.width()).findFirst().orElseThrow();
        return bus.name() + "[" + (k - bus.offset()) + "]";
    }

    /** A file of the repository, found by walking up from the module's folder. */
    static Path repositoryFile(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(relative))) return p.resolve(relative);
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
