package tc0.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the tc0 command line in-process, capturing what it prints: the harness every CLI test uses. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** The error output is one line, starts with "tc0: " and shows no stack trace. */
    boolean saysOneLineError() {
        String e = err.strip();
        return e.startsWith("tc0: ") && !e.contains("\n\tat ") && !e.contains("Exception");
    }
}
