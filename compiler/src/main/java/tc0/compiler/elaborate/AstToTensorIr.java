package tc0.compiler.elaborate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.FixedFormat;
import tc0.dsl.check.PrecisionChecker;
import tc0.dsl.CheckedModel;
import tc0.dsl.Diagnostic;
import tc0.dsl.Prelude;
import tc0.dsl.ast.Decl;
import tc0.dsl.ast.ElemKind;
import tc0.dsl.ast.Expr;
import tc0.dsl.ast.Init;
import tc0.dsl.ast.Pos;
import tc0.dsl.ast.Shape;
import tc0.dsl.ast.SizeEvalException;
import tc0.dsl.ast.SizeExpr;
import tc0.dsl.ast.SizeExprs;
import tc0.dsl.ast.Stmt;
import tc0.dsl.check.Builtin;
import tc0.dsl.check.ConcreteChecker;

/**
 * The elaboration stage: statements of a checked model, for concrete parameter values, to tensor IR.
 * Loops are unrolled (the loop variable a size in every shape of the body), functions inlined (size
 * parameters and the bare names of shape patterns bound at the call), weights instantiated per instance
 * path. Regions: the path of loop iterations ({@code l[1]}) and calls ({@code rope_attention}; a second call
 * of the same function in one block is {@code layer_norm#2}), then the op's label.
 */
final class AstToTensorIr {
    /** Where elaboration is: the file (for errors), the region path, the sizes in scope and the names. */
    record Frame(String file, String path, Map<String, Long> sizes, Scope scope) {
        Frame child(String segment, Map<String, Long> newSizes, Scope newScope) {
            return new Frame(file, path.isEmpty() ? segment : path + "/" + segment, newSizes, newScope);
        }

        String region(String label) {
            return path.isEmpty() ? label : path + "/" + label;
        }
    }

    private final CheckedModel model;
    final FixedFormat precision;
    final Elem word;
    final IrBuilder b = new IrBuilder();
    private final Map<String, Integer> calls = new HashMap<>();
    private final List<TensorProgram.Port> inputs = new ArrayList<>();
    private final List<TensorProgram.Port> outputs = new ArrayList<>();
    private final BuiltinsToIr builtins;
    /** The widest weighted sum the lowering builds (WeightedSum: shift + width). */
    private static final int SUM_BITS = 61;
    /**
     * For counting only ({@code --count-only}): the builder's limits (a constant factor's weighted sum past
     * {@link #SUM_BITS}, a table past {@link BuiltinsToIr#COUNTED_TABLE_WIDTH} bits) are not refused here; counting
     * covers them and marks such a program not buildable ({@code CountedCost.wide}).
     */
    final boolean counting;
    /** Entries up to which a product of two constant masks is folded into one constant ({@link Elaborator#FOLDED_MASK_ENTRIES}). */
    final long foldedMaskEntries;
    /** Loop iterations unrolled so far, those inside functions too: refused past the checker's limit. */
    private long unrolled;

    /** The model's floats under {@code precision float(p: P, e: E)}; null under fixed point. */
    final ChiangFloat.Format floats;

    private AstToTensorIr(CheckedModel model, FixedFormat precision, ChiangFloat.Format floats, boolean counting, long foldedMaskEntries) {
        this.model = model;
        this.counting = counting;
        this.foldedMaskEntries = foldedMaskEntries;
        this.precision = precision;
        this.floats = floats;
        this.word = floats == null ? Elem.word(precision) : new Elem.Float(floats);
        this.builtins = new BuiltinsToIr(this);
    }

