package tc0.dsl;

import java.util.Objects;

/**
 * One error in a source file: where (1-based line and column) and a one-line message.
 * {@link #render(String)} gives {@code file:line:col: message}, a window of the source line and a caret;
 * what it prints is bounded in length and has its control characters escaped (see {@link Escape}).
 */
public record Diagnostic(String file, int line, int col, String message) {
    public Diagnostic {
        Objects.requireNonNull(file);
        Objects.requireNonNull(message);
        if (line < 1 || col < 1) {
            throw new IllegalArgumentException("positions are 1-based: " + line + ":" + col);
        }
        if (message.contains("\n")) {
            throw new IllegalArgumentException("a message is one line: " + message);
        }
    }

    /** The longest message printed whole: a message quoting a huge token is cut after this many characters. */
    public static final int MAX_MESSAGE = 300;

    /** {@code file:line:col: message}, escaped, the message cut at {@link #MAX_MESSAGE} printed characters. */
    public String headline() {
        String m = Escape.controls(message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE + 1));
        return Escape.controls(file) + ":" + line + ":" + col + ": " + (m.length() <= MAX_MESSAGE ? m : m.substring(0, MAX_MESSAGE) + "...");
    }

    /** The headline, then a window of the source line and a caret under the column (three lines, no trailing newline). */
    public String render(String source) {
        return render(SourceLines.of(source));
    }

    String render(SourceLines lines) {
        return line > lines.count() ? headline() : headline() + "\n" + lines.quote(line, col);
    }

    @Override
    public String toString() {
        return headline();
    }
}
