package tc0.dsl.check;

import java.util.ArrayList;
import java.util.List;
import tc0.dsl.Diagnostics;
import tc0.dsl.ast.ElemKind;
import tc0.dsl.ast.Expr;
import tc0.dsl.ast.Printer;
import tc0.dsl.ast.Shape;
import tc0.dsl.ast.SizeExpr;
import tc0.dsl.ast.SizeExprs;

/** The type and shape rule of every built-in (argument counts were checked by the {@link Resolver}). */
final class BuiltinTypes {
    private final Diagnostics diagnostics;
    private final ShapeChecker checker;

    BuiltinTypes(Diagnostics diagnostics, ShapeChecker checker) {
        this.diagnostics = diagnostics;
        this.checker = checker;
    }

    Type type(Builtin b, Expr.Call c) {
        if (c.args().size() < b.minArgs() || c.args().size() > b.maxArgs()) {
            return Type.UNKNOWN;
        }
        return switch (b) {
            case EXP, RELU, GELU, SILU, SOFTPLUS, SIGMOID, TANH, SQRT, RECIP, SIN, COS, RSQRT, ABS -> unary(c);
            case LOG2 -> sizeFunction(b, c);
            case MIN, MAX -> c.args().size() == 2 ? sizeFunction(b, c) : reduce(b, c);
            case SUM -> reduce(b, c);
            case MEAN -> maskedReduce(b, c);
            case SOFTMAX -> softmax(b, c);
            case WHERE -> where(b, c);
            case EYE, TRIL, TRIU -> squareMask(b, c);
            case CUMSUM -> transposeLike(b, c);
            case ELU -> unary(c);
            case LEAKY_RELU -> leakyRelu(b, c);
            case LAYERNORM, ROPE -> same(b, c, false);
            case TRANSPOSE -> transpose(b, c);
            case SCANEXP -> scanExp(b, c);
            case ROWKRON, COLKRON -> kron(b, c);
            case CONCAT -> concat(b, c);
            case RESHAPE -> reshape(b, c);
            case UPSAMPLE, DOWNSAMPLE -> resample(b, c);
            case ZEROS, ONES -> shapeArg(b, c, 0) instanceof Shape s ? new Type.Tensor(s, ElemKind.FIXED) : Type.UNKNOWN;
            case RANDOM, LOAD -> checker.error(c, "'" + b.text() + "' only initialises a weight: weight W: [d, d] = "
                    + b.signature() + ";");
        };
    }

    private Type unary(Expr.Call c) {
        Type t = checker.typeOf(c.args().getFirst());
        return t instanceof Type.Tensor v ? new Type.Tensor(v.shape(), ElemKind.FIXED) : t;
    }

    private Type sizeFunction(Builtin b, Expr.Call c) {
        if (c.namedArg("axis").isPresent()) {
            return checker.error(c, "'" + b.text() + "' of two sizes takes no axis; for a tensor write "
                    + b.text() + "(X, axis: k)");
        }
        for (Expr a : c.args()) {
            Type t = checker.typeOf(a);
            if (t instanceof Type.Tensor) {
                return checker.error(a, "'" + b.text() + "(" + (b == Builtin.LOG2 ? "s" : "a, b")
                        + ")' works on sizes; got a tensor" + (b == Builtin.LOG2 ? "" : "; for a tensor write "
                        + b.text() + "(X, axis: k)"));
            }
        }
        return Type.SCALAR;
    }

    /** The tensor argument at {@code index}, or null (an error was reported unless the argument had one already). */
    private Type.Tensor tensor(Builtin b, Expr.Call c, int index) {
        Type t = checker.typeOf(c.args().get(index));
        if (t instanceof Type.Scalar) {
            checker.error(c.args().get(index), "'" + b.text() + "' needs a tensor here; got a scalar (" + b.signature() + ")");
        }
        return t instanceof Type.Tensor v ? v : null;
    }