    static TensorProgram run(CheckedModel model, Map<String, Long> params, boolean counting, long foldedMaskEntries) {
        Map<String, Long> sizes = new LinkedHashMap<>(params);
        String file = model.file();
        AstToTensorIr e = switch (model.precision()) {
            case Stmt.Precision.Fixed p -> {
                long i = size(p.intBits(), sizes, file), f = size(p.fracBits(), sizes, file);
                if (i < 0 || f < 0 || i + f < 1 || i + f > PrecisionChecker.MAX_WIDTH) {
                    throw error(file, p.pos(), "precision fixed(" + i + ", " + f + ") is not a format of 1 to "
                            + PrecisionChecker.MAX_WIDTH + " bits");
                }
                yield new AstToTensorIr(model, FixedFormat.of((int) i, (int) f), null, counting, foldedMaskEntries);
            }
            case Stmt.Precision.Float p -> {
                long sig = size(p.significandBits(), sizes, file), exp = size(p.exponentBits(), sizes, file);
                if (sig < 2 || sig > PrecisionChecker.MAX_SIGNIFICAND || exp < 2 || exp > PrecisionChecker.MAX_EXPONENT) {
                    throw error(file, p.pos(), "precision float(p: " + sig + ", e: " + exp + ") is not a format of 2 to "
                            + PrecisionChecker.MAX_SIGNIFICAND + " significand and 2 to " + PrecisionChecker.MAX_EXPONENT + " exponent bits");
                }
                // the program's fixed format is the bits' (fixed(2, 0)): a float program has no fixed-point words
                yield new AstToTensorIr(model, Elem.BIT_AS_FIXED, new ChiangFloat.Format((int) sig, (int) exp), counting, foldedMaskEntries);
            }
        };
        Frame top = new Frame(file, "", sizes, new Scope(null));
        e.block(model.statements(), top);
        return new TensorProgram(model.name(), params, e.precision, e.b.nodes(), e.inputs, e.outputs);
    }

    // ---- statements

    private void block(List<Stmt> body, Frame fr) {
        for (Stmt s : body) {
            stmt(s, fr);
        }
    }

    private void stmt(Stmt s, Frame fr) {
        switch (s) {
            case Stmt.Input in -> {
                int id = b.add(new Op.Input(in.name()), shape(in.shape(), fr), elem(in.kind()), fr.region(in.name()));
                inputs.add(new TensorProgram.Port(in.name(), id));
                fr.scope().define(in.name(), new Val.Tensor(id));
            }
            case Stmt.Weight w -> fr.scope().define(w.name(), new Val.Tensor(weight(w, fr)));
            case Stmt.Let l -> {
                Val v = expr(l.value(), fr);
                if (l.declared().isPresent() && v instanceof Val.Tensor t
                        && !node(t).shape().equals(shape(l.declared().get(), fr))) {
                    throw error(fr.file(), l.pos(), "'" + l.name() + "' has shape " + node(t).shape()
                            + "; declared " + shape(l.declared().get(), fr));
                }
                fr.scope().define(l.name(), v);
            }
            case Stmt.Assign a -> {
                if (!fr.scope().assign(a.name(), expr(a.value(), fr))) {
                    throw error(fr.file(), a.pos(), "'" + a.name() + "' is not defined");
                }
            }
            case Stmt.For loop -> {
                long from = size(loop.from(), fr.sizes(), fr.file()), to = size(loop.to(), fr.sizes(), fr.file());
                for (long v = from; v < to; v++) {
                    block(loop.body(), iteration(loop.var(), v, loop.pos(), fr));
                }
            }
            case Stmt.Output o -> {
                Val v = o.value().isPresent() ? expr(o.value().get(), fr) : lookup(o.name(), o.pos(), fr);
                int id = tensor(v, o.pos(), fr, "output '" + o.name() + "'");
                outputs.add(new TensorProgram.Port(o.name(), id));
                fr.scope().define(o.name(), v);
            }
            case Stmt.Assert a -> { }
            case Stmt.Precision p -> { }
            case Stmt.Return r -> throw error(fr.file(), r.pos(), "return outside a function");
        }
    }

