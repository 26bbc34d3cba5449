package tc0.circuits.io.verilog;

import tc0.circuits.Circuit;

/**
 * The number of bits a gate's weighted sum needs as a two's complement number, so that neither the sum of
 * any subset of its weights nor its threshold overflows: one sign bit plus the bits of
 * {@code max(sum |w|, |t|)}. Magnitudes are taken as unsigned 64-bit values and summed into 128 bits, so
 * {@code Long.MIN_VALUE} and sums beyond {@code 2^63} are exact.
 */
final class SumWidth {
    private SumWidth() {}

    /** Bits for gate {@code g}, counting only the terms the writer emits (nonzero weight, not the constant). */
    static int of(Circuit c, int g) {
        long hi = 0, lo = 0;
        for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
            if (!emitted(c, e)) continue;
            long m = Math.abs(c.weight(e)); // unsigned magnitude: Math.abs(MIN_VALUE) reads as 2^63
            long s = lo + m;
            if (Long.compareUnsigned(s, lo) < 0) hi++;
            lo = s;
        }
        int sumBits = hi != 0 ? 128 - Long.numberOfLeadingZeros(hi) : 64 - Long.numberOfLeadingZeros(lo);
        int thresholdBits = 64 - Long.numberOfLeadingZeros(Math.abs(c.threshold(g)));
        return Math.max(sumBits, thresholdBits) + 1;
    }

    /** Whether fan-in edge {@code e} contributes a term: the constant false and zero weights never do. */
    static boolean emitted(Circuit c, int e) {
        return c.faninNode(e) != 0 && c.weight(e) != 0;
    }
}
