package tc0.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * More commands in the launcher's one ahead-of-time training run. The JVM records one run into its cache; the
 * launcher trains on a compile (building and lowering) and, through {@code -Dtc0.aot.then}, on counts too (a
 * causal transformer's masked softmax and triangle product, a plain one's), so that a later count starts with
 * those classes linked and their methods' profiles known. The property holds commands one a line, words
 * separated by tabs; their output is dropped. Only the launcher sets it.
 */
final class AotTraining {
    private AotTraining() {}

    static final String PROPERTY = "tc0.aot.then";

    /** Runs the commands {@code spec} names (see the class comment); returns the first non-zero exit code, else 0. */
    static int runThen(String spec) {
        int worst = 0;
        for (String line : spec.split("\n")) {
            if (line.isBlank()) continue;
            String[] args = line.split("\t");
            picocli.CommandLine cl = Main.commandLine(args);
            cl.setOut(new PrintWriter(Writer.nullWriter()));
            int code = cl.execute(args);
            if (worst == 0) worst = code;
        }
        return worst;
    }
}