    private Type.Tensor matrix(Builtin b, Expr.Call c, int index) {
        Type.Tensor t = tensor(b, c, index);
        if (t != null && t.shape().rank() != 2) {
            checker.error(c.args().get(index), "'" + b.text() + "' needs a matrix (rank 2); got " + t.shape());
            return null;
        }
        return t;
    }

    /** The axis: the named argument (an integer literal from 0 to rank-1), by default the last axis; -1 on error. */
    private int axis(Builtin b, Expr.Call c, Shape s) {
        Expr a = c.namedArg("axis").orElse(null);
        if (a == null) {
            return s.rank() - 1;
        }
        if (a instanceof Expr.Num n && n.value().scale() <= 0 && n.value().signum() >= 0
                && n.value().compareTo(java.math.BigDecimal.valueOf(s.rank())) < 0) {
            return n.value().intValue();
        }
        checker.error(a, "'" + b.text() + "' axis must be an integer from 0 to " + (s.rank() - 1) + " for shape " + s
                + "; got '" + Printer.expr(a) + "'");
        return -1;
    }

    private Type reduce(Builtin b, Expr.Call c) {
        Type.Tensor t = tensor(b, c, 0);
        if (t == null) {
            return Type.UNKNOWN;
        }
        int axis = axis(b, c, t.shape());
        return axis < 0 ? Type.UNKNOWN
                : new Type.Tensor(Shapes.withAxis(t.shape(), axis, new SizeExpr.Lit(1, c.pos())), ElemKind.FIXED);
    }

    /**
     * mean(X, axis: k) and, with mask: M, a bit tensor broadcasting to X's shape (each axis equal or 1): the
     * mean of each line's entries whose bit is 1, 0 where none is (NUMERICS.md).
     */
    private Type maskedReduce(Builtin b, Expr.Call c) {
        Type t = reduce(b, c);
        Expr m = c.namedArg("mask").orElse(null);
        if (m == null || !(checker.typeOf(c.args().getFirst()) instanceof Type.Tensor x)) {
            return t;
        }
        if (!(bitMask(m, "mean", "an adjacency or node mask declared bit, eye(n), tril(n)") instanceof Type.Tensor mask)) {
            return Type.UNKNOWN;
        }
        Shape joined = ShapeChecker.broadcast(x.shape(), mask.shape());
        if (joined == null || !Shapes.same(joined, x.shape())) {
            return checker.error(m, "mean's mask has shape " + mask.shape() + "; it needs the shape of X, " + x.shape()
                    + ", or 1 on an axis to repeat it");
        }
        return t;
    }

    /** A mask argument's type: the bit tensor it is, or UNKNOWN (reported here unless already unknown). */
    private Type bitMask(Expr m, String of, String examples) {
        Type mt = checker.typeOf(m);
        if (mt instanceof Type.Unknown || mt instanceof Type.Tensor mask && mask.kind() == ElemKind.BIT) {
            return mt;
        }
        return checker.error(m, of + "'s mask must be a bit tensor (" + examples + "); got "
                + (mt instanceof Type.Tensor v ? "a tensor of words " + v.shape() : "a scalar"));
    }

    private Type same(Builtin b, Expr.Call c, boolean hasAxis) {
        Type.Tensor t = b == Builtin.ROPE ? matrix(b, c, 0) : tensor(b, c, 0);
        if (t == null || hasAxis && axis(b, c, t.shape()) < 0) {
            return Type.UNKNOWN;
        }
        if (b == Builtin.ROPE) {
            Long cols = Shapes.constant(t.shape().dims().get(1));
            if (cols != null && cols % 2 != 0) {
                return checker.error(c, "'rope' rotates pairs of columns; the number of columns must be even, got " + cols);
            }
        }
        return new Type.Tensor(t.shape(), ElemKind.FIXED);
    }

    /** softmax(X, axis: k) and, with mask: M, a bit tensor of X's shape: entries where M is 0 take no part (NUMERICS.md). */
    private Type softmax(Builtin b, Expr.Call c) {
        Type t = same(b, c, true);
        Expr m = c.namedArg("mask").orElse(null);
        if (m == null || !(t instanceof Type.Tensor x)) {
            return t;
        }
        if (!(bitMask(m, "softmax", "such as tril(n) or an input declared bit") instanceof Type.Tensor mask)) {
            return Type.UNKNOWN;
        }
        if (!Shapes.same(mask.shape(), x.shape())) {
            return checker.error(m, "softmax's mask has shape " + mask.shape() + "; it needs the shape of X, " + x.shape());
        }
        return t;
    }

