package tc0.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tc0.compiler.lower.Lowered;

/** The spec file, its {@code --set} values and the size guard, shared by every command that compiles a spec. */
final class SpecOptions {
    @Parameters(paramLabel = "SPEC", description = "the spec file (.tc0)")
    Path file;

    @Mixin
    SpecSettings settings;

    /** The spec checked, elaborated for the values, counted against the guard and lowered. */
    Lowered compile() {
        return settings.compile(file);
    }

    /** As {@link #compile()}, marking the stages in {@code phases}. */
    Lowered compile(Phases phases) {
        return settings.compile(file, phases);
    }
}
