package tc0.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tc0.compiler.lower.Lowered;

/** The spec file and its {@code --set} values, shared by every command that compiles a spec. */
final class SpecOptions {
    @Parameters(paramLabel = "SPEC", description = "the spec file (.tc0)")
    Path file;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "a model parameter's value (repeatable)")
    List<String> sets = new ArrayList<>();

    /** The spec checked, elaborated for the values and lowered. */
    Lowered compile() {
        return SpecCompiler.compile(file, ParseCommand.values(sets));
    }
}
