package tc0.compiler.elaborate;

import java.util.ArrayList;
import java.util.List;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.FixedFormat;
import tc0.dsl.ast.Expr;
import tc0.dsl.ast.Pos;
import tc0.dsl.check.Builtin;

/**
 * The built-in calls to IR nodes. Internal formats: softmax's exp step, scanexp's decays, layer norm's
 * scale and its eps are in the model's format (eps = one unit of the last place, {@code 2^-F}); RoPE's
 * cos/sin coefficients in {@code fixed(2, F)}; the RoPE base is 10000.
 */
final class BuiltinsToIr {
    static final double ROPE_BASE = 10000;
    /**
     * Widest word a unary function's table is counted over (--count-only; building stops at 2^20 entries): the
     * count looks at every entry, about 9 s for 2^30 (fixed(8, 22)), out of a 5 GiB heap at 2^34 and hours at
     * 2^61. RELU is counted in closed form at any width.
     */
    static final int COUNTED_TABLE_WIDTH = 30;
    /**
     * Functions whose tables --count-only counts from their change points in seconds up to 2^32 entries (gcn's
     * recip of sqrt at n = 2^20, fixed(8, 24): 18 s CPU for the whole model); measured alone on a loaded 2-core
     * machine: sqrt and recip list every change where their slope passes one output unit per code (exp and sin at
     * fixed(8, 24) passed a 5 GiB heap that way: every step of a steep table is a change).
     */
    static final java.util.Set<Op.Function> COUNTED_FROM_CHANGES = java.util.EnumSet.of(Op.Function.SQRT, Op.Function.RECIP);
    static final int WIDEST_COUNTED_FROM_CHANGES = 32;
    /**
     * Functions whose tables over the model's word --count-only counts from a few exact values whatever the width
     * (count.TablePieces: step ranges and strides, at most two windows of 128 codes scanned; GELU, SILU, SOFTPLUS,
     * SIGMOID, TANH at fixed(6, 28) and fixed(8, 32) in under 0.2 s each; ABS two runs), up to 2^40 entries: past
     * that, 64 codes around a turning point come near the error of the doubles that place it.
     */
    static final java.util.Set<Op.Function> COUNTED_FROM_SHAPE = java.util.EnumSet.of(Op.Function.GELU, Op.Function.SILU, Op.Function.SOFTPLUS,
            Op.Function.SIGMOID, Op.Function.TANH, Op.Function.ABS);
    static final int WIDEST_COUNTED_FROM_SHAPE = 40;

    private final AstToTensorIr e;
    /** eye/tril/triu nodes by name and size: one constant per mask, whatever the layers and calls that use it. */
    private final java.util.Map<String, Integer> masks = new java.util.HashMap<>();

    BuiltinsToIr(AstToTensorIr e) {
        this.e = e;
    }

    /** The built-ins that make tensors under precision float: the rest are refused at the call (or act on scalars only). */
    private static final java.util.Set<Builtin> FLOAT_TENSOR_BUILTINS = java.util.EnumSet.of(Builtin.RELU, Builtin.SUM, Builtin.MEAN,
            Builtin.WHERE, Builtin.EYE, Builtin.TRIL, Builtin.TRIU, Builtin.TRANSPOSE, Builtin.CONCAT, Builtin.RESHAPE,
            Builtin.ZEROS, Builtin.ONES, Builtin.LOG2, Builtin.RANDOM, Builtin.LOAD, Builtin.MAX, Builtin.MIN, Builtin.SOFTMAX,
            Builtin.LAYERNORM, Builtin.ROPE, Builtin.SCANEXP, Builtin.ROWKRON, Builtin.COLKRON);

    /** The elementwise functions under precision float (FloatInterpreter.FLOAT_FUNCTIONS: their roundings in docs/NUMERICS.md). */
    static final java.util.Set<Op.Function> FLOAT_FUNCTIONS = tc0.compiler.interp.FloatInterpreter.FLOAT_FUNCTIONS;

