package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status line of a long stage: the gates so far against the count, rewritten in place, erased at the end. */
class ProgressTest {
    @Test
    void theLineShowsTheGatesSoFarAndIsErasedAtTheEnd() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress p = Progress.to(err, "lowering gin (n=4)", 2_000_000, 0, 10);
        p.gates(1_500_000);
        String line = "tc0: lowering gin (n=4): 1.5 M of 2.0 M gates (75%), ";
        for (int i = 0; i < 200 && !bytes.toString(StandardCharsets.UTF_8).contains(line); i++) Thread.sleep(10);
        p.close();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\rtc0: lowering gin (n=4): ") && out.contains("\r" + line), out); // a tick may come before gates()
        String last = out.substring(out.lastIndexOf("\r" + line) + 1, out.lastIndexOf("\r", out.length() - 2));
        assertTrue(last.matches("tc0: lowering gin \\(n=4\\): 1\\.5 M of 2\\.0 M gates \\(75%\\), \\d+ s"), last);
        assertTrue(out.endsWith("\r" + " ".repeat(last.length()) + "\r"), "erased: " + out.replace("\r", "\\r"));
        int after = out.length();
        Thread.sleep(50);
        assertEquals(after, bytes.toString(StandardCharsets.UTF_8).length(), "nothing after close");
    }

    @Test
    void withoutACountTheLineSaysTheGatesBuilt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress p = Progress.to(err, "lowering x", 0, 0, 10)) {
            p.gates(42_000);
            for (int i = 0; i < 200 && !bytes.toString(StandardCharsets.UTF_8).contains("42,000 gates"); i++) Thread.sleep(10);
        }
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("tc0: lowering x: 42,000 gates, "), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aStageThatBuildsNoGatesShowsItsTimeAlone() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress p = Progress.to(err, "counting var (n=4096)", -1, 0, 10)) {
            for (int i = 0; i < 200 && !bytes.toString(StandardCharsets.UTF_8).contains("s"); i++) Thread.sleep(10);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.substring(1, out.indexOf('\r', 1)).matches("tc0: counting var \\(n=4096\\): \\d+ s"), out);
    }

    @Test
    void offTheTerminalNothingIsShown(@TempDir Path dir) {
        // Tests run with standard error redirected: no terminal, so compile's output is what it always was.
        Cli r = Cli.run("compile", "../examples/gin.tc0", "--set", "n=4", "-o", dir.resolve("gin4.tc0c").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
    }
}
