package tc0.circuits.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
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
     * Reads every pattern of {@code width} bits.
     *
     * @param source the file name, for messages ({@code file:line: ...})
     */
    public static BitMatrix read(Reader in, String source, int width) throws IOException, FormatException {
        List<boolean[]> patterns = new ArrayList<>();
        BufferedReader lines = new BufferedReader(in);
        int number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            boolean[] p = parse(line, width, source + ":" + number);
            if (p != null) patterns.add(p);
        }
        return BitMatrix.fromPatterns(width, patterns.toArray(new boolean[0][]));
    }

    /** The bits of one line, or null for a blank or comment line. */
    private static boolean[] parse(String line, int width, String where) throws FormatException {
        int hash = line.indexOf('#');
        String text = hash >= 0 ? line.substring(0, hash) : line;
        boolean[] bits = new boolean[width];
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '_' || Character.isWhitespace(ch)) continue;
            if (ch != '0' && ch != '1') {
                throw new FormatException(where + ": '" + ch + "' is not a bit; a pattern is " + width + " characters 0 or 1");
            }
            if (count < width) bits[count] = ch == '1';
            count++;
        }
        if (count == 0) return null;
        if (count != width) {
            throw new FormatException(where + ": " + count + " bits, but the circuit has " + width + " inputs");
        }
        return bits;
    }

    /** Pattern {@code p} as a line of 0 and 1 characters, row 0 first. */
    public static String line(BitMatrix m, int p) {
        StringBuilder sb = new StringBuilder(m.rows());
        for (int r = 0; r < m.rows(); r++) sb.append(m.get(r, p) ? '1' : '0');
        return sb.toString();
    }
}
