package tc0.compiler.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tc0.circuits.CircuitTooLargeException;
import tc0.compiler.count.CountOverflow;
import tc0.compiler.count.CountedCost;
import tc0.compiler.count.TensorIrToCost;
import tc0.compiler.elaborate.ElaborationException;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.Lowered;
import tc0.compiler.lower.TensorIrToCircuit;
import tc0.dsl.CheckResult;
import tc0.dsl.CheckedModel;
import tc0.dsl.Dsl;

/**
 * A spec through the stages, in the README's order: {@link #check}, {@link #elaborate}, {@link #count} or
 * {@link #lower}. Mirrors the CLI's SpecCompiler without its terminal progress and size guard: every way a
 * stage can refuse becomes one {@link PipelineException} with the diagnostic a user reads.
 */
public final class Pipeline {
    private Pipeline() {}

    /** The spec read, parsed and checked for {@code values}; a value for a parameter the model lacks is refused. */
    public static Checked check(Path spec, Map<String, Long> values) {
        String source = read(spec);
        CheckResult plain = Dsl.check(source, spec.toString());
        if (!plain.ok()) throw new PipelineException(plain.render().strip());
        if (values.isEmpty()) return new Checked(spec, source, plain.orElseThrow(), values);
        CheckedModel m = plain.orElseThrow();
        for (String p : values.keySet()) {
            if (m.params().stream().noneMatch(q -> q.name().equals(p))) {
                throw new PipelineException(spec + ": model '" + m.name() + "' has no parameter '" + p
                        + "'; its parameters are " + m.paramNames());
            }
        }
        CheckResult r = Dsl.check(source, spec.toString(), values);
        if (!r.ok()) throw new PipelineException(r.render().strip());
        return new Checked(spec, source, r.orElseThrow(), values);
    }

    /** The checked, elaborated program for {@code values}. */
    public static TensorProgram elaborate(Path spec, Map<String, Long> values) {
        return elaborate(check(spec, values));
    }

    public static TensorProgram elaborate(Checked c) {
        try {
            return Elaborator.elaborate(c.model(), c.values());
        } catch (ElaborationException e) {
            throw new PipelineException(e.diagnostic().render(c.source()).strip(), e);
        }
    }

    /**
     * {@code p}'s figures counted without building it, also where its weights pass a long
     * ({@link CountedCost#wide}). A program the counting mode does not cover is refused, naming what it lacks.
     */
    public static CountedCost count(Path spec, TensorProgram p, int rounds) {
        try {
            return TensorIrToCost.countWide(p, rounds);
        } catch (CountOverflow e) {
            throw new PipelineException(describe(spec, p) + ": cannot count: " + e.getMessage(), e);
        } catch (UnsupportedOperationException e) {
            throw new PipelineException(describe(spec, p) + ": cannot count: " + e.getMessage(), e);
        }
    }

    /**
     * {@code p}'s circuit, through a builder sized by its count where the count covers it (arrays allocated
     * once); above {@code maxGates} counted gates it is refused before building.
     */
    public static Lowered lower(Path spec, TensorProgram p, int rounds, long maxGates) {
        Optional<CountedCost> counted;
        try {
            counted = Optional.of(TensorIrToCost.count(p, rounds));
        } catch (CountOverflow e) {
            throw new PipelineException(describe(spec, p) + ": " + e.getMessage(), e);
        } catch (UnsupportedOperationException e) {
            counted = Optional.empty(); // the build either works or names what is missing
        }
        if (counted.isPresent() && counted.get().gatesAbove(maxGates)) {
            throw new PipelineException(String.format("%s: counted %,d gates, more than the limit of %,d; try a smaller n",
                    describe(spec, p), counted.get().gates(), maxGates));
        }
        try {
            return counted.isPresent() && counted.get().fitsLong()
                    ? TensorIrToCircuit.lower(p, rounds, counted.get().gates().longValueExact(), g -> {})
                    : TensorIrToCircuit.lower(p, rounds);
        } catch (UnsupportedOperationException e) {
            throw new PipelineException(spec + ": " + e.getMessage(), e);
        } catch (CircuitTooLargeException e) {
            throw new PipelineException(describe(spec, p) + ": " + e.getMessage() + "; try a smaller n", e);
        }
    }

    /** "examples/gin.tc0 (n=8, d=4, layers=2)": the spec and every parameter's value. */
    public static String describe(Path spec, TensorProgram p) {
        if (p.parameters().isEmpty()) return spec.toString();
        return spec + p.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static String read(Path spec) {
        if (Files.isDirectory(spec)) throw new PipelineException(spec + ": is a directory, not a spec file");
        try {
            return Files.readString(spec, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PipelineException(spec + ": no such file");
        } catch (IOException e) {
            throw new PipelineException(spec + ": cannot read: " + e.getMessage());
        }
    }
}
