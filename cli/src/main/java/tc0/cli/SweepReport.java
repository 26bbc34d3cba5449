package tc0.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tc0.proofs.structural.Growth;
import tc0.proofs.structural.SweepCsv;
import tc0.proofs.structural.SweepPoint;

/**
 * What {@code tc0 sweep} prints and writes: the table row by row, the summary (fitted size degree, constant
 * depth) from {@link Growth}, the JSON object and the CSV.
 *
 * @param spec    the spec file
 * @param model   the model's name
 * @param counted whether the points were counted (not built)
 * @param rounds  compression rounds of every weighted sum
 */
record SweepReport(Path spec, String model, boolean counted, int rounds) {
    /** Columns wide enough for 10^15 gates and width and 10^21 wires (with commas); a larger figure widens its row. */
    static final String TABLE_HEADER = String.format("%8s %7s %20s %28s %20s %9s", "n", "depth", "gates", "wires", "width", "seconds");

    String heading() {
        return spec + ": model " + model + ", " + mode() + ", " + rounds + " compression round" + (rounds == 1 ? "" : "s") + " per sum";
    }

    String title() {
        return model + " (" + (counted ? "counted" : "built") + ")";
    }

    private String mode() {
        return counted ? "counted without building (no structural hashing: sizes an upper bound on the built ones)" : "built";
    }

    /** A row of the table; {@code wide}: marked {@link #WIDE_MARK} (see {@link #WIDE_NOTE}). */
    static String row(SweepPoint p, double seconds, boolean wide) {
        return String.format(Locale.ROOT, "%8d %7d %,20d %,28d %,20d %9.2f", p.n(), p.depth(), p.gates(), p.wires(), p.width(), seconds)
                + (wide ? " " + WIDE_MARK : "");
    }

    /** What marks a counted row whose circuit holds weights or thresholds past a long. */
    static final String WIDE_MARK = "*";

    /** The footnote to rows marked {@link #WIDE_MARK}. */
    static final String WIDE_NOTE = WIDE_MARK + " weights past 63 bits: counted, not buildable here (the figures are exact, those of the same "
            + "construction with unbounded weights; tc0's builder has 64-bit weights and thresholds)";

    /** The lines after the table: how size and depth grow. */
    List<String> summary(List<SweepPoint> points) {
        Growth gates = Growth.of(points, SweepPoint::gates);
        Growth wires = Growth.of(points, SweepPoint::wires);
        Growth depth = Growth.of(points, SweepPoint::depth);
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "size: gates grow like n^%.2f, wires like n^%.2f (least squares over the larger half of n)",
                gates.degree(), wires.degree()));
        out.add("  gates' exponent between neighbouring n: " + exponents(gates));
        String depths = points.stream().map(p -> Long.toString(p.depth())).collect(Collectors.joining(", "));
        out.add(depthVerdict(points, depth, depths));
        return out;
    }

    /**
     * Constant; settled (the same over the larger half of the points, different only at small n, e.g. where a
     * weight rounds to a power of two at low precision and its product is a shift); growing (by so much per
     * doubling of n, like c log n); or varying without a trend.
     */
    private static String depthVerdict(List<SweepPoint> points, Growth depth, String depths) {
        if (depth.constant()) return "depth: constant in n (" + points.getFirst().depth() + " at every n)";
        int from = Growth.settledFrom(points, SweepPoint::depth);
        if (from <= points.size() / 2 && points.size() - from >= 2) {
            return "depth: " + points.getLast().depth() + " at every n from " + points.get(from).n() + " on, different below (" + depths
                    + "): not growing over these n";
        }
        double step = Growth.perDoubling(points, SweepPoint::depth);
        if (step >= 0.5) {
            return String.format(Locale.ROOT, "depth: NOT constant: grows by about %.1f per doubling of n (%s), like log n", step, depths);
        }
        return "depth: NOT constant over these n (" + depths + ")";
    }

    /**
     * The whole sweep as one JSON object; {@code wideN}: the n whose counted circuits hold weights or
     * thresholds past 63 bits (field {@code weightsPast63BitsAtN}: counted exactly, not buildable by tc0).
     */
    Map<String, Object> json(List<SweepPoint> points, Map<String, Long> set, List<Long> wideN) {
        Growth gates = Growth.of(points, SweepPoint::gates);
        Growth wires = Growth.of(points, SweepPoint::wires);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spec", spec.toString());
        m.put("model", model);
        m.put("mode", counted ? "counted" : "built");
        m.put("rounds", rounds);
        m.put("set", set);
        m.put("points", points);
        m.put("gatesDegree", gates.degree());
        m.put("gatesLocalDegree", gates.localDegree());
        m.put("wiresDegree", wires.degree());
        m.put("depthConstant", Growth.of(points, SweepPoint::depth).constant());
        m.put("depthSettledFromN", points.get(Growth.settledFrom(points, SweepPoint::depth)).n());
        m.put("depthPerDoubling", Growth.perDoubling(points, SweepPoint::depth));
        if (counted) m.put("weightsPast63BitsAtN", wideN);
        return m;
    }

    static void csv(List<SweepPoint> points, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        SweepCsv.write(points, w);
        w.flush();
    }

    private static String exponents(Growth g) {
        return g.localDegree().stream().map(d -> String.format(Locale.ROOT, "%.2f", d)).collect(Collectors.joining(", "));
    }
}