    private int weight(Stmt.Weight w, Frame fr) {
        List<Long> shape = shape(w.shape(), fr);
        long values = tc0.compiler.ir.Shapes.size(shape);
        if (values > ConcreteChecker.MAX_WEIGHT_ELEMENTS) {
            throw error(fr.file(), w.pos(), "weight '" + w.name() + "' of shape " + shape + " has " + values
                    + " values; a weight holds at most 2^31 - 1 values (they are stored in one array); use smaller sizes");
        }
        Elem elem = elem(w.kind());
        String path = fr.region(w.name());
        long[] codes = switch (w.init()) {
            case Init.Random r -> Weights.random(size(r.seed(), fr.sizes(), fr.file()), path, shape, elem);
            case Init.Load l -> load(l, shape, elem, fr);
        };
        return b.add(new Op.Constant(path, codes), shape, elem, path);
    }

    private long[] load(Init.Load l, List<Long> shape, Elem elem, Frame fr) {
        Path spec = Path.of(fr.file()).toAbsolutePath();
        Path file = spec.getParent() == null ? Path.of(l.path()) : spec.getParent().resolve(l.path());
        try {
            NpyReader.Array a = NpyReader.read(file);
            if (!a.shape().equals(shape)) {
                throw error(fr.file(), l.pos(), "cannot load '" + l.path() + "': its shape is " + a.shape()
                        + "; the weight is " + shape);
            }
            Optional<String> unfit = Weights.unfit(a.values(), shape, elem);
            if (unfit.isPresent()) {
                throw error(fr.file(), l.pos(), "cannot load '" + l.path() + "': " + unfit.get());
            }
            return Weights.quantise(a.values(), elem);
        } catch (NpyReader.NpyException e) {
            throw error(fr.file(), l.pos(), "cannot load '" + l.path() + "': " + e.getMessage());
        }
    }

    // ---- expressions

    Val expr(Expr e, Frame fr) {
        return switch (e) {
            case Expr.Num n -> new Val.Scalar(n.value().doubleValue());
            case Expr.Ref r -> lookup(r.name(), r.pos(), fr);
            case Expr.Neg n -> switch (expr(n.operand(), fr)) {
                case Val.Scalar s -> new Val.Scalar(-s.value());
                case Val.Tensor t -> new Val.Tensor(scale(t.node(), -1, fr));
            };
            case Expr.Binary bin -> binary(bin, fr);
            case Expr.Slice s -> slice(s, fr);
            case Expr.Call c -> call(c, fr);
            case Expr.ShapeLit s -> throw error(fr.file(), s.pos(), "a shape is not a value here");
            case Expr.Str s -> throw error(fr.file(), s.pos(), "a string is not a value here");
            case Expr.For f -> throw error(fr.file(), f.pos(), "a loop expression is only a value as the argument of concat");
        };
    }

    /**
     * The body of {@code for h in lo .. hi { X }} for each h, as tensors: each iteration a child frame
     * {@code h[v]} (as a for statement's), so the weights of the functions it calls are that head's own.
     */
    List<Integer> loopPieces(Expr.For loop, String what, Frame fr) {
        long from = size(loop.from(), fr.sizes(), fr.file()), to = size(loop.to(), fr.sizes(), fr.file());
        if (to <= from) {
            throw error(fr.file(), loop.pos(), "loop '" + loop.var() + "' of " + what + " runs " + Math.max(0, to - from)
                    + " times (" + from + " .. " + to + "); it needs at least one piece");
        }
        List<Integer> pieces = new ArrayList<>();
        for (long v = from; v < to; v++) {
            Frame child = iteration(loop.var(), v, loop.pos(), fr);
            pieces.add(tensor(expr(loop.body(), child), loop.body().pos(), child, what));
        }
        return pieces;
    }

    private Val lookup(String name, Pos pos, Frame fr) {
        Val v = fr.scope().lookup(name);
        if (v != null) return v;
        Long size = fr.sizes().get(name);
        if (size != null) return new Val.Scalar(size);
        throw error(fr.file(), pos, "unknown name '" + name + "'");
    }

