package tc0.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc0.dsl.ast.Decl;
import tc0.dsl.ast.Program;
import tc0.dsl.check.Resolver;
import tc0.dsl.check.ShapeChecker;
import tc0.dsl.check.Type;
import tc0.dsl.parser.SourceParser;

/**
 * The prelude: functions written in the language itself ({@code attention}, {@code mlp},
 * {@code mamba_block}, ...), loaded from the resource {@code tc0/dsl/prelude.tc0} once, checked, and
 * visible to every model.
 */
public final class Prelude {
    /** The resource path of the prelude source. */
    public static final String RESOURCE = "tc0/dsl/prelude.tc0";
    /** The file name diagnostics use for the prelude. */
    public static final String FILE = "prelude.tc0";

    private final String source;
    private final Program program;
    private final Map<String, Decl.Function> functions;
    private final Map<String, Type> results;

    private Prelude(String source, Program program, Map<String, Decl.Function> functions, Map<String, Type> results) {
        this.source = source;
        this.program = program;
        this.functions = Map.copyOf(functions);
        this.results = Map.copyOf(results);
    }

    private static final class Holder {
        static final Prelude INSTANCE = load();
    }

    /** The prelude, loaded and checked on first use. */
    public static Prelude get() {
        return Holder.INSTANCE;
    }

    public String source() {
        return source;
    }

    public Program program() {
        return program;
    }

    /** The prelude's functions by name. */
    public Map<String, Decl.Function> functions() {
        return functions;
    }

    /** Each prelude function's result type, in terms of its own size names. */
    public Map<String, Type> results() {
        return results;
    }

    private static Prelude load() {
        String source = read();
        Diagnostics d = new Diagnostics(FILE);
        Program p = SourceParser.parse(source, d).orElse(new Program(List.of()));
        Resolver.Resolution r = new Resolver(d, Map.of()).resolve(p);
        Map<String, Type> results = new ShapeChecker(d, r.functions(), Map.of()).check(p, r.order());
        if (!p.models().isEmpty()) {
            d.error(p.models().getFirst().pos(), "the prelude holds functions only");
        }
        if (d.hasErrors()) {
            StringBuilder sb = new StringBuilder("the prelude does not check:");
            d.sorted().forEach(x -> sb.append('\n').append(x.render(source)));
            throw new IllegalStateException(sb.toString());
        }
        Map<String, Decl.Function> fns = new LinkedHashMap<>();
        p.functions().forEach(f -> fns.put(f.name(), f));
        return new Prelude(source, p, fns, results);
    }

    private static String read() {
        try (InputStream in = Prelude.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
