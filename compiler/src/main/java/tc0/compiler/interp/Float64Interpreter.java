package tc0.compiler.interp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.Elem;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.FloatCodes;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.Fixed;

/**
 * The same program in doubles: real functions ({@code UnaryFunction.reference}, {@code Math}), no rounding,
 * no saturation. Inputs are the values of the same codes; weights the values of their (quantised) codes;
 * scalars and RoPE's cos/sin unrounded. Comparing with {@link ReferenceInterpreter} measures the error of
 * the fixed-point arithmetic alone ({@link Float64Errors}).
 */
public final class Float64Interpreter {
    private final TensorProgram p;
    private final double[][] values;

    private Float64Interpreter(TensorProgram p) {
        this.p = p;
        this.values = new double[p.nodes().size()][];
    }

    /** The outputs' values by name, for inputs given as codes by name. */
    public static Map<String, double[]> run(TensorProgram p, Map<String, long[]> inputs) {
        double[][] all = evaluate(p, inputs);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (TensorProgram.Port o : p.outputs()) out.put(o.name(), all[o.node()].clone());
        return out;
    }

    /** Every node's values, indexed by node id. */
    public static double[][] evaluate(TensorProgram p, Map<String, long[]> inputs) {
        if (p.floats().isEmpty()) Inputs.check(p, inputs); // a float program's codes are checked as it decodes them
        Float64Interpreter f = new Float64Interpreter(p);
        for (Node n : p.nodes()) f.values[n.id()] = f.eval(n, inputs);
        return f.values;
    }

    private double[] decode(long[] codes, Node n) {
        double[] r = new double[codes.length];
        for (int i = 0; i < r.length; i++) r[i] = value(n.elem(), codes[i]);
        return r;
    }

    /** A code's value: a fixed-point word's, a packed p-bit float's (to the nearest double), a bit's. */
    static double value(Elem e, long code) {
        return switch (e) {
            case Elem.Bit b -> code;
            case Elem.Word w -> w.format().toDouble(code);
            case Elem.Float f -> {
                ChiangFloat x = FloatCodes.of(f.format(), code);
                double v = Math.scalb(x.significand().doubleValue(), x.exponent());
                yield x.negative() ? -v : v;
            }
        };
    }

    /** A constant's value: a float program holds its constants as the doubles they are ({@code Weights.floatCode}). */
    private static double constant(Elem e, long code) {
        return e instanceof Elem.Float ? Double.longBitsToDouble(code) : value(e, code);
    }

    private double[] eval(Node n, Map<String, long[]> inputs) {
        int size = Math.toIntExact(n.size());
        return switch (n.op()) {
            case Op.Input in -> decode(inputs.get(in.name()), n);
            case Op.Constant c -> {
                long[] codes = c.codes();
                double[] r = new double[size];
                for (int i = 0; i < size; i++) r[i] = constant(n.elem(), codes[i]);
                yield r;
            }
            case Op.Fill f -> {
                double[] r = new double[size];
                Arrays.fill(r, constant(n.elem(), f.code()));
                yield r;
            }
            case Op.MatMul m -> matmul(m, n);
            case Op.Elementwise e -> {
                double[] x = values[e.left()], y = values[e.right()], r = new double[size];
                for (int i = 0; i < size; i++) {
                    r[i] = switch (e.arith()) {
                        case ADD -> x[i] + y[i];
                        case SUB -> x[i] - y[i];
                        case MUL -> x[i] * y[i];
                        case DIV -> x[i] / y[i];
                    };
                }
                yield r;
            }
            case Op.Broadcast b -> gather(n);
            case Op.ScaleByConstant s -> map(values[s.operand()], v -> v * s.value());
            case Op.Unary u -> map(values[u.operand()], u.function() == Op.Function.ABS ? Math::abs
                    : u.function().numerics()::reference);
            case Op.Reduce r -> reduce(r);
            case Op.Softmax s -> perLine(s.operand(), s.axis(), size, Float64Interpreter::softmax);
            case Op.MaskedSoftmax s -> maskedSoftmax(s, size);
            case Op.MaskedMean m -> maskedMean(m, n);
            case Op.Select s -> {
                double[] c = values[s.cond()], a = values[s.a()], b = values[s.b()], r = new double[size];
                for (int i = 0; i < size; i++) r[i] = c[i] != 0 ? a[i] : b[i];
                yield r;
            }
            case Op.LayerNorm l -> {
                double eps = l.epsFormat().toDouble(l.eps());
                yield perLine(l.operand(), n.rank() - 1, size, xs -> layerNorm(xs, eps));
            }
            case Op.Rope r -> rope(r, n);
            case Op.ScanExp s -> scanExp(s, n);
            case Op.Kron k -> kron(k, n);
            case Op.Upsample u -> resample(n, u.operand(), u.mode());
            case Op.Downsample d -> resample(n, d.operand(), d.mode());
            case Op.Concat c -> gather(n);
            case Op.Slice s -> gather(n);
            case Op.Reshape r -> gather(n);
            case Op.Transpose t -> gather(n);
        };
    }

