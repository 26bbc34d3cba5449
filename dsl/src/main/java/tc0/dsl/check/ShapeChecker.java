package tc0.dsl.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc0.dsl.Diagnostics;
import tc0.dsl.ast.Decl;
import tc0.dsl.ast.ElemKind;
import tc0.dsl.ast.Expr;
import tc0.dsl.ast.Program;
import tc0.dsl.ast.Shape;
import tc0.dsl.ast.SizeExpr;
import tc0.dsl.ast.Stmt;

/**
 * Types every expression, checking tensor shapes symbolically: sizes are compared as polynomials
 * over the parameters ({@link Poly}). A loop body is checked once with its loop variable as a
 * symbol, so a shape like {@code [2^s, 2^s]} is checked for every iteration at once. A function
 * body is checked once with its size names as symbols; each call binds them to the caller's sizes.
 */
public final class ShapeChecker {
    private final Diagnostics diagnostics;
    private final Map<String, Type> results;
    private final Map<String, Decl.Function> functions;
    private final List<Binding> bindings = new ArrayList<>();
    private final Deque<Map<String, Type>> scopes = new ArrayDeque<>();
    private final Deque<String> path = new ArrayDeque<>();
    private final BuiltinTypes builtins;
    private final Constants constants;
    private Type returned;

    /**
     * @param results the result types of functions already checked (the prelude's), added to as
     *     this checker goes
     */
    public ShapeChecker(Diagnostics diagnostics, Map<String, Decl.Function> functions, Map<String, Type> results) {
        this.diagnostics = diagnostics;
        this.functions = functions;
        this.results = new HashMap<>(results);
        this.builtins = new BuiltinTypes(diagnostics, this);
        this.constants = new Constants(diagnostics);
    }

    /** Checks the functions in callee-first {@code order}, then the model(s); returns the function result types. */
    public Map<String, Type> check(Program program, List<Decl.Function> order) {
        order.forEach(this::function);
        program.models().forEach(this::model);
        return Map.copyOf(results);
    }

    public List<Binding> bindings() {
        return List.copyOf(bindings);
    }

    private void function(Decl.Function f) {
        scopes.push(new LinkedHashMap<>());
        path.push("fn " + f.name());
        for (Decl.FnParam p : f.params()) {
            switch (p) {
                case Decl.FnParam.Size s -> bind(s.name(), Type.SCALAR);
                case Decl.FnParam.Tensor t -> {
                    t.pattern().dims().forEach(d -> {
                        if (d instanceof SizeExpr.Sym s) {
                            bind(s.name(), Type.SCALAR);
                        }
                    });
                    bind(t.name(), new Type.Tensor(t.pattern(), t.kind()));
                }
            }
        }
        returned = Type.UNKNOWN;
        f.body().forEach(this::stmt);
        Type result = returned;
        if (f.result().isPresent()) {
            Type.Tensor declared = new Type.Tensor(f.result().get(), ElemKind.FIXED);
            if (result instanceof Type.Tensor t && !Shapes.same(t.shape(), declared.shape())) {
                diagnostics.error(f.body().getLast().pos(), "function '" + f.name() + "' returns " + t.shape()
                        + " but declares -> " + declared.shape());
            } else if (result instanceof Type.Scalar) {
                diagnostics.error(f.body().getLast().pos(), "function '" + f.name() + "' returns a scalar but declares -> "
                        + declared.shape());
            }
            result = declared;
        }
        results.put(f.name(), result);
        path.pop();
        scopes.pop();
    }