    /** where(cond, a, b): cond a bit tensor, a and b tensors or scalars; all three broadcast to one shape. */
    private Type where(Builtin b, Expr.Call c) {
        Type cond = checker.typeOf(c.args().get(0));
        Type x = checker.typeOf(c.args().get(1));
        Type y = checker.typeOf(c.args().get(2));
        if (cond instanceof Type.Unknown || x instanceof Type.Unknown || y instanceof Type.Unknown) {
            return Type.UNKNOWN;
        }
        if (!(cond instanceof Type.Tensor ct) || ct.kind() != ElemKind.BIT) {
            return checker.error(c.args().get(0), "'where' needs a bit tensor as its condition (an input or weight declared bit,"
                    + " eye(n), tril(n), triu(n)); got " + (cond instanceof Type.Tensor v ? "a tensor of words " + v.shape() : "a scalar"));
        }
        Shape s = ct.shape();
        for (Type t : List.of(x, y)) {
            if (t instanceof Type.Tensor v) {
                Shape joined = ShapeChecker.broadcast(s, v.shape());
                if (joined == null) {
                    return checker.error(c, "'where' needs its condition and values to broadcast to one shape; got "
                            + ct.shape() + ", " + shapeOf(x) + " and " + shapeOf(y));
                }
                s = joined;
            }
        }
        // Of bits (or the constants 0 and 1) a bit tensor: a mask with self-loops is where(eye(n), 1, A).
        boolean bits = isBit(x, c.args().get(1)) && isBit(y, c.args().get(2)) && (x instanceof Type.Tensor || y instanceof Type.Tensor);
        return new Type.Tensor(s, bits ? ElemKind.BIT : ElemKind.FIXED);
    }

    /** A bit tensor, or the literal 0 or 1. */
    private static boolean isBit(Type t, Expr e) {
        return t instanceof Type.Tensor v ? v.kind() == ElemKind.BIT
                : e instanceof Expr.Num n && (n.value().compareTo(java.math.BigDecimal.ZERO) == 0 || n.value().compareTo(java.math.BigDecimal.ONE) == 0);
    }

    private static String shapeOf(Type t) {
        return t instanceof Type.Tensor v ? v.shape().toString() : "a scalar";
    }

    /** eye(n), tril(n), triu(n): an [n, n] bit tensor; n a size. */
    private Type squareMask(Builtin b, Expr.Call c) {
        Expr a = c.args().getFirst();
        Type t = checker.typeOf(a);
        boolean[] bad = {t instanceof Type.Tensor};
        SizeExpr n = bad[0] ? null : tc0.dsl.ast.SizeExprs.fromExpr(a, (at, why) -> bad[0] = true);
        if (bad[0]) {
            return checker.error(a, "'" + b.text() + "' needs a size (an integer expression of parameters), such as "
                    + b.text() + "(n); got '" + Printer.expr(a) + "'");
        }
        return new Type.Tensor(new Shape(List.of(n, n), c.pos()), ElemKind.BIT);
    }

    /** cumsum(X, axis: k) of a matrix: the same shape. */
    private Type transposeLike(Builtin b, Expr.Call c) {
        Type.Tensor t = matrix(b, c, 0);
        return t == null || axis(b, c, t.shape()) < 0 ? Type.UNKNOWN : new Type.Tensor(t.shape(), ElemKind.FIXED);
    }

    /** leaky_relu(X, slope): the slope a scalar constant. */
    private Type leakyRelu(Builtin b, Expr.Call c) {
        Type slope = checker.typeOf(c.args().get(1));
        if (slope instanceof Type.Tensor) {
            return checker.error(c.args().get(1), "'leaky_relu' takes a constant slope such as 0.01; got a tensor (" + b.signature() + ")");
        }
        return unary(c);
    }

