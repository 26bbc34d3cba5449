package tc0.dsl;

import java.util.Arrays;

/** Where each line of a source text starts: built once, so quoting many diagnostics does not rescan or split the text. */
final class SourceLines {
    private final String source;
    private final int[] starts;
    private final int count;

    private SourceLines(String source, int[] starts, int count) {
        this.source = source;
        this.starts = starts;
        this.count = count;
    }

    /** Lines end at '\n' (a '\r' before it is not part of the line), as the lexer counts them. */
    static SourceLines of(String source) {
        int[] starts = new int[16];
        int n = 1;
        for (int i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) {
            if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
            starts[n++] = i + 1;
        }
        return new SourceLines(source, starts, n);
    }

    int count() {
        return count;
    }

    /** The quote (window and caret) of 1-based {@code line} and {@code col}; the line must exist. */
    String quote(int line, int col) {
        int start = starts[line - 1];
        int end = line < count ? starts[line] - 1 : source.length();
        if (end > start && source.charAt(end - 1) == '\r') end--;
        return SourceQuote.of(source, start, end, col);
    }
}
