package tc0.dsl;

/**
 * The two lines under a diagnostic's headline: a window of at most {@link #WINDOW} characters of its source
 * line around the column (ellipses where the line goes on), control characters escaped, and a caret under
 * the column. Bounded work and output for any line: a 4 MB one-line file quotes 120 characters, not 4 MB.
 */
final class SourceQuote {
    /** Characters (code points) of the source line shown around the column. */
    static final int WINDOW = 120;
    private static final String MORE = "...";

    private SourceQuote() {}

    /**
     * The quote of 1-based {@code col} (in code points, as the lexer counts) in the line of {@code source} that
     * spans {@code [lineStart, lineEnd)}: the window, a newline, the caret line.
     */
    static String of(String source, int lineStart, int lineEnd, int col) {
        int caret = lineStart;
        int past = col - 1; // code points still to walk; what is left at the line's end lies beyond it
        while (past > 0 && caret < lineEnd) {
            caret = next(source, caret, lineEnd);
            past--;
        }
        int from = back(source, caret, lineStart, WINDOW / 2);
        int to = forward(source, from, lineEnd, WINDOW);
        if (to == lineEnd) from = back(source, to, lineStart, WINDOW);
        StringBuilder text = new StringBuilder(WINDOW + 16);
        StringBuilder under = new StringBuilder(WINDOW + 16);
        if (from > lineStart) {
            text.append(MORE);
            under.append(" ".repeat(MORE.length()));
        }
        for (int i = from; i < to; i = next(source, i, to)) {
            char c = source.charAt(i);
            String shown = Escape.of(c);
            text.append(shown);
            if (Character.isHighSurrogate(c) && i + 1 < to) text.append(source.charAt(i + 1));
            if (i < caret) under.append(c == '\t' ? "\t" : " ".repeat(shown.length()));
        }
        if (to < lineEnd) text.append(MORE);
        under.append(" ".repeat(Math.min(past, WINDOW))).append('^');
        return text + "\n" + under;
    }

    private static int next(String s, int i, int end) {
        return i + 1 < end && Character.isHighSurrogate(s.charAt(i)) && Character.isLowSurrogate(s.charAt(i + 1)) ? i + 2 : i + 1;
    }

    private static int back(String s, int i, int start, int codePoints) {
        for (int k = 0; k < codePoints && i > start; k++) {
            i--;
            if (i > start && Character.isLowSurrogate(s.charAt(i)) && Character.isHighSurrogate(s.charAt(i - 1))) i--;
        }
        return i;
    }

    private static int forward(String s, int i, int end, int codePoints) {
        for (int k = 0; k < codePoints && i < end; k++) i = next(s, i, end);
        return i;
    }
}
