package tc0.circuits;

/**
 * A circuit past what tc0 indexes: 2^30 nodes (a literal is {@code node * 2 + negated} in an int) or 2^31
 * stored wires. Thrown by {@link CircuitBuilder} when a build reaches the limit; the message says which.
 */
public final class CircuitTooLargeException extends IllegalStateException {
    public CircuitTooLargeException(String message) {
        super(message);
    }
}
