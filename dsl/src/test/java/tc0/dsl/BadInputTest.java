package tc0.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden bad inputs: each file under test resources bad/ lists its expected errors as {@code // error: L:C: message}. */
class BadInputTest {
    private static final Pattern EXPECTED = Pattern.compile("^// error: (\\d+:\\d+: .*)$", Pattern.MULTILINE);

    static Stream<Path> badInputs() {
        return TestFiles.badInputs().stream();
    }

    @Test
    void thereAreAtLeastFortyBadInputs() {
        assertTrue(TestFiles.badInputs().size() >= 40, "only " + TestFiles.badInputs().size() + " bad inputs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void everyBadInputReportsExactlyItsExpectedErrorsAtTheirPositions(Path file) {
        String source = TestFiles.read(file);
        List<String> expected = expected(source);
        assertFalse(expected.isEmpty(), file + " lists no expected error");
        CheckResult r = Dsl.check(source, file.getFileName().toString());
        List<String> actual = r.diagnostics().stream().map(d -> d.line() + ":" + d.col() + ": " + d.message()).toList();
        assertEquals(expected, actual, file.getFileName().toString());
        assertTrue(r.model().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void everyErrorRendersAsFileLineColumnThenTheLineThenACaret(Path file) {
        String source = TestFiles.read(file);
        CheckResult r = Dsl.check(source, "bad.tc0");
        for (Diagnostic d : r.diagnostics()) {
            String[] lines = d.render(source).split("\n");
            assertTrue(lines[0].startsWith("bad.tc0:" + d.line() + ":" + d.col() + ": "), lines[0]);
            if (lines.length == 3) {
                assertEquals(d.col() - 1, lines[2].indexOf('^'), d.render(source));
            }
        }
    }

    private static List<String> expected(String source) {
        Matcher m = EXPECTED.matcher(source);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
