package tc0.proofs.structural;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A sweep as CSV: a header row {@code n,depth,gates,wires,width}, then one row per point, every figure a whole number in full. */
public final class SweepCsv {
    public static final String HEADER = "n,depth,gates,wires,width";

    private SweepCsv() {}

    public static void write(List<SweepPoint> points, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (SweepPoint p : points) {
            out.write(p.n() + "," + p.depth() + "," + p.gates() + "," + p.wires() + "," + p.width() + "\n");
        }
        out.flush();
    }
}
