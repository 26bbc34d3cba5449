package tc0.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What an error prints is bounded whatever the file: at most {@link CheckResult#SHOWN} errors then a count,
 * each quoting a window of its line around the column, control characters escaped.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BoundedDiagnosticsTest {
    private static final String SPEC = "model m(n = 4) {\n    precision fixed(int: 8, frac: 4);\n    input X: [n, n];\n"
            + "    output Y = %s;\n}\n";

    @Test
    void aLongLineIsQuotedAsAWindowAroundTheColumnWithTheCaretUnderIt() {
        String pad = "X +          ".repeat(40); // 520 characters before the unknown name, 40 operators
        String rest = "          + X".repeat(40);
        String source = SPEC.formatted(pad + "Q" + rest);
        CheckResult r = Dsl.check(source, "long.tc0");
        String[] lines = r.render().split("\n");
        int col = "    output Y = ".length() + pad.length() + 1;
        assertEquals("long.tc0:4:" + col + ": unknown name 'Q'", lines[0]);
        assertEquals(3, lines.length);
        // 60 characters before the column, 60 from it, ellipses both sides
        assertEquals("..." + (pad + "Q" + rest).substring(pad.length() - 60, pad.length() + 60) + "...", lines[1]);
        assertEquals(" ".repeat(3 + 60) + "^", lines[2]);
    }

    @Test
    void aShortLineIsQuotedWhole() {
        CheckResult r = Dsl.check(SPEC.formatted("X + Q"), "short.tc0");
        assertEquals("short.tc0:4:20: unknown name 'Q'\n    output Y = X + Q;\n                   ^", r.render());
    }

    @Test
    void aColumnNearTheEndShowsTheLastWindowOfTheLine() {
        String source = SPEC.formatted("X + ".repeat(100) + "Q");
        String[] lines = Dsl.check(source, "end.tc0").render().split("\n");
        String line = source.split("\n")[3];
        assertEquals("..." + line.substring(line.length() - 120), lines[1]);
        assertEquals('Q', lines[1].charAt(lines[2].indexOf('^')));
    }

    @Test
    void escapeAndNulInQuotedSourceAndInMessagesArePrintedAsEscapes() {
        String source = SPEC.formatted("X \u001b[31m + \0 X");
        String out = Dsl.check(source, "esc.tc0").render();
        assertFalse(out.contains("\u001b"), out);
        assertFalse(out.contains("\0"), out);
        assertTrue(out.contains("esc.tc0:4:18: unexpected character '\\e'"), out);
        assertTrue(out.contains("    output Y = X \\e[31m + \\0 X;"), out);
        assertTrue(out.contains("unexpected character '\\0'"), out);
        // the caret sits under the escape: two characters printed for one in the source
        String[] lines = out.split("\n");
        assertEquals(lines[1].indexOf("\\e"), lines[2].indexOf('^'), out);
    }

    @Test
    void aBidiOverrideOrALoneCarriageReturnCannotRearrangeTheQuotedLine() {
        String out = Dsl.check(SPEC.formatted("X \u202e\r Q"), "bidi.tc0").render();
        assertFalse(out.contains("\u202e") || out.contains("\r"), out);
        assertTrue(out.contains("X \\u{202E}\\r Q"), out);
    }

    @Test
    void aFileOfBadCharactersPrintsFiftyErrorsThenHowManyMore() {
        String source = "# $ ".repeat(25_000); // 100 KB on one line: 50,000 bad characters
        CheckResult r = Dsl.check(source, "bad.tc0");
        String out = r.render();
        assertEquals(Diagnostics.KEEP, r.errorCount(), "the lexer stops at the kept errors");
        assertEquals(CheckResult.SHOWN * 3 + 1, out.split("\n").length);
        assertTrue(out.endsWith("\n... and 950 more errors (tc0 stops reading a file at 1000 errors; fix these first)"),
                out.substring(out.length() - 200));
        assertTrue(out.length() < 16_000, "bounded output: " + out.length());
    }

    @Test
    void aHugeTokenInAMessageIsCut() {
        String name = "w".repeat(100_000);
        CheckResult r = Dsl.check(SPEC.formatted(name), "big.tc0");
        String headline = r.render().split("\n")[0];
        assertTrue(headline.length() < Diagnostic.MAX_MESSAGE + 40, headline.length() + " characters");
        assertTrue(headline.endsWith("..."), headline);
    }
}
