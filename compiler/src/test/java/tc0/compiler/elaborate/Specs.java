package tc0.compiler.elaborate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tc0.compiler.ir.TensorProgram;
import tc0.dsl.CheckResult;
import tc0.dsl.CheckedModel;
import tc0.dsl.Dsl;

/** Test helpers: the example specs and small models from source text. */
public final class Specs {
    private Specs() {}

    /** The repository's examples directory (tests run in compiler/). */
    public static Path examples() {
        Path p = Path.of("..", "examples");
        return Files.isDirectory(p) ? p : Path.of("examples");
    }

    public static List<Path> exampleFiles() {
        try (Stream<Path> s = Files.list(examples())) {
            return s.filter(f -> f.toString().endsWith(".tc0")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CheckedModel check(Path file, Map<String, Long> params) {
        try {
            CheckResult r = Dsl.check(file, params);
            return r.orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TensorProgram example(String name, Map<String, Long> params) {
        return Elaborator.elaborate(check(examples().resolve(name + ".tc0"), params), params);
    }

    public static CheckedModel checkSource(String source) {
        return Dsl.check(source, "test.tc0").orElseThrow();
    }

    public static TensorProgram elaborate(String source) {
        return Elaborator.elaborate(checkSource(source));
    }
}
