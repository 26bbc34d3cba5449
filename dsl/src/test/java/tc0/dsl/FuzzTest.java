package tc0.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation loop over the examples and the prelude: tokens deleted, duplicated and swapped,
 * random bytes inserted. Every input must come back as a result, never an exception, and every
 * failure must be positioned inside the source.
 */
class FuzzTest {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*|\\d+(\\.\\d+)?|\\.\\.|->|<=|\"[^\"\\n]*\"|\\S");
    private static final int ROUNDS = 4000;

    @Test
    void thousandsOfMutatedSpecsGiveResultsWithPositionedErrorsAndNeverAnException() {
        List<String> seeds = new ArrayList<>(TestFiles.examples().stream().map(TestFiles::read).toList());
        seeds.add("fn f(X: [m, k]) -> [m, k] {\n    return X;\n}\n" + TestFiles.read(TestFiles.examples().getFirst()));
        Random random = new Random(20250101L);
        int failures = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String source = mutate(seeds.get(random.nextInt(seeds.size())), random);
            CheckResult r = Dsl.check(source, "fuzz.tc0");
            assertEquals(r.diagnostics().isEmpty(), r.model().isPresent());
            int lines = source.split("\n", -1).length;
            for (Diagnostic d : r.diagnostics()) {
                assertFalse(d.message().startsWith("internal error"), d.headline() + "\n---\n" + source);
                assertTrue(d.line() >= 1 && d.line() <= lines, d.headline());
                assertTrue(d.render(source).startsWith("fuzz.tc0:" + d.line() + ":" + d.col() + ": "));
            }
            failures += r.ok() ? 0 : 1;
        }
        assertTrue(failures > ROUNDS / 2, "mutations should mostly break the specs, broke " + failures);
    }

    private static String mutate(String source, Random random) {
        String s = source;
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            s = switch (random.nextInt(4)) {
                case 0 -> deleteToken(s, random);
                case 1 -> duplicateToken(s, random);
                case 2 -> swapTokens(s, random);
                default -> insertBytes(s, random);
            };
        }
        return s;
    }

    private static List<int[]> tokens(String s) {
        List<int[]> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    private static String deleteToken(String s, Random random) {
        List<int[]> t = tokens(s);
        int[] x = t.get(random.nextInt(t.size()));
        return s.substring(0, x[0]) + s.substring(x[1]);
    }

    private static String duplicateToken(String s, Random random) {
        List<int[]> t = tokens(s);
        int[] x = t.get(random.nextInt(t.size()));
        return s.substring(0, x[1]) + " " + s.substring(x[0], x[1]) + s.substring(x[1]);
    }

    private static String swapTokens(String s, Random random) {
        List<int[]> t = tokens(s);
        int i = random.nextInt(t.size() - 1);
        int j = i + 1 + random.nextInt(Math.min(8, t.size() - i - 1));
        int[] a = t.get(i);
        int[] b = t.get(j);
        return s.substring(0, a[0]) + s.substring(b[0], b[1]) + s.substring(a[1], b[0]) + s.substring(a[0], a[1])
                + s.substring(b[1]);
    }

    private static String insertBytes(String s, Random random) {
        int at = random.nextInt(s.length() + 1);
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append((char) random.nextInt(256));
        }
        return s.substring(0, at) + b + s.substring(at);
    }
}
