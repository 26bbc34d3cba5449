package tc0.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import tc0.compiler.count.CountOverflow;
import tc0.compiler.count.CountedCost;
import tc0.compiler.count.TensorIrToCost;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.Lowered;
import tc0.compiler.pipeline.Checked;
import tc0.compiler.pipeline.Pipeline;
import tc0.compiler.pipeline.PipelineException;

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

    /**
     * The program for {@code --count-only}: the builder's own limits (a weighted sum past 61 bits, a table past
     * 2^30 entries) are left to counting, which counts such a program and marks it not buildable.
     */
    static TensorProgram elaborateForCounting(Path spec, Map<String, Long> values) {
        Checked checked = check(spec, values);
        return user(() -> Pipeline.elaborateForCounting(checked));
    }

    private static TensorProgram elaborate(Path spec, Map<String, Long> values, Phases phases) {
        Checked checked = check(spec, values);
        phases.mark("check");
        return elaborate(checked, phases);
    }

    /** The spec parsed and checked for the values (its asserts, parameters and defaults). */
    static Checked check(Path spec, Map<String, Long> values) {
        return user(() -> Pipeline.check(spec, values));
    }

    /** A checked spec elaborated. */
    static TensorProgram elaborate(Checked checked) {
        return elaborate(checked, Phases.NONE);
    }

    private static TensorProgram elaborate(Checked checked, Phases phases) {
        TensorProgram p = user(() -> Pipeline.elaborate(checked));
        phases.mark("elaborate");
        return p;
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

    /** {@link Pipeline#lowerSized}, its refusals {@link UserError}s. */
    static Lowered lowerSized(Path spec, TensorProgram p, int rounds, Optional<CountedCost> counted, LongConsumer progress) {
        return user(() -> Pipeline.lowerSized(spec, p, rounds, counted, progress));
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
        return Pipeline.describe(spec, p);
    }

    /** The spec's text, read by the one bounded reader every command shares. */
    static String read(Path spec) {
        return user(() -> Pipeline.read(spec));
    }

    /** A pipeline stage's refusal as the {@link UserError} the commands print; an unknown parameter is named as --set gave it. */
    static <T> T user(Supplier<T> stage) {
        try {
            return stage.get();
        } catch (Pipeline.UnknownParameter e) {
            throw new UserError("--set " + e.parameter() + ": " + e.getMessage());
        } catch (PipelineException e) {
            throw new UserError(e.getMessage());
        }
    }
}
