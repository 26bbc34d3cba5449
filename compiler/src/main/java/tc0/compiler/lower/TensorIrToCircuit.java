package tc0.compiler.lower;

import tc0.compiler.interp.Layout;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.LayerNorm;
import tc0.compiler.gadgets.DivideByConstant;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.Lookup;
import tc0.compiler.gadgets.MaxArgmax;
import tc0.compiler.gadgets.MatMul;
import tc0.compiler.gadgets.Multiply;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.Rope;
import tc0.compiler.gadgets.Softmax;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.Shapes;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Rounding;
import java.math.BigInteger;

/**
 * Lowers a {@link TensorProgram} to a threshold circuit that computes, bit for bit, what
 * {@link tc0.compiler.interp.ReferenceInterpreter} computes. Nodes are lowered in order; each keeps its
 * elements' words ({@code int[][]}: literals per element, least significant first, two's complement, the
 * width of the node's format; one literal per element for {@code bit} tensors). Every node's gates are
 * built inside the regions of its region path.
 *
 * <p>This slice lowers: Input, Constant, Fill, Broadcast, Transpose, Reshape, Slice, Concat (wiring),
 * Elementwise ADD/SUB/MUL, ScaleByConstant, MatMul (constant or variable operands), Unary, Reduce
 * (SUM, MEAN, MAX, MIN), Softmax and LayerNorm (per line), Rope, Kron (ROW, COL; a constant factor folds
 * into a weighted sum or into wiring), Upsample and Downsample (NEAREST, BILINEAR).
 * Any other op throws {@link UnsupportedOperationException}.
 */
public final class TensorIrToCircuit {
    private final TensorProgram p;
    private final int rounds;
    private final CircuitBuilder b;
    private final Net net;
    private final int[][][] words;
    /** The float nodes' lowering, made at the first float node (a program under precision float). */
    private FloatNodes floats;
    /** Told the gates built so far after each node (a progress display); a no-op unless given. */
    private LongConsumer progress = gates -> { };

    private TensorIrToCircuit(TensorProgram p, int rounds, boolean hashing) {
        this(p, rounds, new CircuitBuilder(hashing));
    }

    private TensorIrToCircuit(TensorProgram p, int rounds, CircuitBuilder b) {
        this(p, rounds, b, Net.of(b));
    }

    /** {@code b} null: the gates go to {@code net} alone (no circuit is kept). */
    private TensorIrToCircuit(TensorProgram p, int rounds, CircuitBuilder b, Net net) {
        this.p = p;
        this.rounds = rounds;
        this.b = b;
        this.net = net;
        this.words = new int[p.nodes().size()][][];
    }

    /**
     * Lowers {@code p} onto {@code net} and keeps no circuit: each input bus is {@code inputs.apply(name, bits)}'s
     * literals, and the output buses' literals come back by name, in the program's order. The gates {@code net} is
     * given are the unhashed builder's, in its order ({@link tc0.compiler.gadgets.EvaluatingNet} evaluates them).
     */
    public static Map<String, int[]> lowerOnto(TensorProgram p, int rounds, Net net, BiFunction<String, Integer, int[]> inputs) {
        if (rounds < 1) throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        return new TensorIrToCircuit(p, rounds, null, net).lowerAll(inputs);
    }

    /** Lowers {@code p} with {@link WeightedSum#DEFAULT_ROUNDS} compression rounds per sum. */
    public static Lowered lower(TensorProgram p) {
        return lower(p, WeightedSum.DEFAULT_ROUNDS);
    }

    /** Lowers {@code p}; every weighted sum uses {@code rounds} compression rounds. */
    public static Lowered lower(TensorProgram p, int rounds) {
        return lower(p, rounds, true);
    }

    /**
     * Lowers {@code p} with or without structural hashing: without it the circuit is exactly what
     * {@link tc0.compiler.count.TensorIrToCost} counts.
     */
    public static Lowered lower(TensorProgram p, int rounds, boolean hashing) {
        return lower(p, rounds, hashing, gates -> { });
    }

    /**
     * As {@link #lower(TensorProgram, int, boolean)}, telling {@code progress} the gates built so far after each
     * node (it may throw to stop the build: a size limit where the size was not counted beforehand).
     */
    public static Lowered lower(TensorProgram p, int rounds, boolean hashing, LongConsumer progress) {
        if (rounds < 1) throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        TensorIrToCircuit t = new TensorIrToCircuit(p, rounds, hashing);
        t.progress = progress;
        return new Lowered(t.run(), p);
    }