    private void model(Decl.Model m) {
        scopes.push(new LinkedHashMap<>());
        path.push("model");
        m.params().forEach(p -> bind(p.name(), Type.SCALAR));
        m.body().forEach(this::stmt);
        path.pop();
        scopes.pop();
    }

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.Input i -> declare(i.name(), Binding.Role.INPUT, new Type.Tensor(i.shape(), i.kind()), s);
            case Stmt.Weight w -> declare(w.name(), Binding.Role.WEIGHT, new Type.Tensor(w.shape(), w.kind()), s);
            case Stmt.Let l -> let(l);
            case Stmt.Assign a -> assign(a);
            case Stmt.For f -> {
                scopes.push(new LinkedHashMap<>());
                path.push(path.peek() + "/for " + f.var());
                bind(f.var(), Type.SCALAR);
                f.body().forEach(this::stmt);
                path.pop();
                scopes.pop();
            }
            case Stmt.Output o -> output(o);
            case Stmt.Return r -> returned = typeOf(r.value());
            case Stmt.Assert a -> { }
            case Stmt.Precision p -> { }
        }
    }

    private void let(Stmt.Let l) {
        Type t = typeOf(l.value());
        if (l.declared().isPresent()) {
            Shape declared = l.declared().get();
            if (t instanceof Type.Tensor v && !Shapes.same(v.shape(), declared)) {
                diagnostics.error(l.pos(), "'" + l.name() + "' is declared " + declared + " but its value has shape " + v.shape());
            } else if (t instanceof Type.Scalar) {
                diagnostics.error(l.pos(), "'" + l.name() + "' is declared " + declared + " but its value is a scalar");
            }
            t = new Type.Tensor(declared, t instanceof Type.Tensor v ? v.kind() : ElemKind.FIXED);
        }
        declare(l.name(), Binding.Role.LET, t, l);
    }

    private void assign(Stmt.Assign a) {
        Type t = typeOf(a.value());
        Type old = lookup(a.name());
        if (old instanceof Type.Tensor o && t instanceof Type.Tensor v && !Shapes.same(o.shape(), v.shape())) {
            diagnostics.error(a.pos(), "assignment changes the shape of '" + a.name() + "' from " + o.shape() + " to " + v.shape());
        } else if (old instanceof Type.Tensor && t instanceof Type.Scalar || old instanceof Type.Scalar && t instanceof Type.Tensor) {
            diagnostics.error(a.pos(), "assignment changes '" + a.name() + "' from " + describe(old) + " to " + describe(t));
        }
    }

    private void output(Stmt.Output o) {
        if (o.value().isEmpty()) {
            return;
        }
        Type t = typeOf(o.value().get());
        if (t instanceof Type.Scalar) {
            diagnostics.error(o.pos(), "output '" + o.name() + "' must be a tensor, not a scalar");
        }
        declare(o.name(), Binding.Role.OUTPUT, t, o);
    }

    private void declare(String name, Binding.Role role, Type t, Stmt s) {
        bind(name, t);
        bindings.add(new Binding(path.peek(), name, role, t, s, s.pos()));
    }

    private void bind(String name, Type t) {
        scopes.peek().putIfAbsent(name, t);
    }

    private Type lookup(String name) {
        for (Map<String, Type> scope : scopes) {
            Type t = scope.get(name);
            if (t != null) {
                return t;
            }
        }
        return Type.UNKNOWN;
    }

    static String describe(Type t) {
        return switch (t) {
            case Type.Tensor v -> "a tensor " + v;
            case Type.Scalar s -> "a scalar";
            case Type.Unknown u -> "?";
        };
    }

    /** The type of a value expression; errors are reported and give {@link Type#UNKNOWN}. */
    Type typeOf(Expr e) {
        return switch (e) {
            case Expr.Num n -> {
                constants.literal(n);
                yield Type.SCALAR;
            }
            case Expr.Ref r -> lookup(r.name());
            case Expr.Neg n -> typeOf(n.operand());
            case Expr.Binary b -> binary(b);
            case Expr.Slice s -> slice(s);
            case Expr.ShapeLit s -> error(s, "a shape " + s.shape()
                    + " is only allowed as an argument of reshape, upsample, downsample, zeros or ones");
            case Expr.Str s -> error(s, "a string is only allowed in load(\"file.npy\")");
            case Expr.Call c -> call(c);
            case Expr.For f -> error(f, "a loop expression (for " + f.var() + " in .. { ... }) is only allowed as the argument of concat:"
                    + " concat(for " + f.var() + " in 0 .. k { X }, axis: a)");
        };
    }

    /** The type of a loop expression's body, checked once with the loop variable as a symbol (as a for statement's body). */
    Type loopBody(Expr.For f) {
        scopes.push(new LinkedHashMap<>());
        bind(f.var(), Type.SCALAR);
        Type t = typeOf(f.body());
        scopes.pop();
        return t;
    }

    Type error(Expr at, String message) {
        diagnostics.error(at.pos(), message);
        return Type.UNKNOWN;
    }

    private Type binary(Expr.Binary b) {
        Type l = typeOf(b.left());
        Type r = typeOf(b.right());
        if (l instanceof Type.Unknown || r instanceof Type.Unknown) {
            return Type.UNKNOWN;
        }
        if (b.op() == Expr.BinOp.DIV && r instanceof Type.Scalar) {
            constants.division(b);
        }
        if (l instanceof Type.Scalar && r instanceof Type.Scalar) {
            constants.arithmetic(b);
        }
        return switch (b.op()) {
            case ADD, SUB, MUL -> elementwise(b, l, r);
            case DIV -> r instanceof Type.Tensor ? elementwise(b, l, r) : l;
            case POW -> l instanceof Type.Tensor || r instanceof Type.Tensor
                    ? error(b, "'^' raises scalars; for a tensor write X * X") : Type.SCALAR;
            case MATMUL -> matmul(b, l, r);
        };
    }

    private Type elementwise(Expr.Binary b, Type l, Type r) {
        if (!(l instanceof Type.Tensor a)) {
            return r instanceof Type.Tensor t ? new Type.Tensor(t.shape(), ElemKind.FIXED) : Type.SCALAR;
        }
        if (!(r instanceof Type.Tensor c)) {
            return new Type.Tensor(a.shape(), ElemKind.FIXED);
        }
        Shape s = broadcast(a.shape(), c.shape());
        if (s == null) {
            return error(b, "shape mismatch in '" + b.op().text() + "': " + a.shape() + " and " + c.shape());
        }
        return new Type.Tensor(s, ElemKind.FIXED);
    }

    /** Equal ranks; per axis equal sizes, or one of them 1 (that axis is repeated). Null when incompatible. */
    static Shape broadcast(Shape a, Shape b) {
        if (a.rank() != b.rank()) {
            return null;
        }
        List<SizeExpr> dims = new ArrayList<>();
        for (int i = 0; i < a.rank(); i++) {
            SizeExpr x = a.dims().get(i);
            SizeExpr y = b.dims().get(i);
            if (Shapes.same(x, y) || Shapes.isOne(y)) {
                dims.add(x);
            } else if (Shapes.isOne(x)) {
                dims.add(y);
            } else {
                return null;
            }
        }
        return new Shape(dims, a.pos());
    }

    private Type matmul(Expr.Binary b, Type l, Type r) {
        if (!(l instanceof Type.Tensor a) || !(r instanceof Type.Tensor c)) {
            return error(b, "'@' multiplies two matrices; got " + describe(l) + " and " + describe(r));
        }
        if (a.shape().rank() != 2 || c.shape().rank() != 2 || !Shapes.same(a.shape().dims().get(1), c.shape().dims().get(0))) {
            return error(b, "matrix product needs [a, b] @ [b, c]; got " + a.shape() + " @ " + c.shape());
        }
        return new Type.Tensor(new Shape(List.of(a.shape().dims().get(0), c.shape().dims().get(1)), a.shape().pos()),
                ElemKind.FIXED);
    }

    private Type slice(Expr.Slice s) {
        Type t = typeOf(s.target());
        if (!(t instanceof Type.Tensor v)) {
            return t instanceof Type.Scalar ? error(s, "only a tensor can be sliced") : t;
        }
        if (v.shape().rank() != s.items().size()) {
            return error(s, "slice has " + s.items().size() + " items for a tensor of shape " + v.shape()
                    + "; give one per axis");
        }
        List<SizeExpr> dims = new ArrayList<>();
        for (int i = 0; i < s.items().size(); i++) {
            SizeExpr dim = v.shape().dims().get(i);
            dims.add(switch (s.items().get(i)) {
                case Expr.SliceItem.All a -> dim;
                case Expr.SliceItem.Index x -> new SizeExpr.Lit(1, x.pos());
                case Expr.SliceItem.Range r -> r.from().isEmpty() ? r.to().orElse(dim)
                        : new SizeExpr.Bin(SizeExpr.SizeOp.SUB, r.to().orElse(dim), r.from().get(), r.pos());
            });
        }
        for (int i = 0; i < dims.size(); i++) {
            Long c = Shapes.constant(dims.get(i));
            if (c != null && c < 1) {
                return error(s, "slice item " + (i + 1) + " selects " + c + " elements; a slice keeps at least one");
            }
        }
        return new Type.Tensor(new Shape(dims, v.shape().pos()), v.kind());
    }

    private Type call(Expr.Call c) {
        Builtin b = Builtin.named(c.callee());
        if (b != null) {
            Type t = builtins.type(b, c);
            if (b.isElementwise() && t instanceof Type.Scalar) {
                constants.function(b, c);
            }
            return t;
        }
        Decl.Function f = functions.get(c.callee());
        List<Type> args = c.args().stream().map(this::typeOf).toList();
        if (f == null || args.size() != f.params().size() || !c.named().isEmpty()) {
            return Type.UNKNOWN;
        }
        Type result = results.getOrDefault(f.name(), Type.UNKNOWN);
        Map<String, SizeExpr> env = new CallBinder(diagnostics, f, c).bind(args);
        if (env == null || !(result instanceof Type.Tensor t)) {
            return env == null ? Type.UNKNOWN : result;
        }
        return new Type.Tensor(tc0.dsl.ast.SizeExprs.substitute(t.shape(), env), t.kind());
    }
}
