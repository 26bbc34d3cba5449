package tc0.compiler.count;

/**
 * A count refused because a number overflowed: a total past 2^126 - 1, or a number the circuit itself
 * holds (a gadget's weight, threshold or value range, all longs in the builder). Either way the model
 * cannot be built at these parameters, so building instead of counting is no way out.
 */
public final class CountOverflow extends UnsupportedOperationException {
    CountOverflow(String message, ArithmeticException cause) {
        super(message, cause);
    }
}
