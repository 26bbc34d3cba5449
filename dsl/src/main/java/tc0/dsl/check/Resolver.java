package tc0.dsl.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc0.dsl.Diagnostics;
import tc0.dsl.ast.Decl;
import tc0.dsl.ast.Expr;
import tc0.dsl.ast.Init;
import tc0.dsl.ast.Pos;
import tc0.dsl.ast.Shape;
import tc0.dsl.ast.SizeExpr;
import tc0.dsl.ast.SizeExprs;
import tc0.dsl.ast.Stmt;

/**
 * Names: every name defined once and used where it is visible, sizes where sizes are needed,
 * statements where they are allowed, calls with the right number of arguments, and no recursion.
 */
public final class Resolver {
    /** The outcome: all visible functions, the user's in an order where callees come first, the recursive ones. */
    public record Resolution(Map<String, Decl.Function> functions, List<Decl.Function> order, Set<String> recursive) {
        public Resolution {
            functions = Map.copyOf(functions);
            order = List.copyOf(order);
            recursive = Set.copyOf(recursive);
        }
    }

    private enum Kind { SIZE, VALUE }

    private record Entry(Kind kind, String what, Pos pos) {}

    private final Diagnostics diagnostics;
    private final Map<String, Decl.Function> prelude;
    private final Map<String, Decl.Function> functions = new LinkedHashMap<>();
    private final Map<String, Set<String>> calls = new HashMap<>();
    private final Deque<Map<String, Entry>> scopes = new ArrayDeque<>();
    private String currentFunction;

    public Resolver(Diagnostics diagnostics, Map<String, Decl.Function> prelude) {
        this.diagnostics = diagnostics;
        this.prelude = prelude;
    }

    public Resolution resolve(tc0.dsl.ast.Program program) {
        functions.putAll(prelude);
        for (Decl.Function f : program.functions()) {
            declareFunction(f);
        }
        for (Decl.Function f : program.functions()) {
            function(f);
        }
        program.models().forEach(this::model);
        RecursionCheck recursion = new RecursionCheck(diagnostics, calls, program.functions()); // its SCCs found once
        return new Resolution(functions, recursion.order(), recursion.recursive());
    }

    private void declareFunction(Decl.Function f) {
        if (Builtin.named(f.name()) != null) {
            diagnostics.error(f.pos(), "'" + f.name() + "' is a built-in; choose another name for the function");
        } else if (prelude.containsKey(f.name())) {
            diagnostics.error(f.pos(), "function '" + f.name() + "' is already defined in the prelude");
        } else if (functions.containsKey(f.name())) {
            diagnostics.error(f.pos(), "function '" + f.name() + "' is already defined at " + functions.get(f.name()).pos());
        } else {
            functions.put(f.name(), f);
        }
    }

    private void function(Decl.Function f) {
        currentFunction = f.name();
        calls.computeIfAbsent(f.name(), k -> new LinkedHashSet<>());
        scopes.push(new LinkedHashMap<>());
        Set<String> bound = new LinkedHashSet<>();
        for (Decl.FnParam p : f.params()) {
            if (p instanceof Decl.FnParam.Size s) {
                define(s.name(), new Entry(Kind.SIZE, "size parameter", s.pos()));
                bound.add(s.name());
            }
        }
        for (Decl.FnParam p : f.params()) {
            if (p instanceof Decl.FnParam.Tensor t) {
                bindPattern(t, bound);
            }
        }
        for (Decl.FnParam p : f.params()) {
            if (p instanceof Decl.FnParam.Tensor t) {
                checkPattern("'" + t.name() + "'", t.pattern(), bound);
                define(t.name(), new Entry(Kind.VALUE, "argument", t.pos()));
            }
        }
        f.result().ifPresent(r -> checkPattern("the result", r, bound));
        block(f.body(), false);
        checkReturn(f);
        scopes.pop();
        currentFunction = null;
    }

    private void bindPattern(Decl.FnParam.Tensor t, Set<String> bound) {
        for (SizeExpr d : t.pattern().dims()) {
            if (d instanceof SizeExpr.Sym s && bound.add(s.name())) {
                define(s.name(), new Entry(Kind.SIZE, "size", s.pos()));
            }
        }
    }

    private void checkPattern(String what, Shape pattern, Set<String> bound) {
        for (SizeExpr d : pattern.dims()) {
            for (String name : SizeExprs.names(d)) {
                if (!bound.contains(name)) {
                    diagnostics.error(d.pos(), "size '" + name + "' in the shape of " + what
                            + " is not bound: use it alone as an axis of a parameter, or declare '" + name + ": int'");
                }
            }
        }
    }

    private void checkReturn(Decl.Function f) {
        List<Stmt> body = f.body();
        if (body.isEmpty() || !(body.getLast() instanceof Stmt.Return)) {
            diagnostics.error(f.pos(), "function '" + f.name() + "' must end with 'return ...;'");
        }
    }