    /**
     * As {@link #lower(TensorProgram, int)}, for a program counted beforehand at {@code gates} gates
     * ({@link tc0.compiler.count.TensorIrToCost}): the builder allocates its per-gate arrays and hash table
     * once at that size ({@link CircuitBuilder#reserve}), and {@code progress} is told the gates built so far
     * after each node. The circuit is the same; only memory traffic changes.
     */
    public static Lowered lower(TensorProgram p, int rounds, long gates, LongConsumer progress) {
        if (rounds < 1) throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        TensorIrToCircuit t = new TensorIrToCircuit(p, rounds, true);
        t.b.reserve(gates);
        t.progress = progress;
        return new Lowered(t.run(), p);
    }

    private Circuit run() {
        lowerAll(b::inputBus).forEach(b::outputBus);
        return b.build();
    }

    /** Every node lowered; the output buses' literals by name. */
    private Map<String, int[]> lowerAll(BiFunction<String, Integer, int[]> inputBus) {
        // Inputs first: the builder wants every input bus before the first gate.
        for (TensorProgram.Port in : p.inputs()) {
            Node n = p.node(in.node());
            int w = Lowered.width(n);
            int size = Math.toIntExact(n.size());
            int[] bus = inputBus.apply(in.name(), size * w);
            int[][] ws = new int[size][w];
            for (int e = 0; e < size; e++) System.arraycopy(bus, e * w, ws[e], 0, w);
            words[n.id()] = ws;
        }
        for (Node n : p.nodes()) {
            if (n.op() instanceof Op.Input) continue;
            Deque<CircuitBuilder.Scope> scopes = new ArrayDeque<>();
            try {
                for (String seg : n.region().split("/")) scopes.push(net.region(seg));
                words[n.id()] = lowerNode(n);
                if (b != null) progress.accept(b.gateCount());
            } finally {
                while (!scopes.isEmpty()) scopes.pop().close();
            }
        }
        Map<String, int[]> outputs = new LinkedHashMap<>();
        for (TensorProgram.Port out : p.outputs()) {
            int[][] ws = words[out.node()];
            int w = Lowered.width(p.node(out.node()));
            int[] lits = new int[ws.length * w];
            for (int e = 0; e < ws.length; e++) System.arraycopy(ws[e], 0, lits, e * w, w);
            outputs.put(out.name(), lits);
        }
        return outputs;
    }