    private Type transpose(Builtin b, Expr.Call c) {
        Type.Tensor t = matrix(b, c, 0);
        return t == null ? Type.UNKNOWN
                : new Type.Tensor(new Shape(List.of(t.shape().dims().get(1), t.shape().dims().get(0)), t.shape().pos()), t.kind());
    }

    private Type scanExp(Builtin b, Expr.Call c) {
        Type.Tensor a = tensor(b, c, 0);
        Type.Tensor x = tensor(b, c, 1);
        if (a == null || x == null) {
            return Type.UNKNOWN;
        }
        if (!Shapes.same(a.shape(), x.shape())) {
            return checker.error(c, "'scanexp' needs Z and B of the same shape; got " + a.shape() + " and " + x.shape());
        }
        return new Type.Tensor(a.shape(), ElemKind.FIXED);
    }

    private Type kron(Builtin b, Expr.Call c) {
        Type.Tensor x = matrix(b, c, 0);
        Type.Tensor y = matrix(b, c, 1);
        if (x == null || y == null) {
            return Type.UNKNOWN;
        }
        List<SizeExpr> p = x.shape().dims();
        List<SizeExpr> q = y.shape().dims();
        boolean rows = b == Builtin.ROWKRON;
        int keep = rows ? 0 : 1;
        if (!Shapes.same(p.get(keep), q.get(keep))) {
            return checker.error(c, "'" + b.text() + "' needs the same number of " + (rows ? "rows" : "columns")
                    + "; got " + x.shape() + " and " + y.shape());
        }
        SizeExpr product = Shapes.mul(p.get(1 - keep), q.get(1 - keep));
        List<SizeExpr> dims = rows ? List.of(p.get(0), product) : List.of(product, p.get(1));
        // Of two bit tensors, the products are bits (a pair mask: rowkron(tril(n), tril(n))).
        ElemKind kind = x.kind() == ElemKind.BIT && y.kind() == ElemKind.BIT ? ElemKind.BIT : ElemKind.FIXED;
        return new Type.Tensor(new Shape(dims, x.shape().pos()), kind);
    }

    private Type concat(Builtin b, Expr.Call c) {
        boolean loop = c.args().getFirst() instanceof Expr.For;
        if (c.args().size() == 1 || loop) {
            return loop && c.args().size() == 1 ? concatLoop(b, c, (Expr.For) c.args().getFirst())
                    : checker.error(c, "'concat' joins two tensors, or the pieces of a loop: concat(A, B, axis: k) or"
                            + " concat(for h in 0 .. heads { X }, axis: k)");
        }
        Type.Tensor x = tensor(b, c, 0);
        Type.Tensor y = tensor(b, c, 1);
        if (x == null || y == null || c.namedArg("axis").isEmpty()) {
            return Type.UNKNOWN;
        }
        int axis = axis(b, c, x.shape());
        if (axis < 0) {
            return Type.UNKNOWN;
        }
        Shape joined = Shapes.withAxis(x.shape(), axis, Shapes.add(x.shape().dims().get(axis),
                y.shape().rank() == x.shape().rank() ? y.shape().dims().get(axis) : x.shape().dims().get(axis)));
        if (y.shape().rank() != x.shape().rank()
                || !Shapes.same(Shapes.withAxis(x.shape(), axis, joined.dims().get(axis)),
                        Shapes.withAxis(y.shape(), axis, joined.dims().get(axis)))) {
            return checker.error(c, "'concat' along axis " + axis + " needs the other axes equal; got "
                    + x.shape() + " and " + y.shape());
        }
        return new Type.Tensor(joined, ElemKind.FIXED);
    }

