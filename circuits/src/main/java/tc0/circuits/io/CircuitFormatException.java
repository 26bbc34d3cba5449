package tc0.circuits.io;

/**
 * A file that is not a valid circuit in its format. The message is one line that says where (file and, where
 * it helps, line or byte offset), what is wrong, and if possible what to do.
 */
public final class CircuitFormatException extends Exception {
    public CircuitFormatException(String message) {
        super(message, null, false, false);
    }
}
