package tc0.compiler.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
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
import tc0.dsl.SpecFile;
import tc0.dsl.SpecFileException;

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
        CheckResult r = check(source, spec.toString(), values);
        if (!r.ok()) throw new PipelineException(r.render().strip());
        return new Checked(spec, source, r.orElseThrow(), values);
    }

    /**
     * {@code source} checked with its defaults, then, where that passes and {@code values} are given, for them:
     * the result with every diagnostic; a value for a parameter the model lacks is an {@link UnknownParameter}.
     */
    public static CheckResult check(String source, String name, Map<String, Long> values) {
        CheckResult plain = Dsl.check(source, name);
        if (!plain.ok() || values.isEmpty()) return plain;
        CheckedModel m = plain.orElseThrow();
        for (String p : values.keySet()) {
            if (m.params().stream().noneMatch(q -> q.name().equals(p))) {
                throw new UnknownParameter(p, "model '" + m.name() + "' (" + name + ") has no parameter '" + p
                        + "'; its parameters are " + m.paramNames());
            }
        }
        return Dsl.check(source, name, values);
    }

    /** A value given for a parameter the model does not have. */
    public static final class UnknownParameter extends PipelineException {
        private final String parameter;

        UnknownParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** The checked, elaborated program for {@code values}. */
    public static TensorProgram elaborate(Path spec, Map<String, Long> values) {
        return elaborate(check(spec, values));
    }

    public static TensorProgram elaborate(Checked c) {
        return elaborate(c, false);
    }

    /** As {@link #elaborate(Checked)}, for counting only: the builder's limits left to counting ({@link Elaborator#elaborate(tc0.dsl.CheckedModel, Map, boolean)}). */
    public static TensorProgram elaborateForCounting(Checked c) {
        return elaborate(c, true);
    }

    private static TensorProgram elaborate(Checked c, boolean forCounting) {
        try {
            return Elaborator.elaborate(c.model(), c.values(), forCounting);
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
     * {@code p}'s circuit, through a builder sized by its count where the summary counts it (arrays allocated
     * once); above {@code maxGates} counted gates it is refused before building, and a build the summary cannot
     * count is stopped once it passes {@code maxGates}.
     */
    public static Lowered lower(Path spec, TensorProgram p, int rounds, long maxGates) {
        Optional<CountedCost> counted;
        try {
            // the summary only: where it cannot count, the count would build the circuit once just to count it and
            // the build below a second time; the build is held to the limit as it goes instead
            counted = Optional.of(TensorIrToCost.summaryOnly(p, rounds));
        } catch (CountOverflow e) {
            throw new PipelineException(describe(spec, p) + ": " + e.getMessage(), e);
        } catch (UnsupportedOperationException e) {
            counted = Optional.empty();
        }
        if (counted.isPresent() && counted.get().gatesAbove(maxGates)) {
            throw new PipelineException(String.format("%s: counted %,d gates, more than the limit of %,d; try a smaller n",
                    describe(spec, p), counted.get().gates(), maxGates));
        }
        return lowerSized(spec, p, rounds, counted, gates -> {
            if (gates > maxGates) {
                throw new PipelineException(String.format("%s: not counted beforehand and the build passed %,d gates, more than the"
                        + " limit of %,d; try a smaller n", describe(spec, p), gates, maxGates));
            }
        });
    }

    /**
     * Lowers {@code p} through a builder sized by its count where there is one (its arrays allocated once, not
     * grown and copied), telling {@code progress} the gates built after each node (it may stop the build by
     * throwing); an op the lowering lacks, or a circuit past what tc0 indexes, is a {@link PipelineException}.
     */
    public static Lowered lowerSized(Path spec, TensorProgram p, int rounds, Optional<CountedCost> counted,
            LongConsumer progress) {
        try {
            return counted.isPresent() && counted.get().fitsLong()
                    ? TensorIrToCircuit.lower(p, rounds, counted.get().gates().longValueExact(), progress)
                    : TensorIrToCircuit.lower(p, rounds, true, progress);
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

    /** The spec's text, read by the one bounded reader every tool shares ({@link SpecFile}). */
    public static String read(Path spec) {
        try {
            return SpecFile.read(spec);
        } catch (SpecFileException e) {
            throw new PipelineException(e.getMessage(), e);
        } catch (IOException e) {
            throw new PipelineException(spec + ": cannot read: " + e.getMessage(), e);
        }
    }
}