    private void model(Decl.Model m) {
        currentFunction = null;
        scopes.push(new LinkedHashMap<>());
        for (Decl.Param p : m.params()) {
            p.defaultValue().ifPresent(v -> defaultValue(p, v, m));
            define(p.name(), new Entry(Kind.SIZE, "parameter", p.pos()));
        }
        block(m.body(), true);
        if (m.body().stream().noneMatch(s -> s instanceof Stmt.Output)) {
            diagnostics.error(m.pos(), "model '" + m.name() + "' has no output");
        }
        scopes.pop();
    }

    private void defaultValue(Decl.Param p, SizeExpr v, Decl.Model m) {
        for (SizeExpr.Sym s : symbols(v, new ArrayList<>())) {
            if (lookup(s.name()) == null && m.params().stream().anyMatch(q -> q.name().equals(s.name()))) {
                diagnostics.error(s.pos(), "the default of '" + p.name() + "' uses '" + s.name()
                        + "', which is not an earlier parameter");
            } else {
                size(s, "the default of '" + p.name() + "'");
            }
        }
    }

    private void block(List<Stmt> body, boolean modelTop) {
        for (int i = 0; i < body.size(); i++) {
            Stmt s = body.get(i);
            if (s instanceof Stmt.Return r && (currentFunction == null || scopes.size() > 1 || i != body.size() - 1)) {
                diagnostics.error(r.pos(), currentFunction == null ? "'return' is only allowed at the end of a function"
                        : "'return' must be the last statement of the function");
            }
            stmt(s, modelTop);
        }
    }

    private void stmt(Stmt s, boolean modelTop) {
        switch (s) {
            case Stmt.Input i -> {
                placement(modelTop, "input", i.pos());
                shape(i.shape());
                define(i.name(), new Entry(Kind.VALUE, "input", i.pos()));
            }
            case Stmt.Weight w -> {
                shape(w.shape());
                if (w.init() instanceof Init.Random r) {
                    size(r.seed(), "a seed");
                }
                define(w.name(), new Entry(Kind.VALUE, "weight", w.pos()));
            }
            case Stmt.Let l -> {
                l.declared().ifPresent(this::shape);
                expr(l.value());
                define(l.name(), new Entry(Kind.VALUE, "let", l.pos()));
            }
            case Stmt.Assign a -> assign(a);
            case Stmt.For f -> loop(f);
            case Stmt.Output o -> output(o, modelTop);
            case Stmt.Assert a -> {
                placement(modelTop, "assert", a.pos());
                size(a.bound(), "a bound");
            }
            case Stmt.Precision p -> {
                placement(modelTop, "precision", p.pos());
                switch (p) {
                    case Stmt.Precision.Fixed f -> {
                        size(f.intBits(), "the precision");
                        size(f.fracBits(), "the precision");
                    }
                    case Stmt.Precision.Float f -> {
                        size(f.significandBits(), "the precision");
                        size(f.exponentBits(), "the precision");
                    }
                }
            }
            case Stmt.Return r -> expr(r.value());
        }
    }

    private void placement(boolean modelTop, String keyword, Pos pos) {
        if (!modelTop) {
            diagnostics.error(pos, "'" + keyword + "' is only allowed at the top level of a model");
        }
    }

    private void assign(Stmt.Assign a) {
        expr(a.value());
        Entry e = lookup(a.name());
        if (e == null) {
            diagnostics.error(a.pos(), "unknown name '" + a.name() + "'; introduce it with 'let " + a.name() + " = ...;'");
        } else if (!e.what().equals("let")) {
            diagnostics.error(a.pos(), "cannot assign to " + e.what() + " '" + a.name() + "'; only let bindings can be updated");
        }
    }

    private void loop(Stmt.For f) {
        size(f.from(), "a loop bound");
        size(f.to(), "a loop bound");
        scopes.push(new LinkedHashMap<>());
        define(f.var(), new Entry(Kind.SIZE, "loop variable", f.pos()));
        block(f.body(), false);
        scopes.pop();
    }

    private void output(Stmt.Output o, boolean modelTop) {
        placement(modelTop, "output", o.pos());
        if (o.value().isPresent()) {
            expr(o.value().get());
            define(o.name(), new Entry(Kind.VALUE, "output", o.pos()));
            return;
        }
        Entry e = lookup(o.name());
        if (e == null) {
            diagnostics.error(o.pos(), "unknown name '" + o.name() + "'");
        } else if (e.kind() == Kind.SIZE) {
            diagnostics.error(o.pos(), "'" + o.name() + "' is a size, not a tensor; an output is a tensor");
        }
    }

    private void define(String name, Entry entry) {
        Entry old = lookup(name);
        if (old != null) {
            diagnostics.error(entry.pos(), "'" + name + "' is already defined (" + old.what() + " at " + old.pos() + ")");
            return;
        }
        scopes.peek().put(name, entry);
    }

