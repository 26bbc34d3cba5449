package tc0.dsl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random bytes and token soup of 1 KB to 1 MB through the reader's decoding and {@link Dsl#check}: every run ends
 * within {@link #BOUND_NANOS}, its rendered errors stay under {@link #MAX_OUTPUT} characters and no stage fails
 * inside (no internal error, no caught stack overflow). A few inputs by default; many with -Dtc0.heavy.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class GarbageFuzzTest {
    private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Fifty errors of a headline (name, position, a message cut at 300) and a window and caret of 120 columns each. */
    static final int MAX_OUTPUT = CheckResult.SHOWN * (40 + Diagnostic.MAX_MESSAGE + 3 + 2 * (SourceQuote.WINDOW + 8)) + 200;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aFewGarbageInputsEndInBoundedTimeAndOutput() {
        run(new Random(21), 6);
    }

    @Test
    @Tag("heavy")
    void manyGarbageInputsEndInBoundedTimeAndOutput() {
        run(new Random(2121), 200);
    }

    private static void run(Random random, int rounds) {
        for (int i = 0; i < rounds; i++) {
            int size = GarbageSpecs.size(random);
            byte[] bytes = GarbageSpecs.bytes(random, size);
            check("bytes " + i + " (" + size + " B)", new String(bytes, StandardCharsets.ISO_8859_1));
            try {
                check("decoded bytes " + i, SpecFile.decode(bytes, "fuzz.tc0"));
            } catch (SpecFileException e) {
                assertTrue(e.getMessage().startsWith("fuzz.tc0: ") && !e.getMessage().contains("\n"), e.getMessage());
            }
            check("soup " + i + " (" + size + " B)", GarbageSpecs.soup(random, size));
        }
    }

    private static void check(String what, String source) {
        long start = System.nanoTime();
        CheckResult r = Dsl.check(source, "fuzz.tc0");
        String out = r.render();
        long nanos = System.nanoTime() - start;
        assertTrue(nanos < BOUND_NANOS, what + " took " + nanos / 1_000_000 + " ms");
        assertTrue(out.length() < MAX_OUTPUT, what + " printed " + out.length() + " characters");
        assertFalse(out.contains("internal error") || out.contains("nested too deeply to check"), what + ": " + out);
        assertFalse(out.chars().anyMatch(c -> c != '\n' && c != '\t' && Escape.unsafe((char) c)), what + " printed a control character");
    }
}
