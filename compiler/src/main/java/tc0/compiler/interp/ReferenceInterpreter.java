package tc0.compiler.interp;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Rounding;
import tc0.compiler.numerics.SelectiveScan;
import tc0.compiler.numerics.UnaryFunction;

/**
 * The exact interpreter: every node's codes, computed by the numerics package ({@link Fixed},
 * {@link Rounding}, {@link UnaryFunction}) exactly as docs/NUMERICS.md and docs/COMPILER.md define them. A
 * circuit compiled from the program must equal it bit for bit. Deterministic: same program, same inputs,
 * same codes.
 */
public final class ReferenceInterpreter {
    private final TensorProgram p;
    private final long[][] values;
    private final Map<String, Map<Long, Long>> memo = new HashMap<>();

    private ReferenceInterpreter(TensorProgram p) {
        this.p = p;
        this.values = new long[p.nodes().size()][];
    }

    /** The outputs' codes by name, for inputs given as codes by name (bits as 0 and 1). */
    public static Map<String, long[]> run(TensorProgram p, Map<String, long[]> inputs) {
        if (p.floats().isPresent()) return FloatInterpreter.run(p, inputs);
        long[][] all = evaluate(p, inputs);
        Map<String, long[]> out = new LinkedHashMap<>();
        for (TensorProgram.Port o : p.outputs()) out.put(o.name(), all[o.node()].clone());
        return out;
    }

    /** Every node's codes, indexed by node id. */
    public static long[][] evaluate(TensorProgram p, Map<String, long[]> inputs) {
        if (p.floats().isPresent()) return FloatInterpreter.evaluate(p, inputs);
        Inputs.check(p, inputs);
        ReferenceInterpreter r = new ReferenceInterpreter(p);
        for (Node n : p.nodes()) r.values[n.id()] = r.eval(n, inputs);
        return r.values;
    }

    private long[] eval(Node n, Map<String, long[]> inputs) {
        FixedFormat out = n.elem().asFixed();
        int size = Math.toIntExact(n.size());
        return switch (n.op()) {
            case Op.Input in -> inputs.get(in.name()).clone();
            case Op.Constant c -> c.codes();
            case Op.Fill f -> filled(size, f.code());
            case Op.MatMul m -> matmul(m, n, out);
            case Op.Elementwise e -> {
                long[] x = values[e.left()], y = values[e.right()];
                FixedFormat fx = fmt(e.left()), fy = fmt(e.right());
                long[] r = new long[size];
                for (int i = 0; i < size; i++) {
                    r[i] = switch (e.arith()) {
                        case ADD -> Fixed.add(x[i], fx, y[i], fy, out);
                        case SUB -> Fixed.sub(x[i], fx, y[i], fy, out);
                        case MUL -> Fixed.mul(x[i], fx, y[i], fy, out);
                        case DIV -> Fixed.div(x[i], fx, y[i], fy, out);
                    };
                }
                yield r;
            }
            case Op.Broadcast b -> gather(n);
            case Op.ScaleByConstant s -> {
                long[] x = values[s.operand()], r = new long[size];
                for (int i = 0; i < size; i++) r[i] = Fixed.mul(x[i], fmt(s.operand()), s.coefficient(), s.coefficientFormat(), out);
                yield r;
            }
            case Op.Unary u -> unary(u, size, out);
            case Op.Reduce r -> reduce(r, n, out);
            case Op.Softmax s -> perLine(s.operand(), s.axis(), size, xs -> Fixed.softmax(xs, fmt(s.operand()), s.expFormat(), out));
            case Op.MaskedSoftmax s -> maskedSoftmax(s, size, out);
            case Op.MaskedMean m -> maskedMean(m, n, out);
            case Op.Select s -> {
                long[] c = values[s.cond()], a = values[s.a()], b = values[s.b()], r = new long[size];
                for (int i = 0; i < size; i++) r[i] = c[i] != 0 ? Fixed.convert(a[i], fmt(s.a()), out) : Fixed.convert(b[i], fmt(s.b()), out);
                yield r;
            }
            case Op.LayerNorm l -> perLine(l.operand(), n.rank() - 1, size,
                    xs -> Fixed.layerNorm(xs, fmt(l.operand()), l.eps(), l.epsFormat(), l.scaleFormat(), out));
            case Op.Rope r -> rope(r, n, out);
            case Op.ScanExp s -> scanExp(s, n, out);
            case Op.Kron k -> kron(k, n, out);
            case Op.Upsample u -> resample(n, u.operand(), u.mode(), out);
            case Op.Downsample d -> resample(n, d.operand(), d.mode(), out);
            case Op.Concat c -> gather(n);
            case Op.Slice s -> gather(n);
            case Op.Reshape r -> gather(n);
            case Op.Transpose t -> gather(n);
        };
    }

