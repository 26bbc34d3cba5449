package tc0.compiler.lower;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.DivideByConstant;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.interp.Layout;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.FixedFormat;

/** One resampling node lowered ({@code upsample}, {@code downsample}): {@link TensorIrToCircuit}'s words in, a division per stencil out. */
final class ResampleLowering {
    private final TensorIrToCircuit at;
    private final TensorProgram p;
    private final Net net;
    private final int rounds;

    ResampleLowering(TensorIrToCircuit at, TensorProgram p, Net net, int rounds) {
        this.at = at;
        this.p = p;
        this.net = net;
        this.rounds = rounds;
    }

    /**
     * Upsample and downsample, as {@code ReferenceInterpreter.resample}: per output element the stencil's
     * exact weighted sum of inputs ({@link Layout#taps} per axis) divided by {@code D 2^Fx}, rounded once and
     * saturated ({@link DivideByConstant}). A single tap of weight D is wiring (a format change at most).
     * Where both axes have two taps the sum is taken separably, exactly: the column pass
     * {@code y_r = w_c0 x[r][c0] + w_c1 x[r][c1]} is an exact word ({@link WeightedSum#exact}, no rounding),
     * shared by every output row that reads source row r, and the row pass divides
     * {@code w_r0 y_r0 + w_r1 y_r1} (the same integer numerator) once. So each division's weights are one
     * axis's, not their products: O(n) distinct sums per axis instead of one per (row, column) weighting
     * (what lets counting group by axis). Routes are chosen once per distinct form shape, SPLIT first
     * ({@link DivideByConstant#chooseSplit}: one depth whatever n makes the words' widths).
     */
    int[][] lower(Node n, int operand, Op.Interpolation mode, FixedFormat out) {
        FixedFormat fx = at.fmt(operand);
        Node src = p.node(operand);
        long rows = n.dim(0), cols = n.dim(1), ch = n.rank() == 3 ? n.dim(2) : 1, srcCols = src.dim(1);
        DivisionRoutes routes = new DivisionRoutes(rounds, true);
        Map<Long, int[]> columnPass = new HashMap<>();
        int[][] r = new int[Math.toIntExact(n.size())][];
        Layout.Taps[] tx = new Layout.Taps[Math.toIntExact(cols)];
        for (int x = 0; x < cols; x++) tx[x] = Layout.taps(srcCols, cols, mode, x);
        int f = 0;
        for (long y = 0; y < rows; y++) {
            Layout.Taps ty = Layout.taps(src.dim(0), rows, mode, y);
            for (int x = 0; x < cols; x++) {
                Layout.Taps cx = tx[x];
                for (long c = 0; c < ch; c++, f++) {
                    int ky = ty.index().length, kx = cx.index().length;
                    if (ky == 1 && kx == 1) { // weights 1 / 1
                        r[f] = at.convert(at.word(operand, srcIndex(ty.index()[0], cx.index()[0], c, srcCols, ch)), fx, out);
                        continue;
                    }
                    long den = ty.denominator() * cx.denominator();
                    if (Long.numberOfLeadingZeros(den) <= fx.fracBits() + 1) {
                        throw new UnsupportedOperationException("resampling denominator " + den + " of " + fx + " needs more than 63 bits (node "
                                + n.id() + ", region " + n.region() + ")");
                    }
                    LinearForm form = new LinearForm();
                    boolean separable = ky > 1 && kx > 1 && disjointTaps(operand, ty, cx, c, srcCols, ch);
                    for (int a = 0; a < ky; a++) {
                        int row = ty.index()[a];
                        if (separable) {
                            long key = (row * cols + x) * ch + c, channel = c;
                            form.addWord(columnPass.computeIfAbsent(key, k -> columnSum(operand, row, cx, channel, srcCols, ch)), ty.weight()[a]);
                            continue;
                        }
                        for (int b = 0; b < kx; b++) {
                            form.addWord(at.word(operand, srcIndex(row, cx.index()[b], c, srcCols, ch)), ty.weight()[a] * cx.weight()[b]);
                        }
                    }
                    long d = den << fx.fracBits();
                    r[f] = DivideByConstant.build(net, form, out.fracBits(), d, out, rounds, routes.route(form, d, out));
                }
            }
        }
        return r;
    }

    /** The column pass of a separable stencil: {@code sum_b w_b x[row][c_b]} as an exact word. */
    private int[] columnSum(int operand, int row, Layout.Taps cx, long c, long srcCols, long ch) {
        LinearForm form = new LinearForm();
        for (int b = 0; b < cx.index().length; b++) form.addWord(at.word(operand, srcIndex(row, cx.index()[b], c, srcCols, ch)), cx.weight()[b]);
        return WeightedSum.exact(net, form, rounds);
    }

    /**
     * Whether no two taps of a two-by-two stencil share a variable literal (an operand copying one element to
     * several positions makes two taps one element: that stencil is summed as one form, as before).
     */
    private boolean disjointTaps(int operand, Layout.Taps ty, Layout.Taps cx, long c, long srcCols, long ch) {
        long[] tagged = new long[0];
        int size = 0, word = 0;
        for (int row : ty.index()) {
            for (int col : cx.index()) {
                for (int lit : at.word(operand, srcIndex(row, col, c, srcCols, ch))) {
                    if (Literal.isConstant(lit)) continue;
                    if (size == tagged.length) tagged = Arrays.copyOf(tagged, Math.max(16, size * 2));
                    tagged[size++] = (long) Literal.node(lit) << 2 | word;
                }
                word++;
            }
        }
        Arrays.sort(tagged, 0, size);
        for (int i = 1; i < size; i++) if (tagged[i] >> 2 == tagged[i - 1] >> 2 && tagged[i] != tagged[i - 1]) return false;
        return true;
    }

    private static int srcIndex(long row, long col, long c, long srcCols, long ch) {
        return Math.toIntExact((row * srcCols + col) * ch + c);
    }
}
