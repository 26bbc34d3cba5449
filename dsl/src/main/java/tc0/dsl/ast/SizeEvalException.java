package tc0.dsl.ast;

/** A size expression has no integer value (unknown name, division by zero, overflow, ...), at {@link #pos()}. */
public final class SizeEvalException extends RuntimeException {
    private final transient Pos pos;

    public SizeEvalException(Pos pos, String message) {
        super(message, null, false, false);
        this.pos = pos;
    }

    public Pos pos() {
        return pos;
    }
}