    private int[][] lowerNode(Node n) {
        if (n.elem() instanceof Elem.Float) {
            if (floats == null) floats = new FloatNodes(p, words, rounds, FloatNodes.build(net));
            return floats.lower(n);
        }
        FixedFormat out = n.elem().asFixed();
        int size = Math.toIntExact(n.size());
        return switch (n.op()) {
            case Op.Input in -> throw new IllegalStateException("input " + in.name() + " is lowered first");
            case Op.Constant c -> {
                if (c.length() != size) throw new IllegalArgumentException("constant " + c.name() + " has " + c.length() + " codes for " + size);
                int[][] r = new int[size][];
                for (int i = 0; i < size; i++) r[i] = constantWord(c.code(i), Lowered.width(n));
                yield r;
            }
            case Op.Fill f -> {
                int[][] r = new int[size][];
                for (int i = 0; i < size; i++) r[i] = constantWord(f.code(), Lowered.width(n));
                yield r;
            }
            case Op.Broadcast x -> gather(n);
            case Op.Transpose x -> gather(n);
            case Op.Reshape x -> gather(n);
            case Op.Slice x -> gather(n);
            case Op.Concat x -> gather(n);
            case Op.Elementwise e -> elementwise(e, size, out);
            case Op.ScaleByConstant s -> {
                FixedFormat fx = fmt(s.operand());
                int[][] r = new int[size][];
                for (int i = 0; i < size; i++) {
                    LinearForm f = new LinearForm().addWord(word(s.operand(), i), s.coefficient());
                    r[i] = WeightedSum.toFormat(net, f, fx.fracBits() + s.coefficientFormat().fracBits(), out, rounds);
                }
                yield r;
            }
            case Op.MatMul m -> matmul(m, n, out);
            case Op.Unary u -> unary(u, size, out);
            case Op.Reduce r -> reduce(r, n, out);
            case Op.Softmax s -> perLine(s.operand(), s.axis(), size,
                    xs -> Softmax.build(net, xs, fmt(s.operand()), s.expFormat(), out));
            case Op.MaskedSoftmax s -> maskedSoftmax(s, size, out);
            case Op.MaskedMean m -> maskedMean(m, n, out);
            case Op.Select s -> {
                int[][] r = new int[size][];
                boolean bit = n.elem() instanceof Elem.Bit; // of two bit tensors: one literal per element
                for (int i = 0; i < size; i++) {
                    r[i] = bit ? tc0.compiler.gadgets.Select.mux(net, words[s.cond()][i][0], words[s.a()][i], words[s.b()][i])
                            : tc0.compiler.gadgets.Select.mux(net, words[s.cond()][i][0], word(s.a(), i), word(s.b(), i));
                }
                yield r;
            }
            case Op.LayerNorm l -> perLine(l.operand(), n.rank() - 1, size,
                    xs -> LayerNorm.build(net, xs, fmt(l.operand()), l.eps(), l.epsFormat(), l.scaleFormat(), out, rounds));
            case Op.Rope r -> rope(r, n, out);
            case Op.Kron k -> kron(k, n, out);
            case Op.Upsample u -> new ResampleLowering(this, p, net, rounds).lower(n, u.operand(), u.mode(), out);
            case Op.Downsample d -> new ResampleLowering(this, p, net, rounds).lower(n, d.operand(), d.mode(), out);
            case Op.ScanExp s -> scanExp(s, n, out);
            default -> throw new UnsupportedOperationException("lowering of " + n.op().label() + " is not built yet (node "
                    + n.id() + ", region " + n.region() + ")");
        };
    }

    FixedFormat fmt(int id) {
        return p.node(id).elem().asFixed();
    }

    /** Element {@code i} of node {@code id} as a word of its fixed format (a bit becomes a code of fixed(2, 0)). */
    int[] word(int id, int i) {
        int[] w = words[id][i];
        if (p.node(id).elem() instanceof Elem.Bit) return new int[] {w[0], Literal.FALSE};
        return w;
    }

    private static int[] constantWord(long code, int width) {
        int[] w = new int[width];
        for (int k = 0; k < width; k++) w[k] = ((code >> k) & 1) != 0 ? Literal.TRUE : Literal.FALSE;
        return w;
    }

    /** The codes of node {@code id} if every literal of it is a constant, else null. */
    private long[] constantCodes(int id) {
        int[][] ws = words[id];
        FixedFormat f = fmt(id);
        long[] codes = new long[ws.length];
        for (int i = 0; i < ws.length; i++) {
            int[] w = word(id, i);
            long c = 0;
            for (int k = 0; k < w.length; k++) {
                if (!Literal.isConstant(w[k])) return null;
                if (w[k] == Literal.TRUE) c |= 1L << k;
            }
            int width = f.width();
            codes[i] = width < 64 ? (c << (64 - width)) >> (64 - width) : c;
        }
        return codes;
    }

    /** Wiring: each output element is an operand's element, unchanged, where {@link Layout#gather} says. */
    private int[][] gather(Node n) {
        int[] g = Layout.gather(p, n);
        Op op = n.op();
        int first = op.operands().getFirst();
        boolean bit = n.elem() instanceof Elem.Bit;
        int[][] r = new int[g.length][];
        for (int f = 0; f < g.length; f++) {
            // concat's right operand comes as -(i + 1)
            int src = g[f] >= 0 ? first : ((Op.Concat) op).right();
            int at = g[f] >= 0 ? g[f] : -g[f] - 1;
            r[f] = bit ? words[src][at] : convertWord(src, at, n.elem().asFixed());
        }
        return r;
    }

    /**
     * Element {@code at} of {@code src} as a word of {@code out}'s width, its code unchanged (wiring moves
     * codes, as the reference interpreter does): sign-extended or cut to the width.
     */
    private int[] convertWord(int src, int at, FixedFormat out) {
        int[] w = word(src, at);
        if (w.length == out.width()) return w;
        int[] r = new int[out.width()];
        for (int k = 0; k < r.length; k++) r[k] = w[Math.min(k, w.length - 1)];
        return r;
    }

