package tc0.compiler.count;

/** Exact comparisons of products of two longs (128-bit, no allocation), for counters whose gates' numbers may pass a long. */
final class Wide128 {
    private Wide128() {}

    /** Whether {@code a x >= b y}, exactly. */
    static boolean productAtLeast(long a, long x, long b, long y) {
        long hi1 = Math.multiplyHigh(a, x), hi2 = Math.multiplyHigh(b, y);
        if (hi1 != hi2) return hi1 > hi2;
        return Long.compareUnsigned(a * x, b * y) >= 0;
    }

    /** Whether {@code a x} is outside a long's range. */
    static boolean pastLong(long a, long x) {
        long lo = a * x;
        return Math.multiplyHigh(a, x) != lo >> 63;
    }

    /**
     * Whether {@code a x >= b (hi 2^64 + lo)}, exactly, for {@code a, x, b >= 0} and {@code hi, lo} the unsigned words
     * of a number below 2^127 (the right side up to 192 bits).
     */
    static boolean productAtLeast(long a, long x, long b, long hi, long lo) {
        long w0 = b * lo, c0 = Math.unsignedMultiplyHigh(b, lo);
        long q0 = b * hi, q1 = Math.unsignedMultiplyHigh(b, hi);
        long w1 = c0 + q0, w2 = q1 + (Long.compareUnsigned(w1, c0) < 0 ? 1 : 0);
        if (w2 != 0) return false;
        long l1 = Math.unsignedMultiplyHigh(a, x), l0 = a * x;
        int c = Long.compareUnsigned(l1, w1);
        return c != 0 ? c > 0 : Long.compareUnsigned(l0, w0) >= 0;
    }
}
