package tc0.compiler.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.FloatCodes;
import tc0.compiler.numerics.FloatExpReference;
import tc0.compiler.numerics.FloatFunctions;
import tc0.compiler.numerics.FloatRowOps;
import tc0.compiler.numerics.Fixed;

/**
 * The exact interpreter of a program under {@code precision float(p: P, e: E)}: every value a {@link ChiangFloat}
 * (or a bit), every operation its exact result rounded once ({@link ChiangFloat.Format#round}), as docs/NUMERICS.md
 * ("The float regime") states: {@code + - * /}, sqrt and recip one rounding each (a division by zero the largest
 * magnitude, {@link ChiangFloat#divide}); mean the rounded sum divided by the count, rounded; a sum along an axis the exact sum of its
 * terms, rounded once ({@code d_sum}); a matrix product's entry the products {@code a_ik b_kj} each rounded, then
 * their exact sum rounded once; a bit times a float exact; relu, where and wiring exact; exp, the activations, max,
 * softmax, layer norm, RoPE and scanexp as {@link FloatExpReference}, {@link FloatFunctions} and {@link FloatRowOps}
 * state them (each step one rounding; exp and log the construction's approximation rounded once). Constants are held as the
 * doubles that are their p-bit values ({@code Weights.floatCode}); inputs and outputs are packed codes
 * ({@link FloatCodes}), so run and verify need {@code p + e + 1 <= 63}.
 */
public final class FloatInterpreter {
    private final TensorProgram p;
    private final ChiangFloat.Format f;
    private final ChiangFloat[][] floats;
    private final long[][] bits;

    private FloatInterpreter(TensorProgram p, ChiangFloat.Format f) {
        this.p = p;
        this.f = f;
        this.floats = new ChiangFloat[p.nodes().size()][];
        this.bits = new long[p.nodes().size()][];
    }

    /** The outputs' codes by name, for inputs given as codes by name (bits as 0 and 1, floats packed). */
    public static Map<String, long[]> run(TensorProgram p, Map<String, long[]> inputs) {
        long[][] all = evaluate(p, inputs);
        Map<String, long[]> out = new LinkedHashMap<>();
        for (TensorProgram.Port o : p.outputs()) out.put(o.name(), all[o.node()].clone());
        return out;
    }

    /** Every node's codes, indexed by node id. */
    public static long[][] evaluate(TensorProgram p, Map<String, long[]> inputs) {
        ChiangFloat.Format f = p.floats().orElseThrow(() -> new IllegalArgumentException(p.model() + " is not a float program"));
        FloatInterpreter r = new FloatInterpreter(p, f);
        Inputs.check(p, inputs);
        long[][] codes = new long[p.nodes().size()][];
        for (Node n : p.nodes()) {
            r.eval(n, inputs);
            codes[n.id()] = r.bits[n.id()] != null ? r.bits[n.id()] : packed(r.floats[n.id()]);
        }
        return codes;
    }

    /** Every node's values as floats (bits as 0 and 1): the interpreter at any p, inputs given as floats. */
    public static ChiangFloat[][] values(TensorProgram p, Map<String, ChiangFloat[]> inputs) {
        ChiangFloat.Format f = p.floats().orElseThrow();
        FloatInterpreter r = new FloatInterpreter(p, f);
        for (Node n : p.nodes()) {
            if (n.op() instanceof Op.Input in && n.elem() instanceof Elem.Float) r.floats[n.id()] = inputs.get(in.name()).clone();
            else r.eval(n, Map.of());
        }
        ChiangFloat[][] out = new ChiangFloat[p.nodes().size()][];
        for (int i = 0; i < out.length; i++) out[i] = r.floats[i] != null ? r.floats[i] : asFloats(r, r.bits[i]);
        return out;
    }

    private static ChiangFloat[] asFloats(FloatInterpreter r, long[] bits) {
        ChiangFloat[] x = new ChiangFloat[bits.length];
        for (int i = 0; i < bits.length; i++) x[i] = bits[i] != 0 ? FloatCodes.round(r.f, 1) : r.f.zero();
        return x;
    }

    private static long[] packed(ChiangFloat[] xs) {
        long[] c = new long[xs.length];
        for (int i = 0; i < xs.length; i++) c[i] = FloatCodes.code(xs[i]);
        return c;
    }