    private int[][] elementwise(Op.Elementwise e, int size, FixedFormat out) {
        FixedFormat fx = fmt(e.left()), fy = fmt(e.right());
        int frac = Math.max(fx.fracBits(), fy.fracBits());
        long cx = 1L << (frac - fx.fracBits()), cy = 1L << (frac - fy.fracBits());
        int[][] r = new int[size][];
        for (int i = 0; i < size; i++) {
            int[] x = word(e.left(), i), y = word(e.right(), i);
            r[i] = switch (e.arith()) {
                case ADD -> WeightedSum.toFormat(net, new LinearForm().addWord(x, cx).addWord(y, cy), frac, out, rounds);
                case SUB -> WeightedSum.toFormat(net, new LinearForm().addWord(x, cx).addWord(y, -cy), frac, out, rounds);
                case MUL -> Multiply.fixed(net, x, fx, y, fy, out, rounds);
                case DIV -> tc0.compiler.gadgets.Divide.fixed(net, x, fx, y, fy, out);
            };
        }
        return r;
    }

    /** Each entry {@code Fixed.dot} of a row and a column; a constant side folds into the sum's weights. */
    private int[][] matmul(Op.MatMul m, Node n, FixedFormat out) {
        List<Long> ls = p.node(m.left()).shape();
        int rows = (int) (long) ls.get(0), inner = (int) (long) ls.get(1), cols = (int) n.dim(1);
        FixedFormat fa = fmt(m.left()), fb = fmt(m.right());
        long[] ca = constantCodes(m.left()), cb = constantCodes(m.right());
        int[][] r = new int[rows * cols][];
        if (cb != null) {
            // Row i of A times the constant B: W[j][k] = B[k][j].
            long[][] w = new long[cols][inner];
            for (int k = 0; k < inner; k++) for (int j = 0; j < cols; j++) w[j][k] = cb[k * cols + j];
            for (int i = 0; i < rows; i++) {
                int[][] x = new int[inner][];
                for (int k = 0; k < inner; k++) x[k] = word(m.left(), i * inner + k);
                int[][] y = MatMul.constant(net, w, fb, x, fa, out, rounds);
                for (int j = 0; j < cols; j++) r[i * cols + j] = y[j];
            }
        } else if (ca != null) {
            // The constant A times column j of B.
            long[][] w = new long[rows][inner];
            for (int i = 0; i < rows; i++) for (int k = 0; k < inner; k++) w[i][k] = ca[i * inner + k];
            for (int j = 0; j < cols; j++) {
                int[][] x = new int[inner][];
                for (int k = 0; k < inner; k++) x[k] = word(m.right(), k * cols + j);
                int[][] y = MatMul.constant(net, w, fa, x, fb, out, rounds);
                for (int i = 0; i < rows; i++) r[i * cols + j] = y[i];
            }
        } else {
            int[][][] a = new int[rows][inner][], bm = new int[inner][cols][];
            for (int i = 0; i < rows; i++) for (int k = 0; k < inner; k++) a[i][k] = word(m.left(), i * inner + k);
            for (int k = 0; k < inner; k++) for (int j = 0; j < cols; j++) bm[k][j] = word(m.right(), k * cols + j);
            int[][][] c = MatMul.variable(net, a, fa, bm, fb, out, rounds);
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) r[i * cols + j] = c[i][j];
        }
        return r;
    }

    /** A table per element: {@code Fixed.apply}; ABS is {@code |x|} rounded into the output and saturated. */
    private int[][] unary(Op.Unary u, int size, FixedFormat out) {
        FixedFormat fx = fmt(u.operand());
        long[] absTable = null;
        if (u.function().numerics() == null) {
            absTable = new long[Math.toIntExact(fx.size())];
            for (long c = fx.minCode(); c <= fx.maxCode(); c++) {
                absTable[(int) (c - fx.minCode())] = Rounding.toFormat(Math.abs(c), fx.fracBits(), out);
            }
        }
        int[][] r = new int[size][];
        for (int i = 0; i < size; i++) {
            int[] x = word(u.operand(), i);
            r[i] = absTable != null ? Lookup.build(net, x, absTable, out.width())
                    : Lookup.function(net, x, u.function().numerics(), fx, out);
        }
        return r;
    }

    /**
     * Reduce per line (as the reference interpreter): SUM {@code Fixed.sum}, exact then one rounding; MEAN
     * {@code round(S / m)} of the exact sum {@code S}, one rounding ({@link DivideByConstant}, each line by its
     * own form's route); MAX by all-pairs comparison, MIN as the bitwise complement of the maximum of the
     * complements ({@code ~x = -x - 1} reverses the order), both then {@code Fixed.convert}.
     */
    private int[][] reduce(Op.Reduce r, Node n, FixedFormat out) {
        Node src = p.node(r.operand());
        FixedFormat fx = fmt(r.operand());
        List<Long> shape = src.shape();
        int[][] res = new int[Math.toIntExact(n.size())][];
        int len = (int) (long) shape.get(r.axis());
        DivisionRoutes meanRoutes = new DivisionRoutes(rounds);
        for (int f = 0; f < res.length; f++) {
            long[] ix = Shapes.unflatten(f, n.shape());
            int[][] xs = new int[len][];
            for (int t = 0; t < len; t++) {
                ix[r.axis()] = t;
                xs[t] = word(r.operand(), (int) Shapes.flatten(ix, shape));
            }
            res[f] = switch (r.reduction()) {
                case SUM -> {
                    LinearForm form = new LinearForm();
                    for (int[] x : xs) form.addWord(x, 1);
                    yield WeightedSum.toFormat(net, form, fx.fracBits(), out, rounds);
                }
                case MEAN -> {
                    if (len == 1) yield convert(xs[0], fx, out);
                    LinearForm form = new LinearForm();
                    for (int[] x : xs) form.addWord(x, 1);
                    long den = meanDenominator(len, fx, n);
                    yield DivideByConstant.build(net, form, out.fracBits(), den, out, rounds, meanRoutes.route(form, den, out));
                }
                case MAX -> convert(MaxArgmax.max(net, xs), fx, out);
                case MIN -> {
                    int[][] inv = new int[len][];
                    for (int t = 0; t < len; t++) inv[t] = not(xs[t]);
                    yield convert(not(MaxArgmax.max(net, inv)), fx, out);
                }
            };
        }
        return res;
    }

    private static int[] not(int[] w) {
        int[] r = new int[w.length];
        for (int k = 0; k < w.length; k++) r[k] = Literal.not(w[k]);
        return r;
    }

    /** {@code Fixed.convert}: the word itself when the formats agree, else one rounding and saturation. */
    int[] convert(int[] w, FixedFormat fx, FixedFormat out) {
        if (fx.equals(out)) return w;
        return WeightedSum.toFormat(net, new LinearForm().addWord(w, 1), fx.fracBits(), out, rounds);
    }

    // Row ops: softmax, layer norm, RoPE, Kronecker products.

    private interface LineFn {
        int[][] apply(int[][] xs);
    }

    /** A gadget per line along {@code axis} ({@link Layout#lines}, as the reference interpreter goes). */
    private int[][] perLine(int operand, int axis, int size, LineFn f) {
        int[][] r = new int[size][];
        for (int[] line : Layout.lines(p.node(operand).shape(), axis)) {
            int[][] xs = new int[line.length][];
            for (int i = 0; i < line.length; i++) xs[i] = word(operand, line[i]);
            int[][] y = f.apply(xs);
            for (int i = 0; i < line.length; i++) r[line[i]] = y[i];
        }
        return r;
    }

    /** {@link tc0.compiler.gadgets.MaskedSoftmax} per line along the axis, with the mask's literals at the same positions. */
    private int[][] maskedSoftmax(Op.MaskedSoftmax s, int size, FixedFormat out) {
        int[][] r = new int[size][];
        for (int[] line : Layout.lines(p.node(s.operand()).shape(), s.axis())) {
            int[][] xs = new int[line.length][];
            int[] mask = new int[line.length];
            for (int i = 0; i < line.length; i++) { xs[i] = word(s.operand(), line[i]); mask[i] = words[s.mask()][line[i]][0]; }
            int[][] y = tc0.compiler.gadgets.MaskedSoftmax.build(net, xs, mask, fmt(s.operand()), s.expFormat(), out);
            for (int i = 0; i < line.length; i++) r[line[i]] = y[i];
        }
        return r;
    }

    /** {@link tc0.compiler.gadgets.MaskedMean} per output element: its line along the axis, with the mask's bits beside. */
    private int[][] maskedMean(Op.MaskedMean op, Node n, FixedFormat out) {
        List<Long> shape = p.node(op.operand()).shape();
        int len = (int) (long) shape.get(op.axis());
        int[][] res = new int[Math.toIntExact(n.size())][];
        for (int f = 0; f < res.length; f++) {
            long[] ix = Shapes.unflatten(f, n.shape());
            int[][] xs = new int[len][];
            int[] mask = new int[len];
            for (int t = 0; t < len; t++) {
                ix[op.axis()] = t;
                int at = (int) Shapes.flatten(ix, shape);
                xs[t] = word(op.operand(), at);
                mask[t] = words[op.mask()][at][0];
            }
            res[f] = tc0.compiler.gadgets.MaskedMean.build(net, xs, mask, fmt(op.operand()), out);
        }
        return res;
    }

    /** Row i rotated at position i ({@link Rope#apply}): constant coefficients, two weighted sums per pair. */
    private int[][] rope(Op.Rope op, Node n, FixedFormat out) {
        int m = (int) n.dim(0), k = (int) n.dim(1);
        int[][] r = new int[m * k][];
        for (int i = 0; i < m; i++) {
            int[][] v = new int[k][];
            for (int j = 0; j < k; j++) v[j] = word(op.operand(), i * k + j);
            int[][] y = Rope.apply(net, v, i, op.base(), fmt(op.operand()), op.coefficientFormat(), out, rounds);
            System.arraycopy(y, 0, r, i * k, k);
        }
        return r;
    }

    /** Each entry one product {@code Fixed.mul} of the operands' entries the reference interpreter pairs. */
    private int[][] kron(Op.Kron op, Node n, FixedFormat out) {
        List<Long> sa = p.node(op.left()).shape(), sb = p.node(op.right()).shape();
        boolean bits = n.elem() instanceof Elem.Bit; // two masks: the AND of their bits
        FixedFormat fa = bits ? null : fmt(op.left()), fb = bits ? null : fmt(op.right());
        int rows = (int) n.dim(0), cols = (int) n.dim(1);
        int[][] r = new int[rows * cols][];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int ia = op.leftIndex(i, j, cols, sa, sb), ib = op.rightIndex(i, j, cols, sb);
                if (bits) { r[i * cols + j] = new int[] {and(words[op.left()][ia][0], words[op.right()][ib][0])}; continue; }
                r[i * cols + j] = Multiply.folding(net, word(op.left(), ia), fa, word(op.right(), ib), fb, out, rounds);
            }
        }
        return r;
    }

    /** The AND of two bits, a constant or one of them where either is constant. */
    private int and(int x, int y) {
        if (x == Literal.FALSE || y == Literal.FALSE) return Literal.FALSE;
        if (x == Literal.TRUE) return y;
        if (y == Literal.TRUE) return x;
        return net.and(x, y);
    }

    // ---- division by a constant: mean and resampling ----

    /** {@code m 2^Fx}, the mean's denominator (the exact sum is over codes of {@code fx}). */
    private static long meanDenominator(int len, FixedFormat fx, Node n) {
        if (Long.numberOfLeadingZeros(len) <= fx.fracBits() + 1) {
            throw new UnsupportedOperationException("mean of " + len + " terms of " + fx + " needs a denominator beyond 63 bits (node "
                    + n.id() + ", region " + n.region() + ")");
        }
        return (long) len << fx.fracBits();
    }

    /** {@link tc0.compiler.gadgets.Scan} per line along axis 0 (column c of {@code [m, ...]}: flat t * cols + c). */
    private int[][] scanExp(Op.ScanExp s, Node n, FixedFormat out) {
        int m = (int) n.dim(0), size = Math.toIntExact(n.size()), cols = size / m;
        int[][] r = new int[size][];
        for (int c = 0; c < cols; c++) {
            int[][] z = new int[m][], x = new int[m][];
            for (int t = 0; t < m; t++) { z[t] = word(s.z(), t * cols + c); x[t] = word(s.b(), t * cols + c); }
            int[][] h = tc0.compiler.gadgets.Scan.build(net, z, fmt(s.z()), x, fmt(s.b()), s.expFormat(), out, rounds);
            for (int t = 0; t < m; t++) r[t * cols + c] = h[t];
        }
        return r;
    }
}
