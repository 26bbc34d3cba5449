package tc0.dsl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tc0.dsl.ast.Decl;
import tc0.dsl.ast.Pos;
import tc0.dsl.ast.Program;
import tc0.dsl.ast.Stmt;
import tc0.dsl.check.ConcreteChecker;
import tc0.dsl.check.PrecisionChecker;
import tc0.dsl.check.Resolver;
import tc0.dsl.check.ShapeChecker;
import tc0.dsl.check.Type;
import tc0.dsl.parser.SourceParser;

/**
 * The entry point: source text to a checked model. The stages, in order: parse (syntax errors),
 * build the AST, resolve names, check shapes, check the precision, then the checks that need
 * parameter values (defaults, or the values given). Every error of every stage is collected; no
 * exception escapes for any input.
 */
public final class Dsl {
    private Dsl() {}

    /** Checks {@code source} with the parameters' defaults. */
    public static CheckResult check(String source, String fileName) {
        return check(source, fileName, Map.of());
    }

    /** Checks {@code source}; {@code values} override parameter defaults for the concrete checks. */
    public static CheckResult check(String source, String fileName, Map<String, Long> values) {
        Diagnostics d = new Diagnostics(fileName);
        CheckedModel model = null;
        try {
            model = run(source, d, values);
        } catch (StackOverflowError e) {
            d.error(new Pos(1, 1), "the input is nested too deeply to check");
        } catch (RuntimeException e) {
            d.error(new Pos(1, 1), "internal error: " + String.valueOf(e).replace('\n', ' '));
        }
        return new CheckResult(fileName, source, d.hasErrors() ? Optional.empty() : Optional.ofNullable(model),
                d.sorted(), d.dropped(), d.stopped());
    }

    /** Reads and checks a file with the parameters' defaults. */
    public static CheckResult check(Path file) throws IOException {
        return check(file, Map.of());
    }

    /**
     * Reads (bounded, UTF-8: {@link SpecFile}) and checks a file; {@code values} override parameter defaults.
     * A file refused before parsing is a {@link SpecFileException}.
     */
    public static CheckResult check(Path file, Map<String, Long> values) throws IOException {
        return check(SpecFile.read(file), file.toString(), values);
    }

    /** Parses only (syntax and single-node checks): for tools that print or reformat source. */
    public static Optional<Program> parse(String source, Diagnostics diagnostics) {
        return SourceParser.parse(source, diagnostics);
    }

    private static CheckedModel run(String source, Diagnostics d, Map<String, Long> values) {
        Optional<Program> parsed = SourceParser.parse(source, d);
        if (parsed.isEmpty()) {
            return null;
        }
        Program program = parsed.get();
        Decl.Model model = onlyModel(program, d);
        Prelude prelude = Prelude.get();
        Resolver.Resolution r = new Resolver(d, prelude.functions()).resolve(program);
        ShapeChecker shapes = new ShapeChecker(d, r.functions(), prelude.results());
        Map<String, Type> results = shapes.check(program, r.order());
        if (model == null) {
            return null;
        }
        PrecisionChecker precisionChecker = new PrecisionChecker(d);
        Stmt.Precision precision = precisionChecker.check(model);
        unknownValues(model, values, d);
        ConcreteChecker concrete = new ConcreteChecker(d, shapes.bindings());
        Map<String, Long> params = d.hasErrors() ? null : concrete.parameterValues(model, values);
        Map<Stmt, Set<List<Long>>> concreteShapes = Map.of();
        if (params != null && !d.hasErrors()) {
            if (precision != null) {
                precisionChecker.checkValues(precision, params);
            }
            concreteShapes = concrete.check(model, params);
        }
        return new CheckedModel(d.file(), model, r.functions(), results, shapes.bindings(), precision, params,
                concreteShapes);
    }

    private static Decl.Model onlyModel(Program program, Diagnostics d) {
        List<Decl.Model> models = program.models();
        if (models.isEmpty()) {
            d.error(new Pos(1, 1), "no model in this file; a spec holds one 'model name(params) { ... }'");
            return null;
        }
        for (Decl.Model extra : models.subList(1, models.size())) {
            d.error(extra.pos(), "only one model per file (the first is '" + models.getFirst().name() + "' at "
                    + models.getFirst().pos() + ")");
        }
        return models.getFirst();
    }

    private static void unknownValues(Decl.Model model, Map<String, Long> values, Diagnostics d) {
        for (String name : values.keySet()) {
            if (model.params().stream().noneMatch(p -> p.name().equals(name))) {
                d.error(model.pos(), "a value is given for '" + name + "', which is not a parameter of '" + model.name() + "'");
            }
        }
    }
}