    private void eval(Node n, Map<String, long[]> inputs) {
        int size = Math.toIntExact(n.size());
        if (n.elem() instanceof Elem.Bit) {
            bits[n.id()] = switch (n.op()) {
                case Op.Input in -> inputs.get(in.name()).clone();
                case Op.Constant c -> c.codes();
                case Op.Fill fill -> filled(size, fill.code());
                case Op.Broadcast b -> gatherBits(n);
                case Op.Transpose t -> gatherBits(n);
                case Op.Reshape r -> gatherBits(n);
                case Op.Slice s -> gatherBits(n);
                case Op.Concat c -> gatherBits(n);
                default -> throw unsupported(n);
            };
            return;
        }
        floats[n.id()] = switch (n.op()) {
            case Op.Input in -> {
                ChiangFloat[] r = new ChiangFloat[size];
                long[] c = inputs.get(in.name());
                for (int i = 0; i < size; i++) r[i] = FloatCodes.of(f, c[i]);
                yield r;
            }
            case Op.Constant c -> {
                ChiangFloat[] r = new ChiangFloat[size];
                for (int i = 0; i < size; i++) r[i] = constant(c.code(i));
                yield r;
            }
            case Op.Fill fill -> {
                ChiangFloat[] r = new ChiangFloat[size];
                java.util.Arrays.fill(r, constant(fill.code()));
                yield r;
            }
            case Op.Broadcast b -> gather(n);
            case Op.Transpose t -> gather(n);
            case Op.Reshape r -> gather(n);
            case Op.Slice s -> gather(n);
            case Op.Concat c -> gather(n);
            case Op.Elementwise e -> {
                ChiangFloat[] r = new ChiangFloat[size];
                for (int i = 0; i < size; i++) {
                    ChiangFloat x = value(e.left(), i), y = value(e.right(), i);
                    r[i] = switch (e.arith()) {
                        case ADD -> ChiangFloat.add(x, y);
                        case SUB -> ChiangFloat.add(x, negate(y));
                        case MUL -> ChiangFloat.multiply(x, y);
                        case DIV -> ChiangFloat.divide(x, y);
                    };
                }
                yield r;
            }
            case Op.MatMul m -> matmul(m, n);
            case Op.Unary u when FLOAT_FUNCTIONS.contains(u.function()) -> {
                ChiangFloat[] r = new ChiangFloat[size];
                for (int i = 0; i < size; i++) r[i] = function(u.function(), value(u.operand(), i));
                yield r;
            }
            case Op.Reduce r when r.reduction() != Op.Reduction.MEAN -> {
                int[][] lines = Layout.lines(p.node(r.operand()).shape(), r.axis());
                ChiangFloat[] res = new ChiangFloat[lines.length];
                for (int l = 0; l < lines.length; l++) {
                    List<ChiangFloat> terms = line(r.operand(), lines[l]);
                    res[l] = switch (r.reduction()) {
                        case MAX -> FloatRowOps.max(terms);
                        case MIN -> FloatRowOps.min(terms);
                        default -> ChiangFloat.sum(f, terms);
                    };
                }
                yield res;
            }
            case Op.Softmax s -> softmax(s.operand(), -1, s.axis(), size);
            case Op.MaskedSoftmax s -> softmax(s.operand(), s.mask(), s.axis(), size);
            case Op.LayerNorm ln -> {
                ChiangFloat[] r = new ChiangFloat[size];
                for (int[] l : Layout.lines(n.shape(), n.rank() - 1)) {
                    ChiangFloat[] y = FloatRowOps.layerNorm(line(ln.operand(), l));
                    for (int k = 0; k < l.length; k++) r[l[k]] = y[k];
                }
                yield r;
            }
            case Op.Rope rope -> rope(rope, n);
            case Op.ScanExp sc -> {
                ChiangFloat[] r = new ChiangFloat[size];
                for (int[] l : Layout.lines(n.shape(), 0)) {
                    ChiangFloat[] h = FloatRowOps.scan(line(sc.z(), l), line(sc.b(), l));
                    for (int k = 0; k < l.length; k++) r[l[k]] = h[k];
                }
                yield r;
            }
            case Op.Kron k -> {
                List<Long> sa = p.node(k.left()).shape(), sb = p.node(k.right()).shape();
                int rows = (int) n.dim(0), cols = (int) n.dim(1);
                ChiangFloat[] r = new ChiangFloat[size];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        r[i * cols + j] = ChiangFloat.multiply(value(k.left(), k.leftIndex(i, j, cols, sa, sb)), value(k.right(), k.rightIndex(i, j, cols, sb)));
                    }
                }
                yield r;
            }
            case Op.Select s -> {
                ChiangFloat[] r = new ChiangFloat[size];
                for (int i = 0; i < size; i++) r[i] = bits[s.cond()][i] != 0 ? value(s.a(), i) : value(s.b(), i);
                yield r;
            }
            default -> throw unsupported(n);
        };
    }

    /** The elementwise functions of the float regime. */
    public static final java.util.Set<Op.Function> FLOAT_FUNCTIONS = java.util.EnumSet.of(Op.Function.RELU, Op.Function.SQRT,
            Op.Function.RECIP, Op.Function.EXP, Op.Function.SIGMOID, Op.Function.SILU, Op.Function.SOFTPLUS, Op.Function.GELU);

    private static ChiangFloat function(Op.Function fn, ChiangFloat x) {
        return switch (fn) {
            case SQRT -> ChiangFloat.sqrt(x);
            case RECIP -> ChiangFloat.reciprocal(x);
            case EXP -> FloatExpReference.exp(x);
            case SIGMOID -> FloatFunctions.sigmoid(x);
            case SILU -> FloatFunctions.silu(x);
            case SOFTPLUS -> FloatFunctions.softplus(x);
            case GELU -> FloatFunctions.gelu(x);
            case RELU -> relu(x);
            default -> throw new IllegalArgumentException(fn + " is not a float function");
        };
    }

    private List<ChiangFloat> line(int id, int[] at) {
        List<ChiangFloat> xs = new ArrayList<>(at.length);
        for (int i : at) xs.add(value(id, i));
        return xs;
    }

    /** Softmax along {@code axis}; an entry whose mask bit is 0 is left out and is 0 ({@code mask} -1: none). */
    private ChiangFloat[] softmax(int operand, int mask, int axis, int size) {
        ChiangFloat[] r = new ChiangFloat[size];
        for (int[] l : Layout.lines(p.node(operand).shape(), axis)) {
            boolean[] kept = new boolean[l.length];
            for (int k = 0; k < l.length; k++) kept[k] = mask < 0 || bits[mask][l[k]] != 0;
            ChiangFloat[] y = FloatRowOps.softmax(line(operand, l), kept);
            for (int k = 0; k < l.length; k++) r[l[k]] = y[k];
        }
        return r;
    }

    /** Row i, pair (2j, 2j + 1) rotated by {@code i base^(-2j/k)} with coefficients rounded to p bits. */
    private ChiangFloat[] rope(Op.Rope op, Node n) {
        int m = (int) n.dim(0), k = (int) n.dim(1);
        ChiangFloat[] r = new ChiangFloat[m * k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k / 2; j++) {
                ChiangFloat[] cs = FloatRowOps.ropeCoefficients(f, Fixed.ropeAngle(i, j, k, op.base()));
                ChiangFloat[] y = FloatRowOps.rope(value(op.operand(), i * k + 2 * j), value(op.operand(), i * k + 2 * j + 1), cs[0], cs[1]);
                r[i * k + 2 * j] = y[0];
                r[i * k + 2 * j + 1] = y[1];
            }
        }
        return r;
    }

    /** Entry (i, j): the products each rounded, then their exact sum rounded once. */
    private ChiangFloat[] matmul(Op.MatMul m, Node n) {
        List<Long> ls = p.node(m.left()).shape();
        int rows = (int) (long) ls.get(0), inner = (int) (long) ls.get(1), cols = (int) n.dim(1);
        ChiangFloat[] r = new ChiangFloat[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                List<ChiangFloat> terms = new ArrayList<>(inner);
                for (int k = 0; k < inner; k++) terms.add(ChiangFloat.multiply(value(m.left(), i * inner + k), value(m.right(), k * cols + j)));
                r[i * cols + j] = ChiangFloat.sum(f, terms);
            }
        }
        return r;
    }

    /** Element i of a node as a float: a bit is exactly 0 or 1. */
    private ChiangFloat value(int id, int i) {
        if (floats[id] != null) return floats[id][i];
        return bits[id][i] != 0 ? FloatCodes.round(f, 1) : f.zero();
    }

    private ChiangFloat constant(long code) {
        return FloatCodes.round(f, Double.longBitsToDouble(code)); // exact: the double is a p-bit float
    }

    static ChiangFloat negate(ChiangFloat x) {
        return new ChiangFloat(x.format(), !x.negative(), x.significand(), x.biasedExponent()).canonical();
    }

    static ChiangFloat relu(ChiangFloat x) {
        return x.negative() ? x.format().zero() : x.canonical();
    }

    private ChiangFloat[] gather(Node n) {
        int[] g = Layout.gather(p, n);
        ChiangFloat[] r = new ChiangFloat[g.length];
        int first = n.op().operands().getFirst();
        for (int i = 0; i < g.length; i++) r[i] = g[i] >= 0 ? value(first, g[i]) : value(((Op.Concat) n.op()).right(), -g[i] - 1);
        return r;
    }

    private long[] gatherBits(Node n) {
        int[] g = Layout.gather(p, n);
        long[] r = new long[g.length];
        int first = n.op().operands().getFirst();
        for (int i = 0; i < g.length; i++) r[i] = g[i] >= 0 ? bits[first][g[i]] : bits[((Op.Concat) n.op()).right()][-g[i] - 1];
        return r;
    }

    private static long[] filled(int size, long code) {
        long[] r = new long[size];
        java.util.Arrays.fill(r, code);
        return r;
    }

    private static UnsupportedOperationException unsupported(Node n) {
        return new UnsupportedOperationException(n.op().label() + " is not in the float regime yet (node " + n.id() + ", region " + n.region() + ")");
    }
}
