package tc0.dsl.ast;

/** A size expression has no integer value (unknown name, division by zero, overflow, ...), at {@link #pos()}. */
public final class SizeEvalException extends RuntimeException {
    private final transient Pos pos;
    private final boolean overflow;

    public SizeEvalException(Pos pos, String message) {
        this(pos, message, false);
    }

    public SizeEvalException(Pos pos, String message, boolean overflow) {
        super(message, null, false, false);
        this.pos = pos;
        this.overflow = overflow;
    }

    /** True if the value exists but does not fit in 64 bits. */
    public boolean overflow() {
        return overflow;
    }

    public Pos pos() {
        return pos;
    }
}
