package tc0.proofs.structural;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A check's sweep as an SVG chart (XChart, as {@link SweepPlot}): named series of figures against n, n on a log
 * axis. The figures also go into the SVG's {@code <desc>}, its text alternative: VectorGraphics2D draws text as
 * outlines, so without it neither a screen reader nor a program could read the numbers back.
 */
public final class SeriesPlot {
    private SeriesPlot() {}

    /** One line of the chart: {@code values.get(i)} at {@code n.get(i)}. */
    public record Series(String name, List<Long> n, List<BigInteger> values) {
        public Series {
            Objects.requireNonNull(name, "name");
            n = List.copyOf(n);
            values = List.copyOf(values);
            if (n.size() != values.size()) throw new IllegalArgumentException("series " + name + ": " + n.size() + " n, " + values.size() + " values");
        }

        /** "gates: n=4 100, n=8 300" */
        public String text() {
            StringBuilder s = new StringBuilder(name).append(':');
            for (int i = 0; i < n.size(); i++) s.append(i == 0 ? " " : ", ").append("n=").append(n.get(i)).append(' ').append(values.get(i));
            return s.toString();
        }
    }

    /** The series' figures in one line, as the SVG's {@code <desc>} holds them: "gates: n=4 100, n=8 300; depth: ...". */
    public static String description(List<Series> series) {
        return String.join("; ", series.stream().map(Series::text).toList());
    }

    /**
     * The chart as SVG bytes. {@code logY} for figures that grow like powers of n (gates, wires); depth reads
     * better on a linear axis.
     */
    public static byte[] svg(String title, String yTitle, boolean logY, List<Series> series) {
        XYChart chart = new XYChartBuilder().width(800).height(520).title(title).xAxisTitle("n").yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.getStyler().setLocale(Locale.ROOT);
        for (Series s : series) {
            double[] x = new double[s.n().size()];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = s.n().get(i);
                double v = s.values().get(i).doubleValue();
                y[i] = logY ? Math.max(1, v) : v; // a log axis cannot show 0
            }
            XYSeries line = chart.addSeries(s.name(), x, y);
            line.setMarker(SeriesMarkers.CIRCLE);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return withDescription(out.toString(StandardCharsets.UTF_8), title + ". " + description(series)).getBytes(StandardCharsets.UTF_8);
    }

    /** The SVG with {@code <desc>} as the root's first child (where SVG wants it). */
    private static String withDescription(String svg, String text) {
        int root = svg.indexOf("<svg");
        int end = root < 0 ? -1 : svg.indexOf('>', root);
        if (end < 0) throw new IllegalStateException("XChart wrote no <svg> element");
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return svg.substring(0, end + 1) + "\n<desc>" + escaped + "</desc>" + svg.substring(end + 1);
    }
}
