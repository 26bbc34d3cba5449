package tc0.dsl;

/**
 * Makes text from a spec safe to print on a terminal: control characters (ESC, NUL, a lone CR, DEL, the C1
 * range) and invisible format characters (bidirectional overrides) are written as escapes, so a spec cannot
 * move the cursor, recolour or hide text on the user's screen. Tabs stay, as the caret line copies them.
 */
public final class Escape {
    private Escape() {}

    /** {@code text} with every unsafe character escaped. */
    public static String controls(String text) {
        int i = 0;
        while (i < text.length() && !unsafe(text.charAt(i))) i++;
        if (i == text.length()) return text;
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) b.append(of(text.charAt(i)));
        return b.toString();
    }

    /** Whether {@code c} is printed as an escape. */
    public static boolean unsafe(char c) {
        if (c == '\t') return false;
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
        return Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029';
    }

    /** How {@code c} is printed: itself when safe, else {@code \0}, {@code \e}, {@code \r}, {@code \n}, {@code \xHH}, or backslash-u with the code in braces. */
    public static String of(char c) {
        if (!unsafe(c)) return String.valueOf(c);
        return switch (c) {
            case 0 -> "\\0";
            case 0x1b -> "\\e";
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            default -> c <= 0xff ? String.format("\\x%02X", (int) c) : String.format("\\u{%04X}", (int) c);
        };
    }
}
