package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Weighted sums past the builder's 61 bits ({@code shift + width}), counted over exact values: multiplying every
 * weight and the constant by {@code 2^k} and the shift by {@code k} computes the same word with the same
 * construction moved up k columns (columns 0..k-1 empty, every threshold times 2^k), so its count must equal the
 * narrow sum's, which the builder builds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SumPastBuilderTest {
    @Test
    void aSumMovedPastSixtyOneBitsCountsAsTheBuiltNarrowSum() {
        Random r = new Random(18);
        int wide = 0;
        for (int t = 0; t < 300; t++) {
            int n = 2 + r.nextInt(20), shift = 1 + r.nextInt(10), width = 2 + r.nextInt(12), rounds = 1 + r.nextInt(3);
            boolean saturate = r.nextBoolean();
            int k = 62 - shift - width + r.nextInt(30);
            long[] w = new long[n];
            int[] level = new int[n];
            for (int i = 0; i < n; i++) {
                w[i] = (r.nextBoolean() ? 1 : -1) * (r.nextInt(3) == 0 ? 1L << r.nextInt(16) : 1 + r.nextInt(1 << 16));
                level[i] = r.nextInt(3) == 0 ? r.nextInt(4) : 0;
            }
            long c = r.nextInt(1 << 20) - (1 << 19);
            SumShape narrow = new SumShape(), moved = new SumShape();
            for (int i = 0; i < n; i++) { narrow.add(1, w[i], level[i]); moved.addShifted(1, w[i], k, level[i]); }
            narrow.addConstant(c);
            moved.addConstant(BigInteger.valueOf(c).shiftLeft(k));
            String what = "sum " + t + " (k = " + k + ", shift " + shift + ", width " + width + ")";
            if (level[0] == 0 && allZero(level)) { // the narrow sum as built, gate by gate
                assertEquals(WeightedSum.cost(w, c, shift, width, saturate, rounds), WeightedSum.closedCost(narrow, shift, width, saturate, rounds), what);
            }
            ClosedSum a = WeightedSum.closedSum(narrow, shift, width, saturate, rounds);
            ClosedSum b = WeightedSum.closedSum(moved, shift + k, width, saturate, rounds);
            assertArrayEquals(trim(a.gatesPerLevel()), trim(b.gatesPerLevel()), what);
            assertEquals(a.wires(), b.wires(), what);
            assertArrayEquals(a.bitKind(), b.bitKind(), what);
            assertArrayEquals(a.bitLevel(), b.bitLevel(), what);
            assertArrayEquals(a.bitNegated(), b.bitNegated(), what);
            assertEquals(a.modelled(), b.modelled(), what);
            assertFalse(a.wide(), what);
            assertTrue(b.wide(), what + ": past 61 bits the builder cannot build it");
            wide++;
        }
        assertEquals(300, wide);
    }

    /**
     * Within 61 bits but with the final stage's column sums past a long (weights in the top column, moved up to
     * end at bit 60): counted over exact values as the narrow sum (the builder's own sums overflow: wide).
     */
    @Test
    void aSumWhoseColumnSumsPassALongCountsAsTheNarrowSum() {
        Random r = new Random(20);
        for (int t = 0; t < 100; t++) {
            int n = 4 + r.nextInt(20), shift = 1 + r.nextInt(10), width = 2 + r.nextInt(12), rounds = 1 + r.nextInt(3), top = shift + width;
            boolean saturate = r.nextBoolean();
            int k = 61 - top;
            SumShape narrow = new SumShape(), moved = new SumShape();
            for (int i = 0; i < n; i++) {
                long w = (r.nextBoolean() ? 1 : -1) * ((1L << (top - 1)) + r.nextInt(1 << (top - 1)));
                int level = r.nextInt(3) == 0 ? r.nextInt(4) : 0;
                narrow.add(1, w, level);
                moved.addShifted(1, w, k, level);
            }
            long c = r.nextInt(1 << 20) - (1 << 19);
            narrow.addConstant(c);
            moved.addConstant(BigInteger.valueOf(c).shiftLeft(k));
            String what = "sum " + t + " (k = " + k + ", shift " + shift + ", width " + width + ")";
            ClosedSum a = WeightedSum.closedSum(narrow, shift, width, saturate, rounds);
            ClosedSum b = WeightedSum.closedSum(moved, shift + k, width, saturate, rounds);
            assertArrayEquals(trim(a.gatesPerLevel()), trim(b.gatesPerLevel()), what);
            assertEquals(a.wires(), b.wires(), what);
            assertArrayEquals(a.bitKind(), b.bitKind(), what);
            assertArrayEquals(a.bitLevel(), b.bitLevel(), what);
            assertEquals(a.modelled(), b.modelled(), what);
            assertTrue(b.wide(), what);
        }
    }

    private static boolean allZero(int[] a) {
        for (int v : a) if (v != 0) return false;
        return true;
    }

    private static long[] trim(long[] a) {
        int n = a.length;
        while (n > 0 && a[n - 1] == 0) n--;
        return java.util.Arrays.copyOf(a, n);
    }
}
