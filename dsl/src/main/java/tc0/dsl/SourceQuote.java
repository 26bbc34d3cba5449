package tc0.dsl;

/**
 * The two lines under a diagnostic's headline: a window of at most {@link #WINDOW} printed columns of its source
 * line around the column (ellipses where the line goes on), control characters escaped, and a caret under
 * the column. Bounded work and output for any line: a 4 MB one-line file quotes 120 characters, not 4 MB.
 */
final class SourceQuote {
    /** Columns of the source line shown around the column, escapes counted as printed. */
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
        // the window is measured as printed (an escape is 2 to 10 characters), half of it before the caret
        int from = caret;
        int width = 0;
        for (int p; from > lineStart && width + width(source, p = previous(source, from, lineStart)) <= WINDOW / 2; from = p) {
            width += width(source, p);
        }
        int to = caret;
        for (; to < lineEnd && width + width(source, to) <= WINDOW; to = next(source, to, lineEnd)) {
            width += width(source, to);
        }
        for (int p; from > lineStart && width + width(source, p = previous(source, from, lineStart)) <= WINDOW; from = p) {
            width += width(source, p); // the line ended early: show more of what comes before
        }
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

    private static int previous(String s, int i, int start) {
        return i - 1 > start && Character.isLowSurrogate(s.charAt(i - 1)) && Character.isHighSurrogate(s.charAt(i - 2)) ? i - 2 : i - 1;
    }

    /** Columns the code point at {@code i} takes printed: 1, or its escape's length. */
    private static int width(String s, int i) {
        return Escape.unsafe(s.charAt(i)) ? Escape.of(s.charAt(i)).length() : 1;
    }
}
