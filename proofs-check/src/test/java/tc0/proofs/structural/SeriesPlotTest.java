package tc0.proofs.structural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;

/** A check's sweep drawn as SVG: a well-formed document with one marker per point and its figures in {@code <desc>}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SeriesPlotTest {
    static final List<Long> N = List.of(4L, 8L, 16L);
    static final List<SeriesPlot.Series> SWEEP = List.of(
            new SeriesPlot.Series("measured", N, big(100, 300, 900)),
            new SeriesPlot.Series("bound", N, big(160, 640, 2560)));

    @Test
    void theSvgHoldsEveryPointAsAMarkerAndItsFiguresInItsDescription() throws Exception {
        Document doc = parse(SeriesPlot.svg("[2] assert size <= 10 * n^2", "size (log scale)", true, SWEEP));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        // XChart draws a marker as an ellipse: one per point, and one per series in the legend
        assertEquals(2 * N.size() + 2, doc.getElementsByTagName("ellipse").getLength());
        String desc = doc.getElementsByTagName("desc").item(0).getTextContent();
        assertEquals("[2] assert size <= 10 * n^2. measured: n=4 100, n=8 300, n=16 900; bound: n=4 160, n=8 640, n=16 2560", desc);
    }

    @Test
    void aLinearAxisTakesZero() throws Exception {
        var zero = List.of(new SeriesPlot.Series("depth", N, big(0, 0, 0)));
        Document doc = parse(SeriesPlot.svg("depth", "depth", false, zero));
        assertEquals(N.size() + 1, doc.getElementsByTagName("ellipse").getLength());
        assertTrue(doc.getElementsByTagName("desc").item(0).getTextContent().endsWith("depth: n=4 0, n=8 0, n=16 0"));
    }

    static Document parse(byte[] svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    private static List<BigInteger> big(long... v) {
        return java.util.Arrays.stream(v).mapToObj(BigInteger::valueOf).toList();
    }
}