    private Val binary(Expr.Binary e, Frame fr) {
        Val l = expr(e.left(), fr), r = expr(e.right(), fr);
        if (r instanceof Val.Scalar y && e.op() == Expr.BinOp.DIV && y.value() == 0) {
            throw error(fr.file(), e.pos(), "division by the constant 0" + Constants.where(e.right(), fr.sizes())
                    + "; divide by a nonzero constant");
        }
        if (l instanceof Val.Scalar x && r instanceof Val.Scalar y) {
            return new Val.Scalar(Constants.finite(switch (e.op()) {
                case ADD -> x.value() + y.value();
                case SUB -> x.value() - y.value();
                case MUL -> x.value() * y.value();
                case DIV -> x.value() / y.value();
                case POW -> StrictMath.pow(x.value(), y.value());
                case MATMUL -> throw error(fr.file(), e.pos(), "'@' needs two tensors");
            }, e, fr));
        }
        return new Val.Tensor(switch (e.op()) {
            case MATMUL -> matmul(tensor(l, e.pos(), fr, "'@'"), tensor(r, e.pos(), fr, "'@'"), fr, e.pos());
            case DIV -> r instanceof Val.Scalar y ? scale(tensor(l, e.pos(), fr, "'/'"), coefficient(1 / y.value(), e, fr), fr)
                    : arith(Op.Arith.DIV, l, r, fr, e.pos()); // elementwise: Fixed.div, one rounding
            case MUL -> l instanceof Val.Scalar x ? scale(((Val.Tensor) r).node(), coefficient(x.value(), e, fr), fr)
                    : r instanceof Val.Scalar y ? scale(((Val.Tensor) l).node(), coefficient(y.value(), e, fr), fr)
                    : elementwise(Op.Arith.MUL, ((Val.Tensor) l).node(), ((Val.Tensor) r).node(), fr, e.pos());
            case ADD -> arith(Op.Arith.ADD, l, r, fr, e.pos());
            case SUB -> arith(Op.Arith.SUB, l, r, fr, e.pos());
            case POW -> throw error(fr.file(), e.pos(), "'^' raises scalars only");
        });
    }

    private int arith(Op.Arith op, Val l, Val r, Frame fr, Pos pos) {
        int li = l instanceof Val.Tensor t ? t.node() : fill(term(((Val.Scalar) l).value(), pos, fr), node(((Val.Tensor) r).node()).shape(), fr);
        int ri = r instanceof Val.Tensor t ? t.node() : fill(term(((Val.Scalar) r).value(), pos, fr), node(li).shape(), fr);
        return elementwise(op, li, ri, fr, pos);
    }

    /** An elementwise operation with broadcasting made explicit. */
    int elementwise(Op.Arith op, int l, int r, Frame fr, Pos pos) {
        List<Long> ls = node(l).shape(), rs = node(r).shape();
        if (ls.size() != rs.size()) throw error(fr.file(), pos, "ranks differ: " + ls + " and " + rs);
        List<Long> out = new ArrayList<>();
        for (int a = 0; a < ls.size(); a++) {
            long x = ls.get(a), y = rs.get(a);
            if (x != y && x != 1 && y != 1) throw error(fr.file(), pos, "shapes " + ls + " and " + rs + " do not broadcast");
            out.add(Math.max(x, y));
        }
        fits(out, pos, fr);
        return b.add(new Op.Elementwise(op, broadcast(l, out, fr), broadcast(r, out, fr)), out, word,
                fr.region(op.name().toLowerCase()));
    }

    int broadcast(int id, List<Long> shape, Frame fr) {
        return node(id).shape().equals(shape) ? id : b.add(new Op.Broadcast(id), shape, node(id).elem(), fr.region("broadcast"));
    }

