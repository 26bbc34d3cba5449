package tc0.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import tc0.circuits.Circuit;
import tc0.compiler.lower.Lowered;

/**
 * What compiling a spec takes besides the file: {@code --set} values and the {@code --max-gates} size guard.
 * Shared by every command that reads a spec; the commands that also read circuit files refuse the spec-only
 * options on a circuit file.
 */
final class SpecSettings {
    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "a model parameter's value, for a spec (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--max-gates", paramLabel = "N", description =
        "refuse to build a spec counted above N gates (counted first, in a second, without building;"
        + " nothing is written). Default: refuse what would not fit the JVM heap, at the measured peak of "
        + SizeGuard.PEAK_BYTES_PER_GATE + " bytes a gate and " + SizeGuard.PEAK_BYTES_PER_WIRE + " a wire"
        + " (gin n = 128, 9 million gates and 120 million wires, is estimated at ~1.4 GB; raise the heap with TC0_JAVA_OPTS=-Xmx20g).")
    Long maxGates;

    /** The {@code --set} values, parsed. */
    Map<String, Long> values() {
        return ParseCommand.values(sets);
    }

    /** The size guard of these options; {@code hint} is the advice a refusal ends with. */
    SizeGuard guard(String hint) {
        return SizeGuard.of(maxGates, hint);
    }

    /** The spec checked, elaborated for the values, counted against the guard and lowered. */
    Lowered compile(Path spec) {
        return compile(spec, Phases.NONE);
    }

    /** As {@link #compile(Path)}, marking the stages in {@code phases}. */
    Lowered compile(Path spec, Phases phases) {
        return SpecCompiler.compile(spec, values(), guard(SizeGuard.BUILD_HINT), phases);
    }

    /** A circuit and what to call it: the file's name, and for a spec every parameter's value. */
    record Opened(Circuit circuit, String title) {}

    /** A circuit file read, or a spec (.tc0) compiled in memory. */
    Opened open(Path file) {
        if (SpecCompiler.isSpec(file)) {
            Lowered l = compile(file);
            return new Opened(l.circuit(), SpecCompiler.describe(file, l.program()));
        }
        if (!sets.isEmpty()) throw new UserError("--set " + sets.getFirst() + ": --set is for specs (.tc0), and " + file + " is a circuit file");
        if (maxGates != null) throw new UserError("--max-gates is for specs (.tc0), and " + file + " is a circuit file");
        return new Opened(CircuitLoader.load(file), file.toString());
    }

    /** The circuit of {@link #open}. */
    Circuit load(Path file) {
        return open(file).circuit();
    }
}
