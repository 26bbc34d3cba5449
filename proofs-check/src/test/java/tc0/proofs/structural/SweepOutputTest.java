package tc0.proofs.structural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepOutputTest {
    static final List<SweepPoint> POINTS = List.of(
            new SweepPoint(4, 12, 1000, 5000, 300),
            new SweepPoint(8, 12, 8000, 40000, 2400),
            new SweepPoint(16, 12, 64000, 320000, 19200));

    @Test
    void theCsvHasTheHeaderAndOneRowPerN() throws Exception {
        StringWriter w = new StringWriter();
        SweepCsv.write(POINTS, w);
        String[] lines = w.toString().split("\n");
        assertEquals("n,depth,gates,wires,width", lines[0]);
        assertArrayEquals(new String[] {"4", "12", "1000", "5000", "300"}, lines[1].split(","));
        assertEquals(4, lines.length);
    }

    @Test
    void figuresPastALongArePrintedWhole() throws Exception {
        BigInteger wires = BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(30)).add(BigInteger.valueOf(7)); // > 2^67
        BigInteger gates = BigInteger.ONE.shiftLeft(63);
        StringWriter w = new StringWriter();
        SweepCsv.write(List.of(POINTS.getFirst(), new SweepPoint(4096, 120, gates, wires, gates.shiftRight(3))), w);
        String[] row = w.toString().split("\n")[2].split(",");
        assertArrayEquals(new String[] {"4096", "120", "9223372036854775808", "276701161105643274217", "1152921504606846976"}, row);
        assertEquals(wires, new BigInteger(row[3]));
    }

    @Test
    void theSvgPlotIsAWellFormedSvgDocumentOfTheChartsSize() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SweepPlot.write("rope_transformer", POINTS, SweepPlot.Format.SVG, out);
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(out.toByteArray()));
        var root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("800px", root.getAttribute("width"));
        // VectorGraphics2D draws text as outlines too: series, markers and labels are all paths
        assertTrue(doc.getElementsByTagName("path").getLength() >= 3 * POINTS.size());
    }

    @Test
    void thePngPlotIsAPng() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SweepPlot.write("rope_transformer", POINTS, SweepPlot.Format.PNG, out);
        byte[] b = out.toByteArray();
        assertTrue(b.length > 1000);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(b, 4));
    }
}