    /** Softmax in double over the kept entries of each line, 0 elsewhere and on a line with none kept. */
    private double[] maskedSoftmax(Op.MaskedSoftmax s, int size) {
        double[] x = values[s.operand()], m = values[s.mask()], r = new double[size];
        for (int[] line : Layout.lines(p.node(s.operand()).shape(), s.axis())) {
            double mx = Double.NEGATIVE_INFINITY, sum = 0;
            for (int i : line) if (m[i] != 0) mx = Math.max(mx, x[i]);
            for (int i : line) if (m[i] != 0) sum += Math.exp(x[i] - mx);
            for (int i : line) r[i] = m[i] != 0 ? Math.exp(x[i] - mx) / sum : 0;
        }
        return r;
    }

    /** The mean in double of each line's kept entries, 0 where none is kept. */
    private double[] maskedMean(Op.MaskedMean op, Node n) {
        double[] x = values[op.operand()], m = values[op.mask()];
        java.util.List<Long> shape = p.node(op.operand()).shape();
        int len = (int) (long) shape.get(op.axis());
        double[] r = new double[Math.toIntExact(n.size())];
        for (int f = 0; f < r.length; f++) {
            long[] ix = tc0.compiler.ir.Shapes.unflatten(f, n.shape());
            double sum = 0;
            int kept = 0;
            for (int t = 0; t < len; t++) {
                ix[op.axis()] = t;
                int at = (int) tc0.compiler.ir.Shapes.flatten(ix, shape);
                if (m[at] != 0) { sum += x[at]; kept++; }
            }
            r[f] = kept == 0 ? 0 : sum / kept;
        }
        return r;
    }