    Val call(Builtin bi, Expr.Call c, AstToTensorIr.Frame fr) {
        if (e.floats != null && !FLOAT_TENSOR_BUILTINS.contains(bi) && !bi.isElementwise() && !scalarCall(bi, c)) {
            throw e.notInFloat("'" + bi.text() + "'", c.pos(), fr);
        }
        if (bi.isElementwise()) return unary(bi, c, fr);
        return switch (bi) {
            case LOG2 -> new Val.Scalar(log2(scalar(c, 0, fr), c.pos(), fr));
            case MIN, MAX -> c.args().size() == 2
                    ? new Val.Scalar(bi == Builtin.MIN ? Math.min(scalar(c, 0, fr), scalar(c, 1, fr))
                            : Math.max(scalar(c, 0, fr), scalar(c, 1, fr)))
                    : reduce(bi == Builtin.MIN ? Op.Reduction.MIN : Op.Reduction.MAX, c, fr);
            case SUM -> reduce(Op.Reduction.SUM, c, fr);
            case MEAN -> {
                if (c.namedArg("mask").isPresent()) {
                    if (e.floats != null) throw e.notInFloat("'mean' with a mask", c.pos(), fr);
                    yield maskedMean(c, fr);
                }
                yield e.floats != null ? floatMean(c, fr) : reduce(Op.Reduction.MEAN, c, fr);
            }
            case SOFTMAX -> {
                int x = arg(c, 0, fr);
                Expr maskArg = c.namedArg("mask").orElse(null);
                if (maskArg == null) yield same(new Op.Softmax(x, axis(c, x), e.precision), x, fr);
                int m = e.tensor(e.expr(maskArg, fr), maskArg.pos(), fr, "softmax's mask");
                if (!(e.node(m).elem() instanceof tc0.compiler.ir.Elem.Bit) || !e.node(m).shape().equals(e.node(x).shape())) {
                    throw err(maskArg.pos(), fr, "softmax's mask must be a bit tensor of X's shape " + e.node(x).shape() + "; got "
                            + e.node(m).shape() + " " + e.node(m).elem());
                }
                if (e.floats != null && readsAnInput(m)) throw e.notInFloat("'softmax' with a mask computed from the inputs", maskArg.pos(), fr);
                yield same(new Op.MaskedSoftmax(x, m, axis(c, x), e.precision), x, fr);
            }
            case WHERE -> where(c, fr);
            case EYE, TRIL, TRIU -> squareMask(bi, c, fr);
            case CUMSUM -> cumsum(c, fr);
            case LEAKY_RELU, ELU -> rectifier(bi, c, fr);
            case LAYERNORM -> {
                int x = arg(c, 0, fr);
                yield same(new Op.LayerNorm(x, 1, e.precision, e.precision), x, fr);
            }
            case TRANSPOSE -> {
                int x = arg(c, 0, fr);
                List<Long> s = e.node(x).shape();
                if (s.size() != 2) throw err(c.pos(), fr, "transpose needs [a, b]; got " + s);
                yield tensor(new Op.Transpose(x), List.of(s.get(1), s.get(0)), fr, true, x);
            }
            case ROPE -> {
                int x = arg(c, 0, fr);
                List<Long> s = e.node(x).shape();
                if (s.size() != 2 || s.get(1) % 2 != 0) throw err(c.pos(), fr, "rope needs [m, k] with k even; got " + s);
                yield same(new Op.Rope(x, ROPE_BASE, FixedFormat.of(2, e.precision.fracBits())), x, fr);
            }
            case SCANEXP -> {
                int z = arg(c, 0, fr), b = arg(c, 1, fr);
                if (!e.node(z).shape().equals(e.node(b).shape())) throw err(c.pos(), fr, "scanexp needs equal shapes");
                yield same(new Op.ScanExp(z, b, e.precision), z, fr);
            }
            case ROWKRON, COLKRON -> kron(bi == Builtin.ROWKRON ? Op.KronKind.ROW : Op.KronKind.COL, c, fr);
            case CONCAT -> concat(c, fr);
            case RESHAPE -> {
                int x = arg(c, 0, fr);
                List<Long> to = shapeArg(c.args().get(1), fr);
                if (!sizeOf(to).equals(sizeOf(e.node(x).shape()))) {
                    throw err(c.pos(), fr, "reshape of " + e.node(x).shape() + " to " + to + " changes the element count");
                }
                yield tensor(new Op.Reshape(x), to, fr, true, x);
            }
            case UPSAMPLE, DOWNSAMPLE -> resample(bi == Builtin.UPSAMPLE, c, fr);
            case ZEROS, ONES -> new Val.Tensor(e.fill(bi == Builtin.ZEROS ? 0 : 1, shapeArg(c.args().get(0), fr), fr));
            case RANDOM, LOAD -> throw err(c.pos(), fr, "'" + bi.text() + "' only initialises a weight");
            case EXP, RELU, GELU, SILU, SOFTPLUS, SIGMOID, TANH, SQRT, RECIP, SIN, COS, RSQRT, ABS ->
                    throw new IllegalStateException("elementwise " + bi);
        };
    }