    private Entry lookup(String name) {
        for (Map<String, Entry> scope : scopes) {
            Entry e = scope.get(name);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private void shape(Shape s) {
        s.dims().forEach(d -> size(d, "a shape"));
    }

    private void size(SizeExpr e, String where) {
        for (SizeExpr.Sym s : symbols(e, new ArrayList<>())) {
            Entry entry = lookup(s.name());
            if (entry == null) {
                diagnostics.error(s.pos(), "unknown name '" + s.name() + "'");
            } else if (entry.kind() == Kind.VALUE) {
                diagnostics.error(s.pos(), where + " must be a size fixed before any data is seen; '" + s.name()
                        + "' is " + (entry.what().equals("input") ? "an " : "a ") + entry.what());
            }
        }
    }

    private static List<SizeExpr.Sym> symbols(SizeExpr e, List<SizeExpr.Sym> out) {
        switch (e) {
            case SizeExpr.Lit l -> { }
            case SizeExpr.Sym s -> out.add(s);
            case SizeExpr.Neg n -> symbols(n.operand(), out);
            case SizeExpr.Bin b -> {
                symbols(b.left(), out);
                symbols(b.right(), out);
            }
            case SizeExpr.Fn f -> f.args().forEach(a -> symbols(a, out));
        }
        return out;
    }

    private void expr(Expr e) {
        switch (e) {
            case Expr.Num n -> { }
            case Expr.Str s -> { }
            case Expr.Ref r -> ref(r);
            case Expr.Neg n -> expr(n.operand());
            case Expr.Binary b -> {
                expr(b.left());
                expr(b.right());
            }
            case Expr.Slice s -> {
                expr(s.target());
                s.items().forEach(this::sliceItem);
            }
            case Expr.ShapeLit s -> shape(s.shape());
            case Expr.Call c -> call(c);
            case Expr.For f -> {
                size(f.from(), "a loop bound");
                size(f.to(), "a loop bound");
                scopes.push(new LinkedHashMap<>());
                define(f.var(), new Entry(Kind.SIZE, "loop variable", f.pos()));
                expr(f.body());
                scopes.pop();
            }
        }
    }

    private void ref(Expr.Ref r) {
        if (lookup(r.name()) != null) {
            return;
        }
        if (Builtin.named(r.name()) != null || functions.containsKey(r.name())) {
            diagnostics.error(r.pos(), "'" + r.name() + "' is a function; call it as " + r.name() + "(...)");
        } else {
            diagnostics.error(r.pos(), "unknown name '" + r.name() + "'");
        }
    }

    private void sliceItem(Expr.SliceItem item) {
        switch (item) {
            case Expr.SliceItem.All a -> { }
            case Expr.SliceItem.Range r -> {
                r.from().ifPresent(x -> size(x, "a slice bound"));
                r.to().ifPresent(x -> size(x, "a slice bound"));
            }
            case Expr.SliceItem.Index i -> size(i.at(), "an index");
        }
    }

    private void call(Expr.Call c) {
        Builtin b = Builtin.named(c.callee());
        if (b != null) {
            builtinCall(b, c);
            return;
        }
        Decl.Function f = functions.get(c.callee());
        c.args().forEach(this::expr);
        c.named().forEach(a -> expr(a.value()));
        if (f == null) {
            String retired = Builtin.retired(c.callee());
            diagnostics.error(c.pos(), retired != null ? retired : "unknown function '" + c.callee() + "'");
            return;
        }
        if (currentFunction != null) {
            calls.computeIfAbsent(currentFunction, k -> new LinkedHashSet<>()).add(f.name());
        }
        if (!c.named().isEmpty()) {
            diagnostics.error(c.named().getFirst().pos(), "'" + f.name() + "' takes positional arguments only");
        } else if (c.args().size() != f.params().size()) {
            // scan(A, B) was a built-in; the prelude's scan (Mamba's block) takes four arguments
            String retired = c.args().size() == 2 ? Builtin.retired(f.name()) : null;
            diagnostics.error(c.pos(), retired != null ? retired + " (the prelude's scan(U, C, DA, BX) is Mamba's selective scan block)"
                    : "'" + f.name() + "' takes " + count(f.params().size()) + ", got " + c.args().size());
        }
    }

    private void builtinCall(Builtin b, Expr.Call c) {
        c.args().forEach(this::expr);
        int n = c.args().size();
        if (n < b.minArgs() || n > b.maxArgs()) {
            String expected = b.minArgs() == b.maxArgs() ? count(b.minArgs())
                    : b.minArgs() + " or " + b.maxArgs() + " positional arguments";
            diagnostics.error(c.pos(), "'" + b.text() + "' takes " + expected + ", got " + n + " (" + b.signature() + ")");
        }
        for (Expr.NamedArg a : c.named()) {
            Builtin.NamedParam p = b.named().stream().filter(q -> q.name().equals(a.name())).findFirst().orElse(null);
            if (p == null) {
                diagnostics.error(a.pos(), "'" + b.text() + "' has no argument '" + a.name() + ":' (" + b.signature() + ")");
            } else if (p.kind() != Builtin.ArgKind.MODE) {
                expr(a.value());
            }
        }
        for (Builtin.NamedParam p : b.named()) {
            if (p.required() && c.namedArg(p.name()).isEmpty()) {
                diagnostics.error(c.pos(), "'" + b.text() + "' needs argument '" + p.name() + ":' (" + b.signature() + ")");
            }
        }
    }

    private static String count(int n) {
        return n + (n == 1 ? " argument" : " arguments");
    }
}