    /**
     * concat(for h in lo .. hi { X }, axis: k): the body checked once with h a symbol; every size of its shape must
     * be free of h (each piece the same shape), so the result is that shape with axis k times (hi - lo), known
     * symbolically. The body's value is rounded as it is; the joining is wiring.
     */
    private Type concatLoop(Builtin b, Expr.Call c, Expr.For f) {
        Type t = checker.loopBody(f);
        if (t instanceof Type.Unknown || c.namedArg("axis").isEmpty()) {
            return Type.UNKNOWN;
        }
        if (!(t instanceof Type.Tensor piece)) {
            return checker.error(f.body(), "'concat' over a loop needs a tensor in the loop's body; got a scalar");
        }
        int axis = axis(b, c, piece.shape());
        if (axis < 0) {
            return Type.UNKNOWN;
        }
        // A size free of h equals itself with h shifted by one, as polynomials (h*2 - 2*h is free of it).
        java.util.Map<String, SizeExpr> shift = java.util.Map.of(f.var(),
                Shapes.add(new SizeExpr.Sym(f.var(), f.pos()), new SizeExpr.Lit(1, f.pos())));
        for (SizeExpr d : piece.shape().dims()) {
            if (!Shapes.same(d, tc0.dsl.ast.SizeExprs.substitute(d, shift))) {
                return checker.error(f.body(), "'concat' over loop '" + f.var() + "' needs pieces of one shape; the body's shape "
                        + piece.shape() + " depends on '" + f.var() + "'");
            }
        }
        // Free of h, each size is itself at h = from: written without h, so it has a value outside the loop.
        java.util.Map<String, SizeExpr> first = java.util.Map.of(f.var(), f.from());
        List<SizeExpr> dims = new ArrayList<>();
        for (SizeExpr d : piece.shape().dims()) dims.add(SizeExprs.substitute(d, first));
        SizeExpr count = Shapes.sub(f.to(), f.from());
        Shape joined = Shapes.withAxis(new Shape(dims, piece.shape().pos()), axis, Shapes.mul(count, dims.get(axis)));
        return new Type.Tensor(joined, ElemKind.FIXED);
    }

    private Shape shapeArg(Builtin b, Expr.Call c, int index) {
        Expr a = c.args().get(index);
        if (a instanceof Expr.ShapeLit s) {
            return s.shape();
        }
        checker.error(a, "'" + b.text() + "' needs a shape such as [n, d] here (" + b.signature() + ")");
        return null;
    }

    private Type reshape(Builtin b, Expr.Call c) {
        Type.Tensor t = tensor(b, c, 0);
        Shape to = shapeArg(b, c, 1);
        if (t == null || to == null) {
            return Type.UNKNOWN;
        }
        if (!Shapes.same(Shapes.product(t.shape()), Shapes.product(to))) {
            return checker.error(c, "'reshape' from " + t.shape() + " to " + to + " changes the number of elements ("
                    + Poly.describe(Shapes.product(t.shape())) + " vs " + Poly.describe(Shapes.product(to)) + ")");
        }
        return new Type.Tensor(to, t.kind());
    }

    private Type resample(Builtin b, Expr.Call c) {
        Type.Tensor t = tensor(b, c, 0);
        Expr toArg = c.namedArg("to").orElse(null);
        Expr mode = c.namedArg("mode").orElse(null);
        if (mode != null && !(mode instanceof Expr.Ref r && Builtin.MODES.contains(r.name()))) {
            checker.error(mode, "'" + b.text() + "' mode must be nearest or bilinear; got '" + Printer.expr(mode) + "'");
        }
        if (t == null || toArg == null || mode == null) {
            return Type.UNKNOWN;
        }
        if (!(toArg instanceof Expr.ShapeLit to) || to.shape().rank() != 2) {
            return checker.error(toArg, "'" + b.text() + "' needs to: [h, w], the new height and width");
        }
        int rank = t.shape().rank();
        if (rank != 2 && rank != 3) {
            return checker.error(c.args().getFirst(), "'" + b.text() + "' needs a map [h, w] or [h, w, c]; got " + t.shape());
        }
        List<SizeExpr> dims = new ArrayList<>(to.shape().dims());
        if (rank == 3) {
            dims.add(t.shape().dims().get(2));
        }
        return new Type.Tensor(new Shape(dims, t.shape().pos()), ElemKind.FIXED);
    }
}
