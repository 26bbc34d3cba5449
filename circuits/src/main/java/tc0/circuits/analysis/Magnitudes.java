package tc0.circuits.analysis;

/**
 * Arithmetic on weight magnitudes that never overflows: |Long.MIN_VALUE| is read as the unsigned 2^63
 * (64 bits), and sums saturate at Long.MAX_VALUE, so an analysis never throws on an extreme circuit.
 */
final class Magnitudes {
    private Magnitudes() {}

    /** |w| as an unsigned value. */
    static long abs(long w) {
        return Math.abs(w); // MIN_VALUE stays MIN_VALUE, which is 2^63 unsigned
    }

    /** The larger of two unsigned magnitudes. */
    static long max(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    /** Sum of two unsigned magnitudes, capped at Long.MAX_VALUE. */
    static long saturatingAdd(long a, long b) {
        long s = a + b;
        return a < 0 || b < 0 || s < 0 ? Long.MAX_VALUE : s;
    }

    /** Bits needed for an unsigned magnitude: 0 for 0, 64 for 2^63. */
    static int bits(long magnitude) {
        return 64 - Long.numberOfLeadingZeros(magnitude);
    }
}
