package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import tc0.circuits.Circuit;
import tc0.circuits.analysis.RegionBreakdown;
import tc0.circuits.analysis.RegionStats;
import tc0.circuits.io.CircuitFiles;

/**
 * The viewer of a circuit of about a million gates (softmax_transformer, n = 4, four layers: 924 thousand
 * gates, 13 million wires) opens and answers clicks within seconds, measured in headless chromium (about 15 s
 * in all, most of it compiling). Figures in docs/PERFORMANCE.md.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class ViewerMillionGatesTest {
    static final double OPEN_SECONDS = 15, CLICK_SECONDS = 3;

    @Test
    void aMillionGatesOpenAndAnswerClicksInSeconds() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            Path out = Files.createDirectories(ViewerBrowserTest.OUT);
            Path compiled = out.resolve("transformer4x4.tc0c"), page = out.resolve("transformer4x4.html").toAbsolutePath();
            Cli c = Cli.run("compile", ViewerBrowserTest.repositoryFile("examples/softmax_transformer.tc0").toString(),
                    "--set", "n=4", "--set", "layers=4", "-o", compiled.toString());
            assertEquals(0, c.exitCode(), c.err());
            long t0 = System.nanoTime();
            Cli e = Cli.run("export", compiled.toString(), "-o", page.toString());
            double export = seconds(t0);
            assertEquals(0, e.exitCode(), e.err());
            Circuit circuit = CircuitFiles.read(compiled);
            assertTrue(circuit.gateCount() > 900_000, circuit.gateCount() + " gates");
            RegionBreakdown regions = RegionBreakdown.of(circuit);

            t0 = System.nanoTime();
            browser.driver.get(page.toUri().toString());
            browser.await("the top regions", OPEN_SECONDS, () -> !browser.all(".row.region").isEmpty());
            double shown = seconds(t0);
            browser.await("the gate data", OPEN_SECONDS, () -> "true".equals(browser.js("return document.body.dataset.ready")));
            double ready = seconds(t0);

            RegionStats layer = regions.root().children().stream().filter(r -> !r.children().isEmpty()).findFirst().orElseThrow();
            t0 = System.nanoTime();
            browser.find(".row[data-path=\"" + layer.path() + "\"] .name").click();
            browser.await("its children", CLICK_SECONDS, () -> !browser.all(".row[data-path=\"" + layer.children().get(0).path() + "\"]").isEmpty());
            double expand = seconds(t0);

            RegionStats leaf = regions.preorder().stream().filter(r -> r.children().isEmpty() && r.gates() > 1000).findFirst().orElseThrow();
            browser.js("window.tc0viewer.reveal(window.tc0viewer.indexOf(arguments[0]))", leaf.path());
            t0 = System.nanoTime();
            browser.find(".row[data-path=\"" + leaf.path() + "\"] .name").click(); // scans every gate for the region's own
            browser.await("its slices", CLICK_SECONDS, () -> !browser.all(".row.gates").isEmpty());
            browser.find(".row.gates .name").click();
            browser.await("its gates", CLICK_SECONDS, () -> !browser.all("circle.gate").isEmpty());
            browser.driver.findElement(By.cssSelector("circle.gate")).click();
            browser.await("a gate's weights", CLICK_SECONDS, () -> !browser.all("#gate-weights tr.weight").isEmpty());
            double toGate = seconds(t0);
            browser.screenshot(out.resolve("transformer4x4-gate.png"));

            System.out.printf(Locale.ROOT, "[viewer] %,d gates, %,d wires: export %.1f s, HTML %.1f MB; page shows regions %.2f s, "
                            + "gate data ready %.2f s; a click opens a layer in %.2f s; two clicks and a gate's weights %.2f s%n",
                    circuit.gateCount(), circuit.wireCount(), export, Files.size(page) / 1e6, shown, ready, expand, toGate);
            assertTrue(ready <= OPEN_SECONDS && expand <= CLICK_SECONDS && toGate <= 2 * CLICK_SECONDS);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
