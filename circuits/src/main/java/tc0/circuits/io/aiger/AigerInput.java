package tc0.circuits.io.aiger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tc0.circuits.io.CircuitFormatException;

/**
 * The bytes of an AIGER file with the reader's position in them, so every error can say where it is: the line
 * in the text parts, the byte offset in the binary AND section. Lines are bounded in length, so bytes without
 * a newline cannot make the reader build a huge string.
 */
final class AigerInput {
    static final int MAX_LINE = 1 << 16;

    private final InputStream in;
    private final String file;
    private long offset;
    private int line = 1;
    // Our own buffer: a read() per byte on a (locking) BufferedInputStream cost more than the parse.
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;

    AigerInput(InputStream in, String file) {
        this.in = in;
        this.file = file;
    }

    String file() {
        return file;
    }

    int line() {
        return line;
    }

    long offset() {
        return offset;
    }

    int peek() throws IOException {
        if (pos == limit && !fill()) return -1;
        return buf[pos] & 0xFF;
    }

    int read() throws IOException {
        if (pos == limit && !fill()) return -1;
        int b = buf[pos++] & 0xFF;
        offset++;
        if (b == '\n') line++;
        return b;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) return false;
        pos = 0;
        limit = n;
        return true;
    }

    /**
     * The next line without its end ('\n', an optional '\r' before it), or null at the end of the file. Every
     * line must end in '\n': a file cut inside a line would otherwise pass ("6 2 14" cut to "6 2 1").
     */
    String readLine() throws IOException, CircuitFormatException {
        if (peek() < 0) return null;
        byte[] text = new byte[64];
        int n = 0;
        int startLine = line;
        int b;
        for (b = read(); b >= 0 && b != '\n'; b = read()) {
            if (n == MAX_LINE) throw errorAtLine(startLine, "line longer than " + MAX_LINE + " bytes (binary data where text was expected?)");
            if (n == text.length) text = Arrays.copyOf(text, n * 2);
            text[n++] = (byte) b;
        }
        if (b < 0) throw errorAtLine(startLine, "truncated: the file ends inside this line (no line end)");
        if (n > 0 && text[n - 1] == '\r') n--;
        return new String(text, 0, n, StandardCharsets.UTF_8);
    }

    /** A line that must be there: its absence means the file was cut short. */
    String requireLine(String what) throws IOException, CircuitFormatException {
        String s = readLine();
        if (s == null) throw errorAtLine(line, "truncated: the file ends where " + what + " was expected");
        return s;
    }

    CircuitFormatException errorAtLine(int lineNumber, String message) {
        return new CircuitFormatException(file + ": line " + lineNumber + ": " + message);
    }

    CircuitFormatException errorAtByte(long byteOffset, String message) {
        return new CircuitFormatException(file + ": byte " + byteOffset + ": " + message);
    }

    /** Makes text from the file safe to quote in a one-line message. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < s.length() && i < 40; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        if (s.length() > 40) b.append("...");
        return b.append('\'').toString();
    }
}
