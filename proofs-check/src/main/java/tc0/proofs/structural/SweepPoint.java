package tc0.proofs.structural;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The figures of one instance of a sweep: a model compiled (or counted) at one n. Gates, wires and width are
 * exact big integers: a counted model can pass 2^63 - 1 (RoPE tensor attention at n = 1024 has 2.8 x
 * 10^20 wires), and the table, CSV and JSON print them whole.
 *
 * @param n     the size parameter
 * @param depth longest path in threshold gates
 * @param gates threshold gates
 * @param wires fan-in wires
 * @param width most gates on one level (an upper bound when counted, not built)
 */
public record SweepPoint(long n, long depth, BigInteger gates, BigInteger wires, BigInteger width) {
    public SweepPoint {
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(wires, "wires");
        Objects.requireNonNull(width, "width");
        if (n < 1 || depth < 0 || gates.signum() < 0 || wires.signum() < 0 || width.signum() < 0) {
            throw new IllegalArgumentException("bad sweep point n=" + n + " depth=" + depth + " gates=" + gates);
        }
    }

    /** A point from long figures (a built circuit's). */
    public SweepPoint(long n, long depth, long gates, long wires, long width) {
        this(n, depth, BigInteger.valueOf(gates), BigInteger.valueOf(wires), BigInteger.valueOf(width));
    }
}
