package tc0.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.Lowered;
import tc0.compiler.lower.TensorIrToCircuit;
import tc0.dsl.CheckResult;
import tc0.dsl.SpecFile;
import tc0.dsl.SpecFileException;

/**
 * A spec file through the stages, in the README's order: parse and check, elaborate for the parameter
 * values, count against the size guard, lower to a circuit. Every way a stage can refuse becomes one
 * {@link UserError} (exit 2).
 */
final class SpecCompiler {
    private SpecCompiler() {}

    static boolean isSpec(Path file) {
        return file.toString().endsWith(".tc0");
    }

    /** The checked, elaborated program. */
    static TensorProgram elaborate(Path spec, Map<String, Long> values) {
        return elaborate(spec, values, Phases.NONE);
    }

    private static TensorProgram elaborate(Path spec, Map<String, Long> values, Phases phases) {
        String source = read(spec);
        CheckResult r = ParseCommand.check(source, spec.toString(), values);
        if (!r.ok()) throw new UserError(r.render().strip());
        phases.mark("check");
        try {
            TensorProgram p = Elaborator.elaborate(r.orElseThrow(), values);
            phases.mark("elaborate");
            return p;
        } catch (ElaborationException e) {
            throw new UserError(e.diagnostic().render(source).strip());
        }
    }

    /** The program and its circuit, with the default compression rounds. */
    static Lowered compile(Path spec, Map<String, Long> values, SizeGuard guard) {
        return compile(spec, values, guard, Phases.NONE);
    }

    /** As {@link #compile(Path, Map, SizeGuard)}, marking check, elaborate, count and lower in {@code phases}. */
    static Lowered compile(Path spec, Map<String, Long> values, SizeGuard guard, Phases phases) {
        return lower(spec, elaborate(spec, values, phases), WeightedSum.DEFAULT_ROUNDS, guard, phases);
    }

    /** The circuit of an elaborated program, once the guard has counted it. */
    static Lowered lower(Path spec, TensorProgram p, int rounds, SizeGuard guard) {
        return lower(spec, p, rounds, guard, Phases.NONE);
    }

    private static Lowered lower(Path spec, TensorProgram p, int rounds, SizeGuard guard, Phases phases) {
        Optional<CountedCost> counted = guard.check(describe(spec, p), p, rounds);
        phases.mark("count");
        long total = counted.filter(CountedCost::fitsLong).map(c -> c.gates().longValueExact()).orElse(0L);
        try (Progress progress = Progress.onTerminal("lowering " + describe(spec, p), total)) {
            LongConsumer told = counted.isPresent() ? progress::gates : ((LongConsumer) progress::gates).andThen(guard.uncounted(describe(spec, p)));
            Lowered l = lowerSized(spec, p, rounds, counted, told);
            phases.mark("lower");
            return l;
        } catch (OutOfMemoryError e) {
            throw new UserError(describe(spec, p) + ": " + ExitCodes.outOfMemory(false), ExitCodes.OUT_OF_MEMORY);
        }
    }

    /**
     * Lowers {@code p} through a builder sized by its count where there is one (its arrays allocated once, not
     * grown and copied), telling {@code progress} the gates built after each node (it may stop the build); an op
     * the lowering lacks is a {@link UserError}.
     */
    static Lowered lowerSized(Path spec, TensorProgram p, int rounds, Optional<CountedCost> counted, LongConsumer progress) {
        try {
            return counted.isPresent() && counted.get().fitsLong()
                    ? TensorIrToCircuit.lower(p, rounds, counted.get().gates().longValueExact(), progress)
                    : TensorIrToCircuit.lower(p, rounds, true, progress);
        } catch (UnsupportedOperationException e) {
            throw new UserError(spec + ": " + e.getMessage());
        } catch (CircuitTooLargeException e) {
            throw new UserError(describe(spec, p) + ": " + e.getMessage() + "; try a smaller n");
        }
    }

    /**
     * {@code p} counted ({@code --count-only}), also where its weights pass a long ({@link CountedCost#wide});
     * where the summary cannot count it, a small program is built and counted as {@link SizeGuard#countFallback}
     * says on {@code err}; a refusal is a {@link UserError} whose advice is for counting.
     */
    static CountedCost count(Path spec, TensorProgram p, int rounds, SizeGuard guard, PrintWriter err) {
        String what = describe(spec, p);
        try (Progress progress = Progress.onTerminal("counting " + what, -1)) {
            return TensorIrToCost.countWide(p, rounds, guard.countFallback(what, err));
        } catch (CountOverflow e) {
            throw new UserError(what + ": cannot count: " + e.getMessage()); // building would overflow too
        } catch (UnsupportedOperationException e) {
            // The user counts: the advice is a smaller n (how large a build would be is not known here, so none is offered).
            String m = e.getMessage();
            throw new UserError(what + ": cannot count" + (m.startsWith("counting: ") ? " " + m.substring("counting: ".length()) : ": " + m) + "; try a smaller n");
        }
    }

    /** "examples/gin.tc0 (n=8, d=4, layers=2)": the spec and every parameter's value. */
    static String describe(Path spec, TensorProgram p) {
        if (p.parameters().isEmpty()) return spec.toString();
        return spec + p.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    /** The spec's text, read by the one bounded reader every command shares ({@link SpecFile}). */
    static String read(Path spec) {
        try {
            return SpecFile.read(spec);
        } catch (IOException e) {
            throw new UserError(e instanceof SpecFileException ? e.getMessage() : spec + ": cannot read: " + e.getMessage());
        }
    }
}
