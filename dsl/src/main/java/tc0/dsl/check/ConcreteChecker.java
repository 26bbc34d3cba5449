package tc0.dsl.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tc0.dsl.Diagnostics;
import tc0.dsl.ast.Decl;
import tc0.dsl.ast.Printer;
import tc0.dsl.ast.Shape;
import tc0.dsl.ast.SizeEvalException;
import tc0.dsl.ast.SizeExpr;
import tc0.dsl.ast.SizeExprs;
import tc0.dsl.ast.Stmt;

/**
 * The checks that need parameter values: every loop runs a bounded number of times (upper bound not
 * below the lower, at most {@value #MAX_ITERATIONS} iterations), the model's loops unroll to at most
 * {@value #MAX_UNROLLED} iterations in all (estimated before any iteration is visited), every size of
 * every binding of the model body is at least 1 in every iteration, no weight has more than
 * {@value #MAX_WEIGHT_ELEMENTS} elements and no tensor's element count passes a long, and every asserted
 * bound has a value. It also returns the concrete
 * shapes of the model's bindings.
 */
public final class ConcreteChecker {
    /** The most iterations one loop may run. */
    public static final long MAX_ITERATIONS = 1 << 16;
    /** The most iterations the model's loops may unroll to, all loops and their nesting together. */
    public static final long MAX_UNROLLED = 1 << 20;
    /**
     * The most elements a weight may have: its values are stored, in a Java array. Other tensors are shapes
     * only until lowering (counting works in closed form past 2^60 elements); their counts must fit a long.
     */
    public static final long MAX_WEIGHT_ELEMENTS = Integer.MAX_VALUE;

    private final Diagnostics diagnostics;
    private final Map<Stmt, Type> types = new IdentityHashMap<>();
    private final Map<Stmt, Set<List<Long>>> shapes = new IdentityHashMap<>();

    public ConcreteChecker(Diagnostics diagnostics, List<Binding> bindings) {
        this.diagnostics = diagnostics;
        bindings.forEach(b -> types.put(b.stmt(), b.type()));
    }

    /**
     * The values of all parameters: {@code given} ones, then defaults in order; null when a parameter
     * has neither (no concrete checks are then possible). Bad defaults are reported.
     */
    public Map<String, Long> parameterValues(Decl.Model m, Map<String, Long> given) {
        Map<String, Long> values = new LinkedHashMap<>();
        boolean complete = true;
        for (Decl.Param p : m.params()) {
            if (given.containsKey(p.name())) {
                values.put(p.name(), given.get(p.name()));
            } else if (p.defaultValue().isPresent() && complete) {
                try {
                    values.put(p.name(), SizeExprs.eval(p.defaultValue().get(), values));
                } catch (SizeEvalException ex) {
                    diagnostics.error(ex.pos(), "default of '" + p.name() + "': " + ex.getMessage());
                    complete = false;
                }
            } else {
                complete = false;
            }
        }
        return complete ? values : null;
    }

    /** Checks the model body for the parameter values; returns each binding statement's concrete shapes. */
    public Map<Stmt, Set<List<Long>>> check(Decl.Model m, Map<String, Long> values) {
        if (new LoopBudget(diagnostics, MAX_UNROLLED).fits(m.body(), values)) {
            block(m.body(), new HashMap<>(values));
        }
        return shapes;
    }

    private void block(List<Stmt> body, Map<String, Long> env) {
        // Every statement the loops unroll to is visited: LoopBudget has bounded them (2^20 body runs in all).
        for (Stmt s : body) {
            stmt(s, env);
        }
    }

    private void stmt(Stmt s, Map<String, Long> env) {
        switch (s) {
            case Stmt.For f -> loop(f, env);
            case Stmt.Assert a -> evalBound(a, env);
            case Stmt.Input i -> sizes(i.name(), i.shape(), s, env);
            case Stmt.Weight w -> sizes(w.name(), w.shape(), s, env);
            case Stmt.Let l -> bound(l.name(), s, env);
            case Stmt.Output o -> bound(o.name(), s, env);
            case Stmt.Assign a -> { }
            case Stmt.Precision p -> { }
            case Stmt.Return r -> { }
        }
    }

