package tc0.dsl;

import java.util.List;
import java.util.Random;

/** Inputs no one would write on purpose: random bytes, and token soup of the grammar's own words and signs. */
final class GarbageSpecs {
    /** Keywords, names, brackets, numbers, strings, operators and separators of the grammar, and a few bad characters. */
    static final List<String> TOKENS = List.of("model", "fn", "input", "weight", "let", "for", "in", "output", "assert",
            "precision", "return", "bit", "fixed", "depth", "X", "n", "W", "matmul", "relu", "(", ")", "[", "]", "{", "}",
            ",", ";", ":", "=", "..", "->", "<=", "+", "-", "*", "/", "@", "^", "0", "7", "2.5", "\"s\"", "\"", "//", "/*",
            "*/", "#", "$", "\n", "\t", "\u001b", "\0");

    private GarbageSpecs() {}

    /** A size from 1 KB to 1 MB, uniform in its logarithm, so small and large inputs are drawn alike. */
    static int size(Random random) {
        return 1 << (10 + random.nextInt(11));
    }

    /** {@code size} random bytes as ISO-8859-1 text: every char 0 to 255 (the reader refuses most as UTF-8). */
    static byte[] bytes(Random random, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    /** About {@code size} characters of grammar tokens in random order, spaced or not. */
    static String soup(Random random, int size) {
        StringBuilder b = new StringBuilder(size + 16);
        while (b.length() < size) {
            b.append(TOKENS.get(random.nextInt(TOKENS.size())));
            if (random.nextInt(4) != 0) b.append(' ');
        }
        return b.toString();
    }
}