    private FixedFormat fmt(int id) {
        return p.node(id).elem().asFixed();
    }

    private static long[] filled(int size, long code) {
        long[] r = new long[size];
        Arrays.fill(r, code);
        return r;
    }

    private long[] gather(Node n) {
        int[] g = Layout.gather(p, n);
        long[] a = values[n.op().operands().getFirst()];
        long[] b = n.op().operands().size() > 1 ? values[n.op().operands().get(1)] : null;
        long[] r = new long[g.length];
        for (int i = 0; i < g.length; i++) r[i] = g[i] >= 0 ? a[g[i]] : b[-g[i] - 1];
        return r;
    }

    /** Products: each entry {@code Fixed.dot} of a row and a column, exact, one rounding. */
    private long[] matmul(Op.MatMul m, Node n, FixedFormat out) {
        List<Long> ls = p.node(m.left()).shape();
        int rows = (int) (long) ls.get(0), inner = (int) (long) ls.get(1), cols = (int) n.dim(1);
        long[] a = values[m.left()], b = values[m.right()], r = new long[rows * cols];
        long[] row = new long[inner], col = new long[inner];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a, i * inner, row, 0, inner);
            for (int j = 0; j < cols; j++) {
                for (int k = 0; k < inner; k++) col[k] = b[k * cols + j];
                r[i * cols + j] = Fixed.dot(row, fmt(m.left()), col, fmt(m.right()), out);
            }
        }
        return r;
    }

    /** A table entry per element ({@link Fixed#apply}); ABS is {@code |x|} rounded into the output, saturated. */
    private long[] unary(Op.Unary u, int size, FixedFormat out) {
        long[] x = values[u.operand()], r = new long[size];
        FixedFormat fx = fmt(u.operand());
        UnaryFunction f = u.function().numerics();
        Map<Long, Long> cache = memo.computeIfAbsent(u.function() + " " + fx + " " + out, k -> new HashMap<>());
        for (int i = 0; i < size; i++) {
            long c = x[i];
            r[i] = f == null ? Rounding.toFormat(Math.abs(c), fx.fracBits(), out)
                    : cache.computeIfAbsent(c, k -> Fixed.apply(f, k, fx, out));
        }
        return r;
    }

    /** SUM exact then one rounding; MEAN the exact sum over m, one rounding; MAX, MIN on codes, converted. */
    private long[] reduce(Op.Reduce r, Node n, FixedFormat out) {
        FixedFormat fx = fmt(r.operand());
        long[] x = values[r.operand()];
        int[][] lines = Layout.lines(p.node(r.operand()).shape(), r.axis());
        long[] res = new long[lines.length];
        for (int l = 0; l < lines.length; l++) {
            long[] xs = pick(x, lines[l]);
            res[l] = switch (r.reduction()) {
                case SUM -> Fixed.sum(xs, fx, out);
                case MEAN -> {
                    BigInteger s = BigInteger.ZERO;
                    for (long v : xs) s = s.add(BigInteger.valueOf(v));
                    yield out.saturate(Rounding.divRound(s.shiftLeft(out.fracBits()),
                            BigInteger.valueOf(xs.length).shiftLeft(fx.fracBits())));
                }
                case MAX -> Fixed.convert(Fixed.max(xs), fx, out);
                case MIN -> Fixed.convert(-Fixed.max(Arrays.stream(xs).map(v -> -v).toArray()), fx, out);
            };
        }
        return res;
    }

    private interface RowFn {
        long[] apply(long[] xs);
    }

    private long[] perLine(int operand, int axis, int size, RowFn f) {
        long[] x = values[operand], r = new long[size];
        for (int[] line : Layout.lines(p.node(operand).shape(), axis)) {
            long[] y = f.apply(pick(x, line));
            for (int i = 0; i < line.length; i++) r[line[i]] = y[i];
        }
        return r;
    }

    /** {@link Fixed#maskedSoftmax} per line along the axis, the mask's bits read at the same positions. */
    private long[] maskedSoftmax(Op.MaskedSoftmax s, int size, FixedFormat out) {
        long[] x = values[s.operand()], m = values[s.mask()], r = new long[size];
        for (int[] line : Layout.lines(p.node(s.operand()).shape(), s.axis())) {
            boolean[] keep = new boolean[line.length];
            for (int i = 0; i < line.length; i++) keep[i] = m[line[i]] != 0;
            long[] y = Fixed.maskedSoftmax(pick(x, line), keep, fmt(s.operand()), s.expFormat(), out);
            for (int i = 0; i < line.length; i++) r[line[i]] = y[i];
        }
        return r;
    }

    /** {@link Fixed#maskedMean} of each line along the axis, the mask's bits read at the same positions. */
    private long[] maskedMean(Op.MaskedMean op, Node n, FixedFormat out) {
        long[] x = values[op.operand()], m = values[op.mask()];
        List<Long> shape = p.node(op.operand()).shape();
        int len = (int) (long) shape.get(op.axis());
        long[] res = new long[Math.toIntExact(n.size())];
        for (int f = 0; f < res.length; f++) {
            long[] ix = tc0.compiler.ir.Shapes.unflatten(f, n.shape());
            long[] xs = new long[len];
            boolean[] keep = new boolean[len];
            for (int t = 0; t < len; t++) {
                ix[op.axis()] = t;
                int at = (int) tc0.compiler.ir.Shapes.flatten(ix, shape);
                xs[t] = x[at];
                keep[t] = m[at] != 0;
            }
            res[f] = Fixed.maskedMean(xs, keep, fmt(op.operand()), out);
        }
        return res;
    }

    private static long[] pick(long[] x, int[] idx) {
        long[] r = new long[idx.length];
        for (int i = 0; i < idx.length; i++) r[i] = x[idx[i]];
        return r;
    }

    /** Row i, pair j: {@code Fixed.rope} with {@code Fixed.ropeCoefficients(Fixed.ropeAngle(i, j, k, base))}. */
    private long[] rope(Op.Rope op, Node n, FixedFormat out) {
        int m = (int) n.dim(0), k = (int) n.dim(1);
        long[] x = values[op.operand()], r = new long[m * k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k / 2; j++) {
                long[] cs = Fixed.ropeCoefficients(Fixed.ropeAngle(i, j, k, op.base()), op.coefficientFormat());
                long[] y = Fixed.rope(x[i * k + 2 * j], x[i * k + 2 * j + 1], fmt(op.operand()), cs[0], cs[1],
                        op.coefficientFormat(), out);
                r[i * k + 2 * j] = y[0];
                r[i * k + 2 * j + 1] = y[1];
            }
        }
        return r;
    }

    /** {@link SelectiveScan#line} along axis 0, each line (column) separately. */
    private long[] scanExp(Op.ScanExp op, Node n, FixedFormat out) {
        FixedFormat fz = fmt(op.z()), fb = fmt(op.b());
        long[] z = values[op.z()], b = values[op.b()], r = new long[Math.toIntExact(n.size())];
        for (int[] line : Layout.lines(n.shape(), 0)) {
            long[] h = SelectiveScan.line(pick(z, line), fz, pick(b, line), fb, op.expFormat(), out);
            for (int t = 0; t < line.length; t++) r[line[t]] = h[t];
        }
        return r;
    }

    private long[] kron(Op.Kron op, Node n, FixedFormat out) {
        List<Long> sa = p.node(op.left()).shape(), sb = p.node(op.right()).shape();
        long[] a = values[op.left()], b = values[op.right()], r = new long[Math.toIntExact(n.size())];
        boolean bits = n.elem() instanceof tc0.compiler.ir.Elem.Bit; // two masks: the AND of their bits
        FixedFormat fa = bits ? null : fmt(op.left()), fb = bits ? null : fmt(op.right());
        int rows = (int) n.dim(0), cols = (int) n.dim(1);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int ia = op.leftIndex(i, j, cols, sa, sb), ib = op.rightIndex(i, j, cols, sb);
                r[i * cols + j] = bits ? a[ia] & b[ib] : Fixed.mul(a[ia], fa, b[ib], fb, out);
            }
        }
        return r;
    }

    /** {@code sum w_t x_t / D}: exact integer weights, one rounding ({@link Layout#taps}). */
    private long[] resample(Node n, int operand, Op.Interpolation mode, FixedFormat out) {
        FixedFormat fx = fmt(operand);
        long[] x = values[operand];
        Layout.Stencil[] st = Layout.stencils(n, p.node(operand), mode);
        long[] r = new long[st.length];
        for (int f = 0; f < st.length; f++) {
            BigInteger s = BigInteger.ZERO;
            for (int t = 0; t < st[f].index().length; t++) {
                s = s.add(BigInteger.valueOf(st[f].weight()[t]).multiply(BigInteger.valueOf(x[st[f].index()[t]])));
            }
            r[f] = out.saturate(Rounding.divRound(s.shiftLeft(out.fracBits()),
                    BigInteger.valueOf(st[f].denominator()).shiftLeft(fx.fracBits())));
        }
        return r;
    }
}
