package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseCommandTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = ExitCodes.commandLine(new ParseCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void anExamplePrintsItsParametersPrecisionBindingsAndBounds() {
        Run r = run(EXAMPLES.resolve("rope_transformer.tc0").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("model rope_transformer"), r.out());
        assertTrue(r.out().contains("n = 8  [default 8]"), r.out());
        assertTrue(r.out().contains("precision: fixed(int: 8, frac: log2(n) + 4) = fixed(int: 8, frac: 7)"), r.out());
        assertTrue(r.out().matches("(?s).*input\\s+X\\s+\\[n, d\\]\\s+\\[8, 4\\].*"), r.out());
        assertTrue(r.out().contains("depth <= 113*layers + 37 = 263"), r.out());
    }

    @Test
    void setOverridesADefaultAndTheConcreteShapesFollow() {
        Run r = run(EXAMPLES.resolve("rope_transformer.tc0").toString(), "--set", "n=16", "--set", "d=6");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*input\\s+X\\s+\\[n, d\\]\\s+\\[16, 6\\].*"), r.out());
    }

    @Test
    void aBadSpecPrintsPositionedErrorsWithACaretAndExitsTwo(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.tc0");
        Files.writeString(f, "model m(n = 4) {\n    precision fixed(int: 8, frac: 4);\n    input X: [n, n];\n"
                + "    output Y = X @ Wk;\n}\n");
        Run r = run(f.toString());
        assertEquals(2, r.code());
        assertEquals(f + ":4:20: unknown name 'Wk'\n    output Y = X @ Wk;\n                   ^\n", r.err());
        assertFalse(r.err().contains("Exception"));
    }

    @Test
    void aMissingFileIsOneLineAndExitTwo() {
        Run r = run("no/such/spec.tc0");
        assertEquals(2, r.code());
        assertEquals("tc0: no/such/spec.tc0: no such file or directory\n", r.err());
    }

    @Test
    void anUnknownParameterOrANonIntegerValueIsOneLineAndExitTwo() {
        String spec = EXAMPLES.resolve("gcn.tc0").toString();
        Run unknown = run(spec, "--set", "q=3");
        assertEquals(2, unknown.code());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("has no parameter 'q'; its parameters are n, d, layers"), unknown.err());
        Run notInt = run(spec, "--set", "n=eight");
        assertEquals(2, notInt.code());
        assertEquals("tc0: --set n=eight: the value must be an integer\n", notInt.err());
    }

    @Test
    void aDirectoryChecksEveryExampleAndTimeReportsTheFigure() {
        Run r = run(EXAMPLES.toString(), "--time");
        assertEquals(0, r.code(), r.err());
        assertEquals(11, r.out().lines().filter(l -> l.startsWith("model ")).count());
        assertTrue(r.err().matches("tc0: parsed and checked 11 file\\(s\\) in [0-9.]+ ms\\n"), r.err());
    }

    @Test
    void helpShowsAnExample() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("tc0 parse examples/mamba.tc0 --set n=16"), r.out());
    }
}
