package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A repetition added as a pattern counts as the same entries added one repetition after another. */
class SumShapeRepeatTest {
    @Test
    void repeatedPatternsCountAsTheirEntriesOneByOne() {
        Random r = new Random(21);
        int collapsed = 0;
        for (int t = 0; t < 400; t++) {
            int cols = 1 + r.nextInt(6), rounds = r.nextInt(4), width = 2 + r.nextInt(10), shift = r.nextInt(4);
            long times = t % 3 == 0 ? 1 + r.nextInt(5) : 2 + r.nextInt(t % 2 == 0 ? 3000 : 60);
            SumShape pattern = new SumShape(), oneByOne = new SumShape();
            if (t % 5 == 0) { // entries before, in some column
                long w = 1L << r.nextInt(cols);
                pattern.add(3, w, 2);
                oneByOne.add(3, w, 2);
            }
            for (int c = 0; c < cols; c++) {
                int n = 1 + r.nextInt(4);
                long[] w = new long[n], cnt = new long[n];
                int[] lv = new int[n];
                for (int k = 0; k < n; k++) {
                    w[k] = (r.nextBoolean() ? 1 : -1) * (1L << c);
                    lv[k] = 1 + r.nextInt(3);
                    cnt[k] = 1 + r.nextInt(3);
                }
                pattern.addRepeated(w, lv, cnt, times);
                for (long x = 0; x < times; x++) for (int k = 0; k < n; k++) oneByOne.add(cnt[k], w[k], lv[k]);
            }
            if (t % 7 == 0) { // entries after, in some column: the pattern there is written out
                long w = -(1L << r.nextInt(cols));
                pattern.add(2, w, 1);
                oneByOne.add(2, w, 1);
            }
            pattern.addConstant(t % 11);
            oneByOne.addConstant(t % 11);
            int top = shift + width;
            if (top > 61) continue;
            for (int c = 0; c < Math.min(cols, pattern.ncols); c++) {
                Runs read = pattern.column(c, rounds, new Runs());
                if (read.size == 1 && oneByOne.cols[c].size > 1) collapsed++; // counted as one run at the top level
            }
            ClosedSum a = WeightedSum.closedSum(pattern, shift, width, true, rounds), b = WeightedSum.closedSum(oneByOne, shift, width, true, rounds);
            String what = "trial " + t + " times " + times + " rounds " + rounds;
            assertArrayEquals(trim(b.gatesPerLevel()), trim(a.gatesPerLevel()), what);
            assertEquals(b.wires(), a.wires(), what);
            assertArrayEquals(b.bitKind(), a.bitKind(), what);
            assertArrayEquals(b.bitLevel(), a.bitLevel(), what);
            assertArrayEquals(b.bitNegated(), a.bitNegated(), what);
            assertEquals(b.modelled(), a.modelled(), what);
        }
        assertTrue(collapsed > 200, "columns counted as one run: " + collapsed);
    }

    /** A repetition after other entries of its column (a causal row's first term apart, then L - 1 equal ones). */
    @Test
    void aRepetitionAfterOtherEntriesCountsAsItsEntriesOneByOne() {
        Random r = new Random(22);
        int collapsed = 0;
        for (int t = 0; t < 600; t++) {
            int cols = 1 + r.nextInt(5), rounds = r.nextInt(4), width = 2 + r.nextInt(10), shift = r.nextInt(4);
            long times = 1 + r.nextInt(t % 2 == 0 ? 2000 : 40);
            SumShape pattern = new SumShape(), oneByOne = new SumShape();
            int[] before = new int[cols];
            for (int c = 0; c < cols; c++) {
                int runs = r.nextInt(4);
                for (int q = 0; q < runs; q++) { // entries before the repetition, at levels below, at and above its top
                    long cnt = 1 + r.nextInt(t % 3 == 0 ? 50 : 4), w = (r.nextBoolean() ? 1 : -1) * (1L << c);
                    int lv = 1 + r.nextInt(5);
                    pattern.add(cnt, w, lv);
                    oneByOne.add(cnt, w, lv);
                }
                before[c] = pattern.ncols > c ? pattern.cols[c].size : 0;
                int n = 1 + r.nextInt(4);
                long[] w = new long[n], cnt = new long[n];
                int[] lv = new int[n];
                for (int k = 0; k < n; k++) {
                    w[k] = (r.nextBoolean() ? 1 : -1) * (1L << c);
                    lv[k] = 1 + r.nextInt(4);
                    cnt[k] = 1 + r.nextInt(3);
                }
                pattern.addRepeated(w, lv, cnt, times);
                for (long x = 0; x < times; x++) for (int k = 0; k < n; k++) oneByOne.add(cnt[k], w[k], lv[k]);
            }
            pattern.addConstant(t % 13);
            oneByOne.addConstant(t % 13);
            for (int c = 0; c < Math.min(cols, pattern.ncols); c++) {
                Runs read = pattern.column(c, rounds, new Runs());
                if (before[c] > 0 && read.size <= before[c] + 1 && oneByOne.cols[c].size > before[c] + 1) collapsed++;
            }
            ClosedSum a = WeightedSum.closedSum(pattern, shift, width, true, rounds), b = WeightedSum.closedSum(oneByOne, shift, width, true, rounds);
            String what = "trial " + t + " times " + times + " rounds " + rounds;
            assertArrayEquals(trim(b.gatesPerLevel()), trim(a.gatesPerLevel()), what);
            assertEquals(b.wires(), a.wires(), what);
            assertArrayEquals(b.bitKind(), a.bitKind(), what);
            assertArrayEquals(b.bitLevel(), a.bitLevel(), what);
            assertArrayEquals(b.bitNegated(), a.bitNegated(), what);
            assertEquals(b.modelled(), a.modelled(), what);
        }
        assertTrue(collapsed > 200, "columns with entries before counted with the repetition as one run: " + collapsed);
    }

    private static long[] trim(long[] a) {
        int n = a.length;
        while (n > 0 && a[n - 1] == 0) n--;
        return java.util.Arrays.copyOf(a, n);
    }
}