    private void loop(Stmt.For f, Map<String, Long> env) {
        Long lo = eval(f.from(), env, "loop bound");
        Long hi = eval(f.to(), env, "loop bound");
        if (lo == null || hi == null) {
            return;
        }
        if (hi < lo) {
            diagnostics.error(f.pos(), "loop '" + f.var() + "' runs from " + lo + " to " + hi
                    + "; the upper bound must not be below the lower");
            return;
        }
        if (hi - lo > MAX_ITERATIONS || hi - lo < 0) {
            diagnostics.error(f.pos(), "loop '" + f.var() + "' runs " + (hi - lo) + " times; at most "
                    + MAX_ITERATIONS + " iterations are allowed");
            return;
        }
        for (long v = lo; v < hi; v++) {
            Map<String, Long> inner = new HashMap<>(env);
            inner.put(f.var(), v);
            block(f.body(), inner);
        }
    }

    private void bound(String name, Stmt s, Map<String, Long> env) {
        if (types.get(s) instanceof Type.Tensor t) {
            sizes(name, t.shape(), s, env);
        }
    }

    private void sizes(String name, Shape shape, Stmt s, Map<String, Long> env) {
        List<Long> concrete = new ArrayList<>();
        long elements = 1;
        for (SizeExpr d : shape.dims()) {
            Long v = eval(d, env, "size of '" + name + "'");
            if (v == null) {
                return;
            }
            if (v < 1) {
                diagnostics.error(s.pos(), "size " + Printer.size(d) + " of '" + name + "' is " + v + where(d, env)
                        + "; sizes must be at least 1");
                return;
            }
            concrete.add(v);
            elements = LoopBudget.times(elements, v);
        }
        if (elements == Long.MAX_VALUE) {
            diagnostics.error(s.pos(), "'" + name + "' of shape " + Printer.shape(shape) + " is " + concrete
                    + where(shape, env) + ", 2^63 elements or more; a tensor's element count must fit in 64 bits; use smaller sizes");
            return;
        }
        if (s instanceof Stmt.Weight && elements > MAX_WEIGHT_ELEMENTS) {
            diagnostics.error(s.pos(), "weight '" + name + "' of shape " + Printer.shape(shape) + " is " + concrete
                    + where(shape, env) + ", " + elements + " values; a weight holds at most 2^31 - 1 values (they are "
                    + "stored in one array); use smaller sizes");
            return;
        }
        shapes.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(List.copyOf(concrete));
    }

    /** A bound past 64 bits is no error (see SizeExprs.evalBound); a check against it must compare exactly. */
    private void evalBound(Stmt.Assert a, Map<String, Long> env) {
        try {
            SizeExprs.evalBound(a.bound(), env);
        } catch (SizeEvalException ex) {
            diagnostics.error(ex.pos(), "assert " + a.metric().text() + ": " + ex.getMessage());
        }
    }

    private Long eval(SizeExpr e, Map<String, Long> env, String what) {
        try {
            return SizeExprs.eval(e, env);
        } catch (SizeEvalException ex) {
            diagnostics.error(ex.pos(), what + ": " + ex.getMessage());
            return null;
        }
    }

    /** {@code " (n = 4, d = 2)"}: the values of the names a shape uses, for messages. */
    static String where(Shape shape, Map<String, Long> env) {
        SizeExpr all = shape.dims().getFirst();
        for (SizeExpr d : shape.dims().subList(1, shape.rank())) {
            all = new SizeExpr.Bin(SizeExpr.SizeOp.MUL, all, d, d.pos());
        }
        return where(all, env);
    }

    /** {@code " (n = 4, l = 1)"}: the values of the names {@code e} uses, for messages. */
    static String where(SizeExpr e, Map<String, Long> env) {
        String s = SizeExprs.names(e).stream().filter(env::containsKey).map(n -> n + " = " + env.get(n))
                .collect(Collectors.joining(", "));
        return s.isEmpty() ? "" : " (" + s + ")";
    }
}
