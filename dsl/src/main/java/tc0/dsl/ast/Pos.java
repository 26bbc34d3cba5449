package tc0.dsl.ast;

/** A source position: 1-based line and column. {@link #NONE} marks nodes made without source. */
public record Pos(int line, int col) {
    public static final Pos NONE = new Pos(0, 0);

    public Pos {
        if (line < 0 || col < 0) {
            throw new IllegalArgumentException("negative position " + line + ":" + col);
        }
    }

    @Override
    public String toString() {
        return line + ":" + col;
    }
}
