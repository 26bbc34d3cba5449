package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bytes and token soup of 1 KB to 1 MB as spec files through {@code tc0 parse} and {@code tc0 compile -o}:
 * every run exits 2 within {@link #BOUND_MILLIS}, writes nothing, and its stderr stays under {@link #MAX_ERR} with no
 * stack trace. A few files by default; many with -Dtc0.heavy.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class SpecFuzzCliTest {
    private static final long BOUND_MILLIS = 5_000;
    /** Fifty errors of at most ~700 characters each, then the count (the dsl's GarbageFuzzTest derives the bound). */
    private static final int MAX_ERR = 40_000;
    private static final List<String> TOKENS = List.of("model", "fn", "input", "weight", "let", "for", "in", "output",
            "assert", "precision", "return", "bit", "X", "n", "relu", "(", ")", "[", "]", "{", "}", ",", ";", ":", "=",
            "..", "->", "<=", "+", "-", "*", "/", "@", "^", "0", "7", "2.5", "\"s\"", "\"", "//", "/*", "#", "\n", "\u001b");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFewGarbageSpecsExitTwoInBoundedTimeAndOutput() throws Exception {
        run(new Random(14), 3);
    }

    @Test
    @Tag("heavy")
    void manyGarbageSpecsExitTwoInBoundedTimeAndOutput() throws Exception {
        run(new Random(1414), 60);
    }

    private void run(Random random, int rounds) throws Exception {
        for (int i = 0; i < rounds; i++) {
            int size = 1 << (10 + random.nextInt(11));
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            check(Files.write(dir.resolve("bytes" + i + ".tc0"), bytes));
            StringBuilder soup = new StringBuilder(size + 16);
            while (soup.length() < size) soup.append(TOKENS.get(random.nextInt(TOKENS.size()))).append(random.nextBoolean() ? " " : "");
            check(Files.writeString(dir.resolve("soup" + i + ".tc0"), soup));
        }
    }

    private void check(Path spec) {
        Path out = dir.resolve("out.tc0c");
        for (String[] args : List.of(new String[] {"parse", spec.toString()},
                new String[] {"compile", spec.toString(), "-o", out.toString()})) {
            long start = System.nanoTime();
            Cli r = Cli.run(args);
            long millis = (System.nanoTime() - start) / 1_000_000;
            String what = args[0] + " " + spec.getFileName();
            assertTrue(millis < BOUND_MILLIS, what + " took " + millis + " ms");
            assertEquals(2, r.exitCode(), what + ": " + r.err());
            assertTrue(r.err().length() < MAX_ERR, what + " printed " + r.err().length() + " characters");
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), what + ": " + r.err());
            assertTrue(Files.notExists(out), what + " wrote " + out);
        }
    }
}