    int fill(double value, List<Long> shape, Frame fr) {
        if (floats != null) { // the value rounded to p bits, held as the double it then is (FloatCodes.toDouble)
            return b.add(new Op.Fill(Weights.floatCode((Elem.Float) word, value)), shape, word, fr.region("fill"));
        }
        return b.add(new Op.Fill(precision.fromDouble(value)), shape, word, fr.region("fill"));
    }

    /** A constant added to a tensor: a word of the model's format, so within its range (not silently saturated). */
    double term(double c, Pos pos, Frame fr) {
        if (floats != null) return c; // rounded to p bits by fill, saturated only past the largest float
        if (c < precision.toDouble(precision.minCode()) || c > precision.toDouble(precision.maxCode())) {
            throw error(fr.file(), pos, "the constant " + Constants.show(c) + " is past the range of " + precision + ", "
                    + Constants.show(precision.toDouble(precision.minCode())) + " to " + Constants.show(precision.toDouble(precision.maxCode()))
                    + "; use a constant in that range or more int bits");
        }
        return c;
    }

    /** A constant factor: it must fit a coefficient at {@code F + 8} fraction bits in a 62-bit word. */
    private double coefficient(double c, Expr.Binary at, Frame fr) {
        if (floats != null) return c;
        int sum = precision.width() + precision.fracBits() + 8;
        if (sum > SUM_BITS && !counting) {
            throw error(fr.file(), at.pos(), "a constant factor on " + precision + " needs a weighted sum of " + sum + " bits (the word's "
                    + precision.width() + ", its " + precision.fracBits() + " frac bits and 8 guard bits), past the " + SUM_BITS
                    + " that tc0 builds; use fewer frac or int bits (--count-only counts it)");
        }
        double most = Math.scalb(1.0, FixedFormat.MAX_WIDTH - precision.fracBits() - 8 - 2);
        if (!(Math.abs(c) < most)) {
            throw error(fr.file(), at.pos(), "the constant factor " + Constants.show(c) + " is too large for " + precision
                    + " (a factor's magnitude must be below 2^" + (FixedFormat.MAX_WIDTH - precision.fracBits() - 10)
                    + "); use a smaller constant or fewer frac bits");
        }
        return c;
    }

    /** Multiplication by a scalar: the coefficient at {@code F + 8} fraction bits (see docs/COMPILER.md). */
    int scale(int id, double c, Frame fr) {
        if (!Double.isFinite(c)) throw new IllegalStateException("scale by " + c);
        if (floats != null) { // the factor rounded to p bits, then one product per element (a bit times it is exact)
            List<Long> shape = node(id).shape();
            return b.add(new Op.Elementwise(Op.Arith.MUL, id, fill(c, shape, fr)), shape, word, fr.region("scale"));
        }
        int frac = precision.fracBits() + 8;
        long mag = (long) Math.ceil(Math.abs(c)) + 1;
        int intBits = 65 - Long.numberOfLeadingZeros(mag);
        FixedFormat cf = FixedFormat.of(intBits, frac);
        return b.add(new Op.ScaleByConstant(id, cf.fromDouble(c), cf, c), node(id).shape(), word, fr.region("scale"));
    }

    private int matmul(int l, int r, Frame fr, Pos pos) {
        List<Long> ls = node(l).shape(), rs = node(r).shape();
        if (ls.size() != 2 || rs.size() != 2 || !ls.get(1).equals(rs.get(0))) {
            throw error(fr.file(), pos, "matrix product needs [a, b] @ [b, c]; got " + ls + " @ " + rs);
        }
        return b.add(new Op.MatMul(l, r), fits(List.of(ls.get(0), rs.get(1)), pos, fr), word, fr.region("matmul"));
    }

