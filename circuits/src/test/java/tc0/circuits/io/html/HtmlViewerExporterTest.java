package tc0.circuits.io.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.analysis.Levels;
import tc0.circuits.analysis.RegionHierarchyTest;
import tc0.circuits.testkit.RandomCircuits;
import tc0.circuits.testkit.SampleCircuits;

/** The page is self-contained, its head says what the circuit is, and its gate data decodes to the circuit. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HtmlViewerExporterTest {
    static String page(Circuit c) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlViewerExporter().write(c, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static String element(String html, String id) {
        Matcher m = Pattern.compile("<script type=\"[^\"]+\" id=\"" + id + "\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), id);
        return m.group(1);
    }

    @Test
    void thePageFetchesNothingAndForbidsFetching() throws Exception {
        String html = page(RegionHierarchyTest.Hand.build().c());
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none';"), "a policy that refuses every request");
        for (String loads : new String[] {"<script src", "<link", "<img", "<iframe", "@import"}) {
            assertFalse(html.contains(loads), loads);
        }
        assertTrue(html.contains("d3.v7") || html.contains("https://d3js.org v7"), "d3 is inlined");
        assertFalse(html.contains("@D3@") || html.contains("@HEAD@") || html.contains("@GATES@") || html.contains("@VIEWER@"), "every marker filled");
    }

    @Test
    void aRegionNamedLikeMarkupCannotEndTheScript() throws Exception {
        CircuitBuilder b = new CircuitBuilder(false);
        int[] x = b.inputBus("</script><b>&", 2); // a region name cannot hold '/', a bus name can
        int g;
        try (var s = b.region("<b>&")) {
            g = b.gate(x, new long[] {1, 1}, 2);
        }
        b.outputBus("y", g);
        String head = element(page(b.build()), "tc0-head");
        assertFalse(head.contains("<") || head.contains(">") || head.contains("&"), head);
        assertEquals("</script><b>&", new ObjectMapper().readTree(head).get("inputBuses").get(0).get("name").asText());
        assertEquals("<b>&", new ObjectMapper().readTree(head).get("regions").get("name").get(1).asText());
    }

    @Test
    void aCircuitWithoutGatesStillMakesAPage() throws Exception {
        CircuitBuilder b = new CircuitBuilder(false);
        int[] x = b.inputBus("x", 2);
        b.outputBus("y", x);
        JsonNode head = new ObjectMapper().readTree(element(page(b.build()), "tc0-head"));
        assertEquals(0, head.get("gates").asInt());
        assertEquals(0, head.get("depth").asInt());
        assertEquals(0, head.get("criticalPath").size());
        assertEquals(1, head.get("regions").get("region").size(), "the root alone");
    }

    @Test
    void theHeadHasTheFiguresAndTheGateDataIsTheCircuit() throws Exception {
        for (Circuit c : new Circuit[] {RegionHierarchyTest.Hand.build().c(), SampleCircuits.bigWeights(), SampleCircuits.extremes(),
                                        RandomCircuits.built(7, 8, 2_000)}) {
            String html = page(c);
            JsonNode head = new ObjectMapper().readTree(element(html, "tc0-head"));
            Levels levels = Levels.of(c);
            assertEquals(c.gateCount(), head.get("gates").asInt());
            assertEquals(c.wireCount(), head.get("wires").asLong());
            assertEquals(levels.depth(), head.get("depth").asInt());
            assertEquals(levels.depth(), head.get("criticalPath").size());
            int stored = head.get("storedWires").asInt();
            boolean wide = head.get("weightBytes").asInt() == 8;
            ByteBuffer data = inflate(Base64.getDecoder().decode(element(html, "tc0-gates").strip()));
            int gates = c.gateCount();
            for (int g = 0; g < gates; g++) assertEquals((double) c.threshold(g), data.getDouble(), "threshold of gate " + g);
            for (int e = 0; e < stored; e++) {
                if (wide) assertEquals((double) c.weight(e), data.getDouble(), "weight " + e);
                else assertEquals(c.weight(e), data.getInt(), "weight " + e);
            }
            for (int g = 0; g < gates; g++) assertEquals(levels.level(c.firstGate() + g), data.getInt(), "level");
            for (int g = 0; g < gates; g++) assertEquals(c.region(g), data.getInt(), "region");
            for (int g = 0; g < gates; g++) assertEquals(c.faninStart(g), data.getInt(), "fan-in start");
            for (int g = 0; g < gates; g++) assertEquals(c.faninEnd(g), data.getInt(), "fan-in end");
            int source = 0;
            for (int e = 0; e < stored; e++) {
                source += data.getInt();
                assertEquals(c.faninNode(e), source, "source of wire " + e);
            }
            assertEquals(0, data.remaining(), "nothing more");
        }
    }

    private static ByteBuffer inflate(byte[] packed) throws Exception {
        Inflater inflater = new Inflater();
        inflater.setInput(packed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!inflater.finished()) {
            int n = inflater.inflate(buf);
            if (n == 0 && inflater.needsInput()) break;
            out.write(buf, 0, n);
        }
        assertTrue(inflater.finished(), "the stream is complete");
        inflater.end();
        return ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    }
}
