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
}
