package tc0.proofs.structural;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A sweep drawn with XChart: gates, wires and depth against n on log-log axes, so polynomial size shows as
 * a straight line of slope k and constant depth as a flat one. SVG or PNG.
 */
public final class SweepPlot {
    public enum Format { SVG, PNG }

    private SweepPlot() {}

    /** The chart, titled with the model name. */
    public static XYChart chart(String title, List<SweepPoint> points) {
        XYChart chart = new XYChartBuilder().width(800).height(520).title(title)
                .xAxisTitle("n").yAxisTitle("count (log scale)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.getStyler().setLocale(Locale.ROOT);
        add(chart, "gates", points, SweepPoint::gates);
        add(chart, "wires", points, SweepPoint::wires);
        add(chart, "depth", points, SweepPoint::depth);
        return chart;
    }

    public static void write(String title, List<SweepPoint> points, Format format, OutputStream out) throws IOException {
        XYChart chart = chart(title, points);
        switch (format) {
            case SVG -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            case PNG -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static void add(XYChart chart, String name, List<SweepPoint> points, Function<SweepPoint, ? extends Number> figure) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).n();
            y[i] = Math.max(1, figure.apply(points.get(i)).doubleValue()); // log axes cannot show 0; doubles reach 10^308
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
    }
}
