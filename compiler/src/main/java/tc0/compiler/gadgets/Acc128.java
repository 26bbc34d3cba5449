package tc0.compiler.gadgets;

import java.math.BigInteger;

/**
 * An exact sum of non-negative numbers below 2^126 (products of two longs), in two words while it stays below
 * 2^126 and spilled into a {@link BigInteger} past it: sums over a million lines of numbers past a long without
 * allocating per line (softmax rows; a repeated sum's wires past a long, per count). Mutable.
 */
public final class Acc128 {
    private long hi, lo; // hi 2^64 + lo, lo unsigned, hi < 2^62
    private BigInteger spill = BigInteger.ZERO;

    /** Adds {@code v >= 0}. */
    public void add(long v) {
        if (v < 0) throw new IllegalArgumentException("negative " + v);
        add(0, v);
    }

    /** Adds {@code a b} for {@code a, b >= 0}. */
    public void addProduct(long a, long b) {
        if ((a | b) < 0) throw new IllegalArgumentException("negative " + a + " or " + b);
        add(Math.unsignedMultiplyHigh(a, b), a * b);
    }

    /** Adds {@code h 2^64 + l} (l unsigned) for {@code 0 <= h < 2^62}. */
    public void add(long h, long l) {
        long s = lo + l;
        long carry = Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        hi += h + carry; // both below 2^62: no overflow
        if (hi >>> 62 != 0) { spill = spill.add(value(hi, lo)); hi = lo = 0; }
    }

    public boolean isZero() { return (hi | lo) == 0 && spill.signum() == 0; }

    public BigInteger value() { return spill.add(value(hi, lo)); }

    /** Adds {@code v >= 0} (of any size). */
    public void add(BigInteger v) {
        if (v.signum() < 0) throw new IllegalArgumentException("negative " + v);
        if (v.bitLength() <= 126) add(v.shiftRight(64).longValue(), v.longValue());
        else spill = spill.add(v);
    }

    /** Adds another sum. */
    public void add(Acc128 o) {
        add(o.hi, o.lo);
        if (o.spill.signum() != 0) spill = spill.add(o.spill);
    }

    /** Back to 0. */
    public void clear() {
        hi = lo = 0;
        spill = BigInteger.ZERO;
    }

    /** This := {@code o}. */
    public void copyFrom(Acc128 o) {
        hi = o.hi;
        lo = o.lo;
        spill = o.spill;
    }

    /** {@code h 2^64 + l}, l unsigned. */
    static BigInteger value(long h, long l) {
        BigInteger low = new BigInteger(Long.toUnsignedString(l));
        return h == 0 ? low : BigInteger.valueOf(h).shiftLeft(64).add(low);
    }
}