    private Val slice(Expr.Slice s, Frame fr) {
        int t = tensor(expr(s.target(), fr), s.pos(), fr, "a slice");
        List<Long> in = node(t).shape();
        if (s.items().size() != in.size()) throw error(fr.file(), s.pos(), "slice of rank " + s.items().size() + " for " + in);
        List<Long> start = new ArrayList<>(), out = new ArrayList<>();
        for (int a = 0; a < in.size(); a++) {
            long lo, hi;
            switch (s.items().get(a)) {
                case Expr.SliceItem.All all -> { lo = 0; hi = in.get(a); }
                case Expr.SliceItem.Range r -> {
                    lo = r.from().isPresent() ? size(r.from().get(), fr.sizes(), fr.file()) : 0;
                    hi = r.to().isPresent() ? size(r.to().get(), fr.sizes(), fr.file()) : in.get(a);
                }
                case Expr.SliceItem.Index i -> { lo = size(i.at(), fr.sizes(), fr.file()); hi = lo + 1; }
            }
            if (hi <= lo) { // the checker refuses what it can see; here sizes of the given n (X[2:n] at n = 2)
                throw error(fr.file(), s.items().get(a).pos(), "slice " + lo + ":" + hi + " selects " + (hi - lo) + " elements of axis "
                        + a + " of " + in + "; a slice keeps at least one");
            }
            if (lo < 0 || hi > in.get(a)) {
                throw error(fr.file(), s.items().get(a).pos(), "slice " + lo + ":" + hi + " outside axis " + a + " of " + in);
            }
            start.add(lo);
            out.add(hi - lo);
        }
        return new Val.Tensor(out.equals(in) ? t : b.add(new Op.Slice(t, start), out, node(t).elem(), fr.region("slice")));
    }

    private Val call(Expr.Call c, Frame fr) {
        Builtin bi = Builtin.named(c.callee());
        if (bi != null) return builtins.call(bi, c, fr);
        Decl.Function f = model.functions().get(c.callee());
        if (f == null) throw error(fr.file(), c.pos(), "unknown function '" + c.callee() + "'");
        return new Val.Tensor(inline(f, c, fr));
    }

    private int inline(Decl.Function f, Expr.Call c, Frame fr) {
        if (c.args().size() != f.params().size()) {
            throw error(fr.file(), c.pos(), "'" + f.name() + "' takes " + f.params().size() + " arguments");
        }
        Map<String, Long> sizes = new HashMap<>();
        Scope scope = new Scope(null);
        List<Integer> tensors = new ArrayList<>();
        for (int i = 0; i < c.args().size(); i++) {
            Expr arg = c.args().get(i);
            switch (f.params().get(i)) {
                case Decl.FnParam.Size s -> sizes.put(s.name(), sizeArg(arg, fr));
                case Decl.FnParam.Tensor t -> tensors.add(tensor(expr(arg, fr), arg.pos(), fr, "argument '" + t.name() + "'"));
            }
        }
        int k = 0;
        for (Decl.FnParam p : f.params()) {
            if (p instanceof Decl.FnParam.Tensor t) {
                int id = tensors.get(k++);
                bindPattern(t, node(id).shape(), sizes);
                scope.define(t.name(), new Val.Tensor(id));
            }
        }
        String file = Prelude.get().functions().containsKey(f.name()) ? Prelude.FILE : fr.file();
        String key = fr.path() + "\u0000" + f.name();
        int nth = calls.merge(key, 1, Integer::sum);
        Frame body = new Frame(file, fr.path(), sizes, scope).child(nth == 1 ? f.name() : f.name() + "#" + nth, sizes, scope);
        List<Stmt> stmts = f.body();
        block(stmts.subList(0, stmts.size() - 1), body);
        if (!(stmts.getLast() instanceof Stmt.Return ret)) throw error(file, f.pos(), "function '" + f.name() + "' has no return");
        return tensor(expr(ret.value(), body), ret.pos(), body, "the result of '" + f.name() + "'");
    }

