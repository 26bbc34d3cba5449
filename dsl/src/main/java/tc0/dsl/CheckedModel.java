package tc0.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc0.dsl.ast.Decl;
import tc0.dsl.ast.Shape;
import tc0.dsl.ast.SizeExpr;
import tc0.dsl.ast.SizeExprs;
import tc0.dsl.ast.Stmt;
import tc0.dsl.check.Binding;
import tc0.dsl.check.Type;

/**
 * A model that passed every check, with what an elaborator needs: parameters and their defaults,
 * the precision, inputs, weights (including those inside functions and loops), the statements in
 * order, the functions it may call (its file's and the prelude's), outputs, asserted bounds, the
 * symbolic shape of every binding, and evaluation of sizes for concrete parameter values.
 */
public final class CheckedModel {
    private final String file;
    private final Decl.Model model;
    private final Map<String, Decl.Function> functions;
    private final Map<String, Type> functionResults;
    private final List<Binding> bindings;
    private final Stmt.Precision precision;
    private final Map<String, Long> values;
    private final Map<Stmt, Set<List<Long>>> concreteShapes;

    CheckedModel(String file, Decl.Model model, Map<String, Decl.Function> functions, Map<String, Type> functionResults,
            List<Binding> bindings, Stmt.Precision precision, Map<String, Long> values,
            Map<Stmt, Set<List<Long>>> concreteShapes) {
        this.file = file;
        this.model = model;
        this.functions = Map.copyOf(functions);
        this.functionResults = Map.copyOf(functionResults);
        this.bindings = List.copyOf(bindings);
        this.precision = precision;
        this.values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.concreteShapes = concreteShapes;
    }

    public String file() {
        return file;
    }

    public String name() {
        return model.name();
    }

    /** The model declaration itself. */
    public Decl.Model model() {
        return model;
    }

    public List<Decl.Param> params() {
        return model.params();
    }

    public Stmt.Precision precision() {
        return precision;
    }

    /** The model body in source order. */
    public List<Stmt> statements() {
        return model.body();
    }

    public List<Stmt.Input> inputs() {
        return model.body().stream().filter(s -> s instanceof Stmt.Input).map(s -> (Stmt.Input) s).toList();
    }

    /** Every weight declaration of the model body and of the file's functions (with its scope). */
    public List<Binding> weights() {
        return bindings.stream().filter(b -> b.role() == Binding.Role.WEIGHT).toList();
    }

    public List<Stmt.Output> outputs() {
        return model.body().stream().filter(s -> s instanceof Stmt.Output).map(s -> (Stmt.Output) s).toList();
    }

    public List<Stmt.Assert> asserts() {
        return model.body().stream().filter(s -> s instanceof Stmt.Assert).map(s -> (Stmt.Assert) s).toList();
    }

    /** The functions the model may call, by name: its file's and the prelude's. */
    public Map<String, Decl.Function> functions() {
        return functions;
    }

    /** Each function's result type in terms of its own size names. */
    public Map<String, Type> functionResults() {
        return functionResults;
    }

    /** Every binding of the model and of the file's own functions, in source order, with its symbolic type. */
    public List<Binding> bindings() {
        return bindings;
    }

    /** The parameter values the concrete checks used (defaults and given values); empty when some had none. */
    public Map<String, Long> parameterValues() {
        return values;
    }

    /**
     * The concrete shapes a model-body binding takes for {@link #parameterValues()}: one for a
     * binding outside loops, one per distinct shape over the iterations inside loops.
     */
    public List<List<Long>> concreteShapes(Binding b) {
        Set<List<Long>> s = concreteShapes.get(b.stmt());
        return s == null ? List.of() : List.copyOf(s);
    }

    /**
     * All parameter values: {@code overrides}, then the defaults in order.
     *
     * @throws IllegalArgumentException for an unknown parameter, or one with no default and no value
     * @throws tc0.dsl.ast.SizeEvalException when a default cannot be evaluated
     */
    public Map<String, Long> resolveParameters(Map<String, Long> overrides) {
        for (String name : overrides.keySet()) {
            if (model.params().stream().noneMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException("unknown parameter '" + name + "'; model '" + name()
                        + "' has " + paramNames());
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (Decl.Param p : model.params()) {
            Long v = overrides.get(p.name());
            if (v == null) {
                SizeExpr d = p.defaultValue().orElseThrow(() -> new IllegalArgumentException(
                        "parameter '" + p.name() + "' has no default; give a value"));
                v = SizeExprs.eval(d, out);
            }
            out.put(p.name(), v);
        }
        return out;
    }

    /** The parameter names, comma separated. */
    public String paramNames() {
        List<String> names = new ArrayList<>();
        model.params().forEach(p -> names.add(p.name()));
        return names.isEmpty() ? "no parameters" : String.join(", ", names);
    }

    /** The value of a size for the given names (parameters, loop variables). */
    public static long eval(SizeExpr e, Map<String, Long> env) {
        return SizeExprs.eval(e, env);
    }

    /** The concrete sizes of a shape for the given names. */
    public static List<Long> eval(Shape s, Map<String, Long> env) {
        return s.dims().stream().map(d -> SizeExprs.eval(d, env)).toList();
    }
}
