package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A sum of a fixed part and c equal parts counted by {@link RepeatedSum} from the shapes at c0 and c0 + 1 equals
 * the shape built for that c and counted by {@link WeightedSum#closedSum}: every c from c0 to c0 + 200, then
 * random c up to 2^20, on random fixed parts and repeated parts (one level or several per column, weights past a
 * long, the constant and the sums passing a long on the way).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RepeatedSumTest {
    @Test
    void everyCountNearTheStartAndRandomCountsFarOut() {
        Random r = new Random(3);
        int compared = 0, crossed = 0;
        for (int trial = 0; trial < 120; trial++) {
            Family f = Family.random(r, trial);
            long c0 = 2 + r.nextInt(5);
            RepeatedSum rs = RepeatedSum.of(f.shape(c0), f.shape(c0 + 1), c0, f.shift, f.width, 2);
            assertNotNull(rs, "trial " + trial);
            for (int i = 0; i < 260; i++) {
                long c = i < 200 ? c0 + i : c0 + 1 + r.nextInt(1 << 20);
                ClosedSum got = rs.at(c);
                if (got == null) continue; // a repetition written out at this c: the caller builds it
                SumShape built = f.shape(c);
                if (built.wide() && !f.shape(c0).wide()) crossed++;
                same(WeightedSum.closedSum(built, f.shift, f.width, true, 2), got, "trial " + trial + " c " + c);
                compared++;
            }
        }
        assertTrue(compared > 120 * 200, "sums compared: " + compared);
        assertTrue(crossed > 100, "sums whose constant passed a long on the way: " + crossed);
    }

    @Test
    void notAFixedPartAndAGrowingOne() {
        SumShape a = new SumShape().add(3, 1, 1).add(2, 2, 2), b = new SumShape().add(4, 1, 1).add(2, 2, 2); // column 0 grows, but not last
        b.add(1, 4, 1);
        assertNull(RepeatedSum.of(a, b, 2, 0, 6, 2), "columns differ");
        assertNull(RepeatedSum.of(new SumShape().add(3, 1, 1), new SumShape().add(4, 1, 1), 2, 0, 6, 3), "three rounds");
    }

    /** A fixed part (seeded) then c repetitions of a part (seeded), each column's repetition at one level or several. */
    record Family(long seed, int cols, int shift, int width, boolean wide) {
        static Family random(Random r, int trial) {
            boolean wide = trial % 4 == 3;
            return new Family(r.nextLong(), 1 + r.nextInt(8), r.nextInt(4), 3 + r.nextInt(wide ? 70 : 12), wide); // wide: shift + width past 61 bits too
        }

        SumShape shape(long c) { return shape(c, 0, false); }

        /**
         * shape(c) with every level {@code dl} up; {@code apart}: each repeated column's first part written out as
         * fixed runs and repeated c - 1 times (the same sum; a causal row with its first pair apart).
         */
        SumShape shape(long c, int dl, boolean apart) {
            Random r = new Random(seed);
            SumShape s = new SumShape();
            int fixed = r.nextInt(4);
            for (int i = 0; i < fixed; i++) s.add(1 + r.nextInt(30), sign(r) << r.nextInt(cols), dl + 1 + r.nextInt(5));
            s.addConstant(r.nextInt(1000) - 500);
            if (wide) s.addShifted(2, -1, 61, dl + 3); // weights past a long before the repetition
            int bigShift = wide ? 58 : 0;
            boolean crossing = !wide && seed % 3 == 0;
            for (int j = 0; j < cols; j++) {
                if (r.nextInt(4) == 0) continue; // a column the repetition misses
                int n = 1 + r.nextInt(3);
                long[] w = new long[n], k = new long[n];
                int[] lv = new int[n];
                long bit = 1L << (crossing ? j + 50 : j); // crossing: the negative weights' sum passes a long at some c
                for (int e = 0; e < n; e++) {
                    w[e] = r.nextBoolean() ? bit : -bit;
                    lv[e] = dl + 1 + r.nextInt(6);
                    k[e] = 1 + r.nextInt(34);
                }
                boolean oneLevel = r.nextBoolean();
                if (oneLevel) {
                    for (int e = 0; e < n; e++) {
                        if (bigShift > 0) s.addShifted(k[e] * c, Long.signum(w[e]), j + bigShift, lv[0]);
                        else s.add(k[e] * c, w[e], lv[0]);
                    }
                } else if (bigShift > 0) {
                    long[] unit = new long[n];
                    for (int e = 0; e < n; e++) unit[e] = Long.signum(w[e]);
                    s.addRepeatedShifted(unit, j + bigShift, lv, k, c);
                } else if (apart && c > 1) {
                    for (int e = 0; e < n; e++) s.add(k[e], w[e], lv[e]);
                    s.addRepeated(w, lv, k, c - 1);
                } else s.addRepeated(w, lv, k, c);
            }
            return s;
        }

        private static long sign(Random r) { return r.nextBoolean() ? 1 : -1; }
    }

    static void same(ClosedSum want, ClosedSum got, String what) {
        assertArrayEquals(trim(want.gatesPerLevel()), trim(got.gatesPerLevel()), what);
        assertEquals(totalWires(want), totalWires(got), what); // past a long the split between wires and wiresPast is the order's
        assertArrayEquals(want.bitKind(), got.bitKind(), what);
        assertArrayEquals(want.bitLevel(), got.bitLevel(), what);
        assertArrayEquals(want.bitNegated(), got.bitNegated(), what);
        assertEquals(want.modelled(), got.modelled(), what);
        assertEquals(want.countExact(), got.countExact(), what);
        assertEquals(want.wide(), got.wide(), what);
    }

    static java.math.BigInteger totalWires(ClosedSum s) {
        java.math.BigInteger w = java.math.BigInteger.valueOf(s.wires());
        return s.wiresPast() == null ? w : w.add(s.wiresPast());
    }

    private static long[] trim(long[] a) {
        int n = a.length;
        while (n > 0 && a[n - 1] == 0) n--;
        return Arrays.copyOf(a, n);
    }
}