    private static void bindPattern(Decl.FnParam.Tensor t, List<Long> shape, Map<String, Long> sizes) {
        for (int a = 0; a < t.pattern().rank() && a < shape.size(); a++) {
            if (t.pattern().dims().get(a) instanceof SizeExpr.Sym s && !sizes.containsKey(s.name())) {
                sizes.put(s.name(), shape.get(a));
            }
        }
    }

    long sizeArg(Expr arg, Frame fr) {
        SizeExpr se = SizeExprs.fromExpr(arg, (ex, msg) -> {
            throw error(fr.file(), ex.pos(), msg);
        });
        return size(se, fr.sizes(), fr.file());
    }

    // ---- helpers

    Node node(int id) {
        return b.node(id);
    }

    Node node(Val.Tensor t) {
        return b.node(t.node());
    }

    int tensor(Val v, Pos pos, Frame fr, String what) {
        return switch (v) {
            case Val.Tensor t -> t.node();
            case Val.Scalar s -> throw error(fr.file(), pos, what + " must be a tensor, not a scalar");
        };
    }

    Elem elem(ElemKind k) {
        return k == ElemKind.BIT ? Elem.BIT : word;
    }

    List<Long> shape(Shape s, Frame fr) {
        List<Long> out = new ArrayList<>();
        for (SizeExpr d : s.dims()) {
            long v = size(d, fr.sizes(), fr.file());
            if (v < 1) throw error(fr.file(), d.pos(), "size " + v + " in " + s + "; sizes must be at least 1");
            out.add(v);
        }
        return fits(out, s.pos(), fr);
    }

    /** {@code shape}, when its element count fits a long (what the IR and the count hold); else an error at {@code pos}. */
    List<Long> fits(List<Long> shape, Pos pos, Frame fr) {
        long elements = 1;
        for (long d : shape) {
            try {
                elements = Math.multiplyExact(elements, d);
            } catch (ArithmeticException e) {
                elements = Long.MAX_VALUE;
            }
        }
        if (elements == Long.MAX_VALUE) {
            throw error(fr.file(), pos, "a tensor of shape " + shape + " has 2^63 elements or more; a tensor's element count must fit "
                    + "in 64 bits; use smaller sizes");
        }
        return shape;
    }

    static long size(SizeExpr e, Map<String, Long> sizes, String file) {
        try {
            return SizeExprs.eval(e, sizes);
        } catch (SizeEvalException x) {
            throw error(file, x.pos(), x.getMessage());
        }
    }

    /** The positioned refusal of an operation the float regime does not build yet. */
    ElaborationException notInFloat(String what, Pos pos, Frame fr) {
        return error(fr.file(), pos, what + " is not supported under precision " + word + " yet (a float model has @, + - * /, "
                + "sum, mean, max, min, softmax, layernorm, rope, scanexp, rowkron, colkron, relu, sqrt, recip, exp, sigmoid, silu, softplus, gelu, "
                + "where and the wiring built-ins); use precision fixed(int: I, frac: F)");
    }

    static ElaborationException error(String file, Pos pos, String message) {
        return new ElaborationException(new Diagnostic(file, Math.max(1, pos.line()), Math.max(1, pos.col()),
                message.replace('\n', ' ')));
    }

    /** The frame of one loop iteration ({@code var = v}, region {@code var[v]}), counted toward the unrolling limit. */
    private Frame iteration(String var, long v, Pos pos, Frame fr) {
        if (++unrolled > ConcreteChecker.MAX_UNROLLED) {
            throw error(fr.file(), pos, "loop '" + var + "' passes " + ConcreteChecker.MAX_UNROLLED
                    + " unrolled iterations (all loops together, those inside functions too); lower the loop bounds or the parameters");
        }
        Map<String, Long> sizes = new HashMap<>(fr.sizes());
        sizes.put(var, v);
        return fr.child(var + "[" + v + "]", sizes, new Scope(fr.scope()));
    }
}
