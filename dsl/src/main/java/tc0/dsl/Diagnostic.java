package tc0.dsl;

import java.util.Objects;

/**
 * One error in a source file: where (1-based line and column) and a one-line message.
 * {@link #render(String)} gives {@code file:line:col: message}, the source line and a caret.
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

    /** {@code file:line:col: message}. */
    public String headline() {
        return file + ":" + line + ":" + col + ": " + message;
    }

    /** The headline, then the source line and a caret under the column (three lines, no trailing newline). */
    public String render(String source) {
        String[] lines = source.split("\r?\n", -1);
        if (line > lines.length) {
            return headline();
        }
        String text = lines[line - 1];
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < col - 1 && i < text.length(); i++) {
            caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        caret.append(" ".repeat(Math.max(0, col - 1 - text.length())));
        return headline() + "\n" + text + "\n" + caret + "^";
    }

    @Override
    public String toString() {
        return headline();
    }
}
