package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 128-bit product comparisons against BigInteger arithmetic, on random and edge values. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class Wide128Test {
    private static final long[] EDGES = {0, 1, -1, 2, -2, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1,
            1L << 31, -(1L << 31), 1L << 32, (1L << 32) - 1, 1L << 62, -(1L << 62), 3037000499L, 3037000500L};

    private static void check(long a, long x, long b, long y) {
        BigInteger p = BigInteger.valueOf(a).multiply(BigInteger.valueOf(x)), q = BigInteger.valueOf(b).multiply(BigInteger.valueOf(y));
        String what = a + " * " + x + " vs " + b + " * " + y;
        assertEquals(p.compareTo(q) >= 0, Wide128.productAtLeast(a, x, b, y), what);
        assertEquals(p.bitLength() > 63, Wide128.pastLong(a, x), what);
    }

    @Test
    void productsCompareAsBigIntegersDo() {
        for (long a : EDGES) for (long x : EDGES) for (long b : EDGES) for (long y : EDGES) check(a, x, b, y);
        Random r = new Random(128);
        for (int t = 0; t < 200_000; t++) {
            int s = r.nextInt(64);
            long a = r.nextLong() >> s, x = r.nextLong() >> r.nextInt(64), b = r.nextBoolean() ? a : r.nextLong() >> s, y = r.nextLong() >> r.nextInt(64);
            check(a, x, b, y);
        }
    }
}
