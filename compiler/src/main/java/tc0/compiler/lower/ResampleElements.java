package tc0.compiler.lower;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.DivideByConstant;
import tc0.compiler.gadgets.DivideWords;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.interp.Layout;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.FixedFormat;

/**
 * The output elements of one resampling node ({@code upsample}, {@code downsample}) built one by one on any
 * {@link Net}, as {@code ReferenceInterpreter.resample} defines them: per element the stencil's exact weighted sum
 * of inputs ({@link Layout#taps} per axis) divided by {@code D 2^Fx}, rounded once and saturated
 * ({@link DivideByConstant}). A single tap of weight D is wiring (a format change at most). Where both axes have
 * two taps the sum is taken separably, exactly: the column pass {@code y_r = w_c0 x[r][c0] + w_c1 x[r][c1]} is an
 * exact word ({@link WeightedSum#exact}, no rounding), shared by every output row that reads source row r (and
 * built once per (r, output column, channel) by this object), and the row pass divides
 * {@code w_r0 y_r0 + w_r1 y_r1} (the same integer numerator) once. Routes are chosen once per distinct form shape,
 * SPLIT first ({@link DivideByConstant#chooseSplit}: one depth whatever n makes the words' widths).
 * The lowering builds every element here; counting builds a few over a scratch net to learn which literals they
 * share (a resample of a resample that passes literals through).
 */
public final class ResampleElements {
    /** The operand's words by flat (row-major) index. */
    @FunctionalInterface
    public interface Words {
        int[] word(int index);
    }

    private final Net net;
    private final int rounds;
    private final Node n, src;
    private final Op.Interpolation mode;
    private final FixedFormat fx, out;
    private final Words words;
    private final long cols, ch, srcCols;
    private final Layout.Taps[] tx;
    private final DivisionRoutes routes;
    private final Map<Long, int[]> columnPass = new HashMap<>();

    /** {@code n} resamples {@code src} (format {@code fx}, words {@code words}) into {@code out}. */
    public ResampleElements(Net net, int rounds, Node n, Node src, Op.Interpolation mode, FixedFormat fx, FixedFormat out, Words words) {
        this.net = net;
        this.rounds = rounds;
        this.n = n;
        this.src = src;
        this.mode = mode;
        this.fx = fx;
        this.out = out;
        this.words = words;
        this.cols = n.dim(1);
        this.ch = n.rank() == 3 ? n.dim(2) : 1;
        this.srcCols = src.dim(1);
        this.tx = new Layout.Taps[Math.toIntExact(cols)];
        this.routes = new DivisionRoutes(rounds, true);
    }

    /** Output element (y, x, c) ({@code c = 0} for a rank-2 node). */
    public int[] element(long y, int x, long c) {
        Layout.Taps ty = Layout.taps(src.dim(0), n.dim(0), mode, y);
        if (tx[x] == null) tx[x] = Layout.taps(srcCols, cols, mode, x);
        Layout.Taps cx = tx[x];
        int ky = ty.index().length, kx = cx.index().length;
        if (ky == 1 && kx == 1) return convert(words.word(srcIndex(ty.index()[0], cx.index()[0], c))); // weights 1 / 1
        long den = Math.multiplyExact(ty.denominator(), cx.denominator());
        BigInteger d = BigInteger.valueOf(den).shiftLeft(fx.fracBits());
        boolean separable = ky > 1 && kx > 1 && disjointTaps(ty, cx, c);
        // the form as words times coefficients: a column-pass word per row tap, else every tap's word
        int k = separable ? ky : ky * kx;
        int[][] ws = new int[k][];
        long[] coeffs = new long[k];
        int t = 0;
        for (int a = 0; a < ky; a++) {
            int row = ty.index()[a];
            if (separable) {
                long key = (row * cols + x) * ch + c;
                ws[t] = columnPass.computeIfAbsent(key, q -> columnSum(row, cx, c));
                coeffs[t++] = ty.weight()[a];
                continue;
            }
            for (int b = 0; b < kx; b++) {
                ws[t] = words.word(srcIndex(row, cx.index()[b], c));
                coeffs[t++] = Math.multiplyExact(ty.weight()[a], cx.weight()[b]);
            }
        }
        return divide(ws, coeffs, d);
    }

    /**
     * {@code sum coeffs_t ws_t} divided by {@code d} into {@code out}: by the form's route where it fits a long, else by
     * SPLIT over exact numbers ({@link DivideWords#fitsLong}, {@link DivideWords#buildWords}: at n = 2^20
     * the row pass's numerator has 76 bits and {@code d = 2^68}).
     */
    private int[] divide(int[][] ws, long[] coeffs, BigInteger d) {
        int[] widths = new int[ws.length];
        for (int t = 0; t < ws.length; t++) widths[t] = ws[t].length;
        if (!DivideWords.fitsLong(widths, coeffs, d)) {
            try {
                return DivideWords.buildWords(net, ws, coeffs, out.fracBits(), d, out, rounds);
            } catch (IllegalArgumentException | ArithmeticException tooWide) {
                throw new UnsupportedOperationException("resampling by " + d + " (" + d.bitLength() + " bits) into " + out
                        + ": even SPLIT's quotients and remainders pass a long (node " + n.id() + ", region " + n.region() + ")");
            }
        }
        LinearForm form = new LinearForm();
        for (int t = 0; t < ws.length; t++) form.addWord(ws[t], coeffs[t]);
        long dl = d.longValueExact();
        return DivideByConstant.build(net, form, out.fracBits(), dl, out, rounds, routes.route(form, dl, out));
    }

    private int[] convert(int[] w) {
        if (fx.equals(out)) return w;
        return WeightedSum.toFormat(net, new LinearForm().addWord(w, 1), fx.fracBits(), out, rounds);
    }

    /** The column pass of a separable stencil: {@code sum_b w_b x[row][c_b]} as an exact word. */
    private int[] columnSum(int row, Layout.Taps cx, long c) {
        LinearForm form = new LinearForm();
        for (int b = 0; b < cx.index().length; b++) form.addWord(words.word(srcIndex(row, cx.index()[b], c)), cx.weight()[b]);
        return WeightedSum.exact(net, form, rounds);
    }

    /**
     * Whether no two taps of a two-by-two stencil share a variable literal (an operand copying one element to
     * several positions makes two taps one element: that stencil is summed as one form).
     */
    private boolean disjointTaps(Layout.Taps ty, Layout.Taps cx, long c) {
        long[] tagged = new long[0];
        int size = 0, word = 0;
        for (int row : ty.index()) {
            for (int col : cx.index()) {
                for (int lit : words.word(srcIndex(row, col, c))) {
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

    private int srcIndex(long row, long col, long c) {
        return Math.toIntExact((row * srcCols + col) * ch + c);
    }
}