    private static double[] map(double[] x, java.util.function.DoubleUnaryOperator f) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) r[i] = f.applyAsDouble(x[i]);
        return r;
    }

    private double[] gather(Node n) {
        int[] g = Layout.gather(p, n);
        double[] a = values[n.op().operands().getFirst()];
        double[] b = n.op().operands().size() > 1 ? values[n.op().operands().get(1)] : null;
        double[] r = new double[g.length];
        for (int i = 0; i < g.length; i++) r[i] = g[i] >= 0 ? a[g[i]] : b[-g[i] - 1];
        return r;
    }

    private double[] matmul(Op.MatMul m, Node n) {
        int rows = (int) n.dim(0), inner = (int) p.node(m.left()).dim(1), cols = (int) n.dim(1);
        double[] a = values[m.left()], b = values[m.right()], r = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double s = 0;
                for (int k = 0; k < inner; k++) s += a[i * inner + k] * b[k * cols + j];
                r[i * cols + j] = s;
            }
        }
        return r;
    }

    private double[] reduce(Op.Reduce r) {
        double[] x = values[r.operand()];
        int[][] lines = Layout.lines(p.node(r.operand()).shape(), r.axis());
        double[] res = new double[lines.length];
        for (int l = 0; l < lines.length; l++) {
            double acc = switch (r.reduction()) {
                case SUM, MEAN -> 0;
                case MAX -> Double.NEGATIVE_INFINITY;
                case MIN -> Double.POSITIVE_INFINITY;
            };
            for (int i : lines[l]) {
                acc = switch (r.reduction()) {
                    case SUM, MEAN -> acc + x[i];
                    case MAX -> Math.max(acc, x[i]);
                    case MIN -> Math.min(acc, x[i]);
                };
            }
            res[l] = r.reduction() == Op.Reduction.MEAN ? acc / lines[l].length : acc;
        }
        return res;
    }

    private interface RowFn {
        double[] apply(double[] xs);
    }

    private double[] perLine(int operand, int axis, int size, RowFn f) {
        double[] x = values[operand], r = new double[size];
        for (int[] line : Layout.lines(p.node(operand).shape(), axis)) {
            double[] xs = new double[line.length];
            for (int i = 0; i < line.length; i++) xs[i] = x[line[i]];
            double[] y = f.apply(xs);
            for (int i = 0; i < line.length; i++) r[line[i]] = y[i];
        }
        return r;
    }

    static double[] softmax(double[] xs) {
        double m = Arrays.stream(xs).max().orElseThrow(), s = 0;
        double[] e = new double[xs.length];
        for (int i = 0; i < xs.length; i++) s += e[i] = Math.exp(xs[i] - m);
        for (int i = 0; i < xs.length; i++) e[i] /= s;
        return e;
    }

    static double[] layerNorm(double[] xs, double eps) {
        double mean = Arrays.stream(xs).sum() / xs.length, v = 0;
        for (double x : xs) v += (x - mean) * (x - mean);
        double r = 1 / Math.sqrt(v / xs.length + eps);
        return Arrays.stream(xs).map(x -> (x - mean) * r).toArray();
    }

    private double[] rope(Op.Rope op, Node n) {
        int m = (int) n.dim(0), k = (int) n.dim(1);
        double[] x = values[op.operand()], r = new double[m * k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k / 2; j++) {
                double t = Fixed.ropeAngle(i, j, k, op.base()), c = Math.cos(t), s = Math.sin(t);
                double a = x[i * k + 2 * j], b = x[i * k + 2 * j + 1];
                r[i * k + 2 * j] = c * a - s * b;
                r[i * k + 2 * j + 1] = s * a + c * b;
            }
        }
        return r;
    }

    /** The real recurrence {@code h_t = exp(z_t) h_(t-1) + b_t} (equal to the unrolled sum in exact arithmetic). */
    private double[] scanExp(Op.ScanExp op, Node n) {
        double[] z = values[op.z()], b = values[op.b()], r = new double[Math.toIntExact(n.size())];
        for (int[] line : Layout.lines(n.shape(), 0)) {
            double h = 0;
            for (int at : line) r[at] = h = Math.exp(z[at]) * h + b[at];
        }
        return r;
    }

    private double[] kron(Op.Kron op, Node n) {
        List<Long> sa = p.node(op.left()).shape(), sb = p.node(op.right()).shape();
        double[] a = values[op.left()], b = values[op.right()], r = new double[Math.toIntExact(n.size())];
        int rows = (int) n.dim(0), cols = (int) n.dim(1);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                boolean row = op.kind() == Op.KronKind.ROW;
                int q = (int) (long) sb.get(row ? 1 : 0);
                int ia = row ? i * (int) (long) sa.get(1) + j / q : (i / q) * cols + j;
                int ib = row ? i * q + j % q : (i % q) * cols + j;
                r[i * cols + j] = a[ia] * b[ib];
            }
        }
        return r;
    }

    private double[] resample(Node n, int operand, Op.Interpolation mode) {
        double[] x = values[operand];
        Layout.Stencil[] st = Layout.stencils(n, p.node(operand), mode);
        double[] r = new double[st.length];
        for (int f = 0; f < st.length; f++) {
            double s = 0;
            for (int t = 0; t < st[f].index().length; t++) s += st[f].weight()[t] * x[st[f].index()[t]];
            r[f] = s / st[f].denominator();
        }
        return r;
    }
}