    /** Whether node {@code id} depends on an input (the float softmax lowers constant masks only). */
    private boolean readsAnInput(int id) {
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(id));
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            int n = todo.pop();
            if (!seen.add(n)) continue;
            if (e.node(n).op() instanceof Op.Input) return true;
            todo.addAll(e.node(n).op().operands());
        }
        return false;
    }

    /** Whether the call is of two scalars ({@code min(a, b)}, {@code max(a, b)}): a constant. Elementwise ones are checked on their value. */
    private static boolean scalarCall(Builtin bi, Expr.Call c) {
        return (bi == Builtin.MIN || bi == Builtin.MAX) && c.args().size() == 2;
    }

    private Val unary(Builtin bi, Expr.Call c, AstToTensorIr.Frame fr) {
        Op.Function f = Op.Function.valueOf(bi.name());
        Val v = e.expr(c.args().getFirst(), fr);
        return switch (v) {
            case Val.Scalar s -> new Val.Scalar(Constants.function(f, s.value(), c, fr));
            case Val.Tensor t -> {
                if (e.floats != null && !FLOAT_FUNCTIONS.contains(f)) throw e.notInFloat("'" + bi.text() + "' of a tensor", c.pos(), fr);
                int counted = COUNTED_FROM_SHAPE.contains(f) ? WIDEST_COUNTED_FROM_SHAPE
                        : COUNTED_FROM_CHANGES.contains(f) ? WIDEST_COUNTED_FROM_CHANGES : COUNTED_TABLE_WIDTH;
                int width = e.precision.width();
                // A weight's entries are constants: counting evaluates each alone (a weight's exp at any width).
                boolean constant = e.node(t).op() instanceof Op.Constant;
                if (e.node(t).elem().equals(e.word) && f != Op.Function.RELU && width > COUNTED_TABLE_WIDTH
                        && !(e.counting && (width <= counted || constant))) {
                    String too = tc0.compiler.numerics.Table.tooWide(f.name(), e.precision); // refused before counting scans it
                    throw err(c.pos(), fr, width <= counted ? too.replace("tabulates (", "tabulates (--count-only counts it; ")
                            : too.replace("tabulates (", "tabulates, or the 2^" + counted + " it counts ("));
                }
                yield new Val.Tensor(e.b.add(new Op.Unary(f, t.node()), e.node(t).shape(), e.word, fr.region(f.name().toLowerCase())));
            }
        };
    }

    /** A function of a scalar constant: StrictMath where it has the function (reproducible everywhere). */
    static double scalarFunction(Op.Function f, double x) {
        return switch (f) {
            case EXP -> StrictMath.exp(x);
            case SQRT -> StrictMath.sqrt(Math.max(x, 0));
            case RSQRT -> 1 / StrictMath.sqrt(x);
            case RECIP -> 1 / x;
            case SIN -> StrictMath.sin(x);
            case COS -> StrictMath.cos(x);
            case TANH -> StrictMath.tanh(x);
            case ABS -> Math.abs(x);
            case RELU -> Math.max(x, 0);
            case GELU, SILU, SOFTPLUS, SIGMOID -> f.numerics().reference(x);
        };
    }

    /** where(cond, a, b): the three broadcast to one shape, a and b as words of the model's format. */
    private Val where(Expr.Call c, AstToTensorIr.Frame fr) {
        int cond = arg(c, 0, fr);
        if (!(e.node(cond).elem() instanceof tc0.compiler.ir.Elem.Bit)) throw err(c.args().get(0).pos(), fr, "'where' needs a bit condition");
        Val a = e.expr(c.args().get(1), fr), b = e.expr(c.args().get(2), fr);
        List<Long> out = new ArrayList<>(e.node(cond).shape());
        for (Val v : List.of(a, b)) {
            if (!(v instanceof Val.Tensor t)) continue;
            List<Long> s = e.node(t.node()).shape();
            if (s.size() != out.size()) throw err(c.pos(), fr, "'where' operands of ranks " + out.size() + " and " + s.size());
            for (int i = 0; i < s.size(); i++) {
                if (!s.get(i).equals(out.get(i)) && s.get(i) != 1 && out.get(i) != 1) {
                    throw err(c.pos(), fr, "'where' shapes " + e.node(cond).shape() + " and " + s + " do not broadcast");
                }
                out.set(i, Math.max(s.get(i), out.get(i)));
            }
        }
        e.fits(out, c.pos(), fr);
        if (isBit(a) && isBit(b) && (a instanceof Val.Tensor || b instanceof Val.Tensor)) { // of bits, a bit tensor (a mask)
            int ab = bit(a, out, fr), bb = bit(b, out, fr);
            return new Val.Tensor(e.b.add(new Op.Select(e.broadcast(cond, out, fr), ab, bb), out, tc0.compiler.ir.Elem.BIT, fr.region("where")));
        }
        int ai = word(a, out, c.args().get(1), fr), bi = word(b, out, c.args().get(2), fr);
        return new Val.Tensor(e.b.add(new Op.Select(e.broadcast(cond, out, fr), ai, bi), out, e.word, fr.region("where")));
    }

    private boolean isBit(Val v) {
        return v instanceof Val.Tensor t ? e.node(t.node()).elem() instanceof tc0.compiler.ir.Elem.Bit
                : v instanceof Val.Scalar s && (s.value() == 0 || s.value() == 1);
    }

    /** A bit value as a bit tensor of the given shape (the constant 0 or 1 filled). */
    private int bit(Val v, List<Long> shape, AstToTensorIr.Frame fr) {
        return switch (v) {
            case Val.Scalar s -> e.b.add(new Op.Fill((long) s.value()), shape, tc0.compiler.ir.Elem.BIT, fr.region("fill"));
            case Val.Tensor t -> e.broadcast(t.node(), shape, fr);
        };
    }

    /** A value as a tensor of words of the model's format and the given shape (a scalar filled, bits scaled by 1). */
    private int word(Val v, List<Long> shape, Expr at, AstToTensorIr.Frame fr) {
        return switch (v) {
            case Val.Scalar s -> e.fill(e.term(s.value(), at.pos(), fr), shape, fr);
            case Val.Tensor t -> {
                int id = e.node(t.node()).elem().equals(e.word) ? t.node() : e.scale(t.node(), 1, fr);
                yield e.broadcast(id, shape, fr);
            }
        };
    }

    /**
     * cumsum(X, axis: 0) = tril(m) @ X, axis 1 = X @ triu(k): each entry an exact sum of a prefix, rounded once
     * (a product with a constant bit matrix, a weighted sum per entry).
     */
    private Val cumsum(Expr.Call c, AstToTensorIr.Frame fr) {
        int x = arg(c, 0, fr);
        List<Long> s = e.node(x).shape();
        if (s.size() != 2) throw err(c.pos(), fr, "cumsum needs a matrix [a, b]; got " + s);
        int axis = axis(c, x);
        int mask = ((Val.Tensor) maskOf(axis == 0 ? Builtin.TRIL : Builtin.TRIU, s.get(axis), c, fr)).node();
        return new Val.Tensor(e.b.add(axis == 0 ? new Op.MatMul(mask, x) : new Op.MatMul(x, mask), s, e.word, fr.region("cumsum")));
    }

    /**
     * leaky_relu(X, a) = relu(X) + a (X - relu(X)) and elu(X) = relu(X) + (exp(X - relu(X)) - 1): X - relu(X) =
     * min(X, 0) is exact, so is each sum (one side is 0), so each rounds once: a's product (a at F + 8 fraction
     * bits, as every constant factor), exp's table.
     */
    private Val rectifier(Builtin bi, Expr.Call c, AstToTensorIr.Frame fr) {
        Val v = e.expr(c.args().getFirst(), fr);
        if (v instanceof Val.Scalar s) {
            double x = s.value();
            return new Val.Scalar(x >= 0 ? x : bi == Builtin.ELU ? StrictMath.expm1(x) : x * scalar(c, 1, fr));
        }
        int x = ((Val.Tensor) v).node();
        if (!e.node(x).elem().equals(e.word)) x = e.scale(x, 1, fr);
        var region = fr;
        int relu = e.b.add(new Op.Unary(Op.Function.RELU, x), e.node(x).shape(), e.word, region.region("relu"));
        int neg = e.b.add(new Op.Elementwise(Op.Arith.SUB, x, relu), e.node(x).shape(), e.word, region.region("sub"));
        int below;
        if (bi == Builtin.LEAKY_RELU) {
            below = e.scale(neg, scalar(c, 1, fr), fr);
        } else {
            int ex = e.b.add(new Op.Unary(Op.Function.EXP, neg), e.node(x).shape(), e.word, region.region("exp"));
            int one = e.fill(1, e.node(x).shape(), fr);
            below = e.b.add(new Op.Elementwise(Op.Arith.SUB, ex, one), e.node(x).shape(), e.word, region.region("sub"));
        }
        return new Val.Tensor(e.b.add(new Op.Elementwise(Op.Arith.ADD, relu, below), e.node(x).shape(), e.word, region.region(bi.text())));
    }

    private Val maskOf(Builtin bi, long n, Expr.Call c, AstToTensorIr.Frame fr) {
        return squareMask(bi, n, c, fr);
    }

    /** eye(n), tril(n), triu(n): constant [n, n] bits (no gates; a mask folds into what reads it). */
    private Val squareMask(Builtin bi, Expr.Call c, AstToTensorIr.Frame fr) {
        return squareMask(bi, scalar(c, 0, fr), c, fr);
    }

    private Val squareMask(Builtin bi, double v, Expr.Call c, AstToTensorIr.Frame fr) {
        if (v != Math.rint(v) || v < 1) throw err(c.pos(), fr, bi.text() + " needs a size >= 1; got " + Constants.show(v));
        if (v * v > Integer.MAX_VALUE && !e.counting) {
            throw err(c.pos(), fr, bi.text() + "(" + (long) v + ") has " + Constants.show(v * v) + " entries; at most 2^31 - 1 are held"
                    + " (--count-only counts it)");
        }
        long n = (long) v;
        Integer made = masks.get(bi.text() + "(" + n + ")");
        if (made != null) return new Val.Tensor(made);
        Op.Constant.Pattern pattern = switch (bi) { // their diagonal, not n^2 codes (counting reads it so at any n)
            case TRIL -> new Op.Constant.Triangle(n, n, 0, 1, 0);
            case TRIU -> new Op.Constant.Triangle(n, n, -1, 0, 1);
            default -> new Op.Constant.Diagonal(n, n, 0, 1, 0); // eye
        };
        Op.Constant k = new Op.Constant(bi.text() + "(" + n + ")", pattern);
        int id = e.b.add(k, List.of(n, n), tc0.compiler.ir.Elem.BIT, fr.region(bi.text()));
        masks.put(bi.text() + "(" + n + ")", id);
        return new Val.Tensor(id);
    }

    /** Under precision float: the sum rounded once, then divided by the count (a float), rounded once: two roundings. */
    private Val floatMean(Expr.Call c, AstToTensorIr.Frame fr) {
        int x = arg(c, 0, fr);
        long count = e.node(x).dim(axis(c, x));
        int sum = ((Val.Tensor) reduce(Op.Reduction.SUM, c, fr)).node();
        List<Long> s = e.node(sum).shape();
        return new Val.Tensor(e.b.add(new Op.Elementwise(Op.Arith.DIV, sum, e.fill(count, s, fr)), s, e.word, fr.region("mean")));
    }

    private Val reduce(Op.Reduction r, Expr.Call c, AstToTensorIr.Frame fr) {
        int x = arg(c, 0, fr);
        int axis = axis(c, x);
        List<Long> s = new ArrayList<>(e.node(x).shape());
        s.set(axis, 1L);
        return tensor(new Op.Reduce(r, axis, x), s, fr, false, x);
    }

    /**
     * mean(X, axis: k, mask: M): M a bit tensor broadcasting to X's shape (an adjacency [n, n], a node mask [n, 1]),
     * made X's shape by wiring; the mean of each line's kept entries, one rounding, 0 where none is kept.
     */
    private Val maskedMean(Expr.Call c, AstToTensorIr.Frame fr) {
        int x = arg(c, 0, fr);
        Expr maskArg = c.namedArg("mask").orElseThrow();
        int m = e.tensor(e.expr(maskArg, fr), maskArg.pos(), fr, "mean's mask");
        List<Long> xs = e.node(x).shape(), ms = e.node(m).shape();
        boolean fits = ms.size() == xs.size();
        for (int i = 0; fits && i < xs.size(); i++) fits = ms.get(i).equals(xs.get(i)) || ms.get(i) == 1;
        if (!(e.node(m).elem() instanceof tc0.compiler.ir.Elem.Bit) || !fits) {
            throw err(maskArg.pos(), fr, "mean's mask must be a bit tensor of X's shape " + xs + " (or 1 on an axis, repeated); got "
                    + ms + " " + e.node(m).elem());
        }
        int axis = axis(c, x);
        List<Long> s = new ArrayList<>(xs);
        s.set(axis, 1L);
        return tensor(new Op.MaskedMean(x, e.broadcast(m, xs, fr), axis), s, fr, false, x);
    }

    private Val kron(Op.KronKind kind, Expr.Call c, AstToTensorIr.Frame fr) {
        int a = arg(c, 0, fr), b = arg(c, 1, fr);
        List<Long> sa = e.node(a).shape(), sb = e.node(b).shape();
        boolean row = kind == Op.KronKind.ROW;
        if (sa.size() != 2 || sb.size() != 2 || !sa.get(row ? 0 : 1).equals(sb.get(row ? 0 : 1))) {
            throw err(c.pos(), fr, c.callee() + " shapes " + sa + " and " + sb + " do not fit");
        }
        List<Long> out = e.fits(row ? List.of(sa.get(0), sa.get(1) * sb.get(1)) : List.of(sa.get(0) * sb.get(0), sa.get(1)), c.pos(), fr);
        if (e.node(a).op() instanceof Op.Constant ca && e.node(b).op() instanceof Op.Constant cb
                && e.node(a).elem() instanceof tc0.compiler.ir.Elem.Bit && e.node(b).elem() instanceof tc0.compiler.ir.Elem.Bit) {
            if (out.get(0) * out.get(1) <= e.foldedMaskEntries) {
                return bitKron(new Op.Kron(kind, a, b), ca, cb, sa, sb, out, c, fr); // two constant masks: a constant mask
            }
            // Larger: kept as the product of its factors (the AND of two bits), which counting reads by groups.
            Op.Kron k = new Op.Kron(kind, a, b);
            return new Val.Tensor(e.b.add(k, out, tc0.compiler.ir.Elem.BIT, fr.region(k.label())));
        }
        return tensor(new Op.Kron(kind, a, b), out, fr, false, a);
    }

    /** The products (ANDs) of two constant bit tensors, a constant bit tensor: no gates. */
    private Val bitKron(Op.Kron k, Op.Constant ca, Op.Constant cb, List<Long> sa, List<Long> sb, List<Long> out, Expr.Call c,
            AstToTensorIr.Frame fr) {
        long size = out.get(0) * out.get(1);
        if (size > Integer.MAX_VALUE) {
            throw err(c.pos(), fr, c.callee() + " of two masks " + sa + " and " + sb + " has " + size + " entries; a constant mask holds at most 2^31 - 1");
        }
        int rows = (int) (long) out.get(0), cols = (int) (long) out.get(1);
        long[] codes = new long[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) codes[i * cols + j] = ca.code(k.leftIndex(i, j, cols, sa, sb)) & cb.code(k.rightIndex(i, j, cols, sb));
        }
        return new Val.Tensor(e.b.add(new Op.Constant(ca.name() + " " + k.label() + " " + cb.name(), codes), out,
                tc0.compiler.ir.Elem.BIT, fr.region(k.label())));
    }

    /**
     * concat(for h in lo .. hi { X }, axis: k): the pieces joined in order, as a chain of concats (wiring, no
     * gates); every piece has the first one's shape.
     */
    private Val concatLoop(Expr.Call c, Expr.For loop, AstToTensorIr.Frame fr) {
        List<Integer> pieces = e.loopPieces(loop, "concat", fr);
        int first = pieces.getFirst();
        int axis = axis(c, first);
        List<Long> piece = e.node(first).shape();
        int acc = first;
        for (int i = 1; i < pieces.size(); i++) {
            int next = pieces.get(i);
            if (!e.node(next).shape().equals(piece)) {
                throw err(loop.pos(), fr, "concat over loop '" + loop.var() + "': piece " + i + " has shape " + e.node(next).shape()
                        + ", the first " + piece);
            }
            List<Long> out = new ArrayList<>(e.node(acc).shape());
            out.set(axis, out.get(axis) + piece.get(axis));
            if (!e.node(acc).elem().equals(e.node(next).elem())) {
                acc = e.node(acc).elem().equals(e.word) ? acc : e.scale(acc, 1, fr);
                next = e.node(next).elem().equals(e.word) ? next : e.scale(next, 1, fr);
            }
            acc = ((Val.Tensor) tensor(new Op.Concat(axis, acc, next), e.fits(out, c.pos(), fr), fr, true, acc)).node();
        }
        return new Val.Tensor(acc);
    }

    private Val concat(Expr.Call c, AstToTensorIr.Frame fr) {
        if (c.args().getFirst() instanceof Expr.For loop) return concatLoop(c, loop, fr);
        int a = arg(c, 0, fr), b = arg(c, 1, fr);
        int axis = axis(c, a);
        List<Long> sa = e.node(a).shape(), sb = e.node(b).shape();
        List<Long> out = new ArrayList<>(sa);
        out.set(axis, sa.get(axis) + sb.get(axis));
        List<Long> check = new ArrayList<>(sb);
        check.set(axis, sa.get(axis));
        if (!check.equals(sa)) throw err(c.pos(), fr, "concat of " + sa + " and " + sb + " on axis " + axis);
        if (!e.node(a).elem().equals(e.node(b).elem())) { // bits joined with words: bits become words first
            a = e.node(a).elem().equals(e.word) ? a : e.scale(a, 1, fr);
            b = e.node(b).elem().equals(e.word) ? b : e.scale(b, 1, fr);
        }
        return tensor(new Op.Concat(axis, a, b), e.fits(out, c.pos(), fr), fr, true, a);
    }

    private Val resample(boolean up, Expr.Call c, AstToTensorIr.Frame fr) {
        int x = arg(c, 0, fr);
        List<Long> to = shapeArg(c.namedArg("to").orElseThrow(), fr);
        List<Long> from = e.node(x).shape();
        for (int a = 0; a < 2; a++) {
            if (up ? to.get(a) < from.get(a) : to.get(a) > from.get(a)) {
                throw err(c.pos(), fr, c.callee() + " from " + from.subList(0, 2) + " to " + to + " would " + (up ? "shrink" : "grow")
                        + " axis " + a + " (" + from.get(a) + " to " + to.get(a) + "); " + (up ? "upsample" : "downsample")
                        + " needs a target " + (up ? "at least" : "at most") + " as large on each axis; use "
                        + (up ? "downsample" : "upsample") + " to go the other way");
            }
        }
        Expr.Ref m = (Expr.Ref) c.namedArg("mode").orElseThrow();
        Op.Interpolation mode = Op.Interpolation.valueOf(m.name().toUpperCase());
        List<Long> out = new ArrayList<>(e.node(x).shape());
        out.set(0, to.get(0));
        out.set(1, to.get(1));
        Op op = up ? new Op.Upsample(x, mode) : new Op.Downsample(x, mode);
        return tensor(op, out, fr, false, x);
    }

    /** A node of the operand's shape and the model's format. */
    private Val same(Op op, int x, AstToTensorIr.Frame fr) {
        return tensor(op, e.node(x).shape(), fr, false, x);
    }

    /** A node; {@code keepElem}: wiring ops keep the operand's element type (bits stay bits). */
    private Val tensor(Op op, List<Long> shape, AstToTensorIr.Frame fr, boolean keepElem, int x) {
        return new Val.Tensor(e.b.add(op, shape, keepElem ? e.node(x).elem() : e.word, fr.region(op.label())));
    }

    private int arg(Expr.Call c, int i, AstToTensorIr.Frame fr) {
        Expr a = c.args().get(i);
        return e.tensor(e.expr(a, fr), a.pos(), fr, "argument " + (i + 1) + " of '" + c.callee() + "'");
    }

    private double scalar(Expr.Call c, int i, AstToTensorIr.Frame fr) {
        Expr a = c.args().get(i);
        return switch (e.expr(a, fr)) {
            case Val.Scalar s -> s.value();
            case Val.Tensor t -> throw err(a.pos(), fr, "'" + c.callee() + "' needs a scalar here");
        };
    }

    private int axis(Expr.Call c, int x) {
        return c.namedArg("axis").map(a -> ((Expr.Num) a).value().intValueExact()).orElse(e.node(x).rank() - 1);
    }

    private List<Long> shapeArg(Expr a, AstToTensorIr.Frame fr) {
        if (!(a instanceof Expr.ShapeLit s)) throw err(a.pos(), fr, "a shape [d0, d1, ...] is needed here");
        return e.shape(s.shape(), fr);
    }

    private static double log2(double v, Pos pos, AstToTensorIr.Frame fr) {
        if (v != Math.rint(v) || v < 1) throw AstToTensorIr.error(fr.file(), pos, "log2 needs an integer >= 1; got " + v);
        long x = (long) v;
        return 64 - Long.numberOfLeadingZeros(x - 1);
    }

    private static Long sizeOf(List<Long> s) {
        return tc0.compiler.ir.Shapes.size(s);
    }

    private static ElaborationException err(Pos pos, AstToTensorIr.Frame fr, String message) {
        return AstToTensorIr.error(fr.file(), pos, message);
    }
}
