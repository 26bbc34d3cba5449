package tc0.dsl.ast;

/** The circuit measures an {@code assert} may bound. */
public enum Metric {
    DEPTH, SIZE, WIRES, WIDTH;

    /** The keyword as written in source. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The metric written {@code text}, or null. */
    public static Metric named(String text) {
        for (Metric m : values()) {
            if (m.text().equals(text)) {
                return m;
            }
        }
        return null;
    }
}
