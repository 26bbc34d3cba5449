package tc0.circuits.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Patterns as text, one per line: {@code 0} and {@code 1} characters, signal 0 first. Whitespace and
 * underscores are ignored (write {@code 0110_1001} or {@code 0 1 1 0}); {@code #} starts a comment; blank
 * lines are skipped.
 */
public final class PatternText {
    private PatternText() {}

    /** A line that is not a pattern of the expected width; the message names source and line. */
    public static final class FormatException extends Exception {
        public FormatException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads every pattern of {@code width} bits, a character at a time: a character that is not a bit is refused
     * where it stands, not after a line that may never end (/dev/zero), and text that is not UTF-8 (given a decoder
     * that reports errors) is refused.
     *
     * @param source the file name, for messages ({@code file:line: ...})
     */
    public static BitMatrix read(Reader in, String source, int width) throws IOException, FormatException {
        List<boolean[]> patterns = new ArrayList<>();
        Reader chars = in instanceof BufferedReader ? in : new BufferedReader(in, 1 << 16);
        boolean[] bits = new boolean[width];
        long count = 0; // bits on this line, past width too, for the message
        int line = 1;
        boolean comment = false;
        try {
            for (int ch = chars.read(); ; ch = chars.read()) {
                if (ch == -1 || ch == '\n') {
                    if (count > 0) {
                        if (count != width) {
                            throw new FormatException(source + ":" + line + ": " + count + " bits, but the circuit has " + width + " inputs");
                        }
                        patterns.add(bits);
                        bits = new boolean[width];
                        count = 0;
                    }
                    if (ch == -1) break;
                    line++;
                    comment = false;
                } else if (comment || ch == '_' || Character.isWhitespace(ch)) {
                    continue;
                } else if (ch == '#') {
                    comment = true;
                } else if (ch == '0' || ch == '1') {
                    if (count < width) bits[(int) count] = ch == '1';
                    count++;
                } else {
                    throw new FormatException(source + ":" + line + ": " + shown(ch) + " is not a bit; a pattern is " + width + " characters 0 or 1");
                }
            }
        } catch (CharacterCodingException e) {
            // no line: the decoder reads ahead, so the line reached is not the line of the bad byte
            throw new FormatException(source + ": not UTF-8 text (a binary file?); patterns are lines of 0 and 1");
        }
        return BitMatrix.fromPatterns(width, patterns.toArray(new boolean[0][]));
    }

    /** A character for a message: 'x' if printable, else its code point (U+0000), never a control character. */
    private static String shown(int ch) {
        return Character.isISOControl(ch) || !Character.isDefined(ch) || Character.isSurrogate((char) ch)
                ? String.format("U+%04X", ch) : "'" + (char) ch + "'";
    }

    /** Pattern {@code p} as a line of 0 and 1 characters, row 0 first. */
    public static String line(BitMatrix m, int p) {
        StringBuilder sb = new StringBuilder(m.rows());
        for (int r = 0; r < m.rows(); r++) sb.append(m.get(r, p) ? '1' : '0');
        return sb.toString();
    }
}
