package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run of equal pairs whose partial products' weights pass a long and whose ANDs in a column differ in level
 * (mamba's scan rows at n = 2^20: 34-bit decays times 34-bit words) counts as the same pairs added one by one
 * (each through {@code SumForm.pair}'s wide terms): per-level profile, output class, slots read.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WideRepeatTest {
    @Test
    void aRepeatedWidePairCountsAsItsPairsOneByOne() {
        Random r = new Random(29);
        int checked = 0;
        for (int trial = 0; trial < 300 && checked < 60; trial++) {
            int w = 6 + r.nextInt(8);
            ElemClass x = ClassSamples.random(r, w), y = ClassSamples.random(r, w);
            if (x.hasConstantBit() || y.hasConstantBit()) continue;
            long scale = 1L << (56 - r.nextInt(8)); // weights scale 2^(i+j): past a long from i + j = 7..15 on
            int c = 2 + r.nextInt(40), rounds = 1 + r.nextInt(3);
            Instance.Result bulk = close(new ElemClass[] {x}, new ElemClass[] {y}, new long[] {c}, scale, rounds);
            ElemClass[] xs = new ElemClass[c], ys = new ElemClass[c];
            long[] ones = new long[c];
            Arrays.fill(xs, x);
            Arrays.fill(ys, y);
            Arrays.fill(ones, 1);
            Instance.Result single = close(xs, ys, ones, scale, rounds);
            if (bulk == null || single == null) { assertTrue(bulk == null && single == null, "both modelled or neither: " + x + " " + y); continue; }
            String what = "x " + x + " y " + y + " scale " + scale + " times " + c + " rounds " + rounds;
            ClassSamples.assertSameProfile(single.profile(), bulk.profile(), what);
            assertArrayEquals(single.out(), bulk.out(), what);
            assertArrayEquals(new long[] {single.usedSlots()[0], single.usedSlots()[c]}, bulk.usedSlots(), what);
            checked++;
        }
        assertTrue(checked >= 30, checked + " pairs checked");
    }

    /** The runs' closed sum, shift 56 into 40 bits; usage of the first run's x and y. */
    private static Instance.Result close(ElemClass[] xs, ElemClass[] ys, long[] counts, long scale, int rounds) {
        int n = xs.length;
        long[] ux = new long[n], uy = new long[n];
        try {
            SumForm f = new SumForm().addDotRuns(xs, ys, counts, scale, ux, uy);
            long[] used = new long[2 * n];
            System.arraycopy(ux, 0, used, 0, n);
            System.arraycopy(uy, 0, used, n, n);
            return f.close(56, 40, true, rounds, used);
        } catch (SumForm.Unmodelled u) {
            return null;
        }
    }
}
