package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The last two compression rounds counted over column heights ({@link SumCount#of}) give what the rounds
 * written out run by run give ({@link SumCount#runByRun}): every gate per level, wire, output bit's kind,
 * level and sign, and the flags. Shapes: random forms, and a causal {@code P @ V} row at every length.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SumCountLastRoundsTest {
    @Test
    void randomFormsCountAlike() {
        Random r = new Random(20);
        int byHeights = 0;
        for (int t = 0; t < 3000; t++) {
            int cols = 1 + r.nextInt(10), width = 1 + r.nextInt(14), shift = r.nextInt(5), rounds = 1 + r.nextInt(3);
            boolean saturate = r.nextBoolean(), identified = t % 9 == 0;
            SumShape a = new SumShape(), b = new SumShape();
            for (SumShape s : new SumShape[] {a, b}) {
                Random q = new Random(t);
                int terms = 1 + q.nextInt(12);
                for (int k = 0; k < terms; k++) {
                    long count = q.nextInt(4) == 0 ? 1 + q.nextInt(200_000) : 1 + q.nextInt(6);
                    long w = (q.nextInt(4) == 0 ? -1 : 1) * (1L << q.nextInt(cols));
                    s.add(count, w, q.nextInt(6));
                }
                if (identified) s.addLiteral(7, 3L << q.nextInt(cols), 2); // a weight in two columns: an identified literal
                s.addConstant(q.nextInt(1 << 8) - 100);
            }
            assertSame(SumCount.runByRun(a, shift, width, saturate, rounds), SumCount.of(b, shift, width, saturate, rounds), "form " + t);
            if (rounds >= 2 && !identified) byHeights++;
            a.release();
            b.release();
        }
        assertTrue(byHeights > 1000, "forms through the fast path: " + byHeights);
    }

    /**
     * A causal row of length L: L pairs (p, v), p a 28-bit word whose top 7 bits are 0 and whose top live bit is
     * a level below its others, v a 28-bit signed word; with {@code firstApart}, the first pair's v is another
     * class, lower (layer 2 of rope_transformer, row 0 of V its own class). Added as SumForm adds a dot pair by
     * pair pattern: per column, the pair's entries grouped, repeated L times (one run where they share a level).
     */
    @Test
    void aCausalRowCountsAlikeAtEveryLength() {
        for (boolean firstApart : new boolean[] {false, true}) {
            for (int len = 1; len <= 2000; len++) {
                SumShape a = causalRow(len, firstApart), b = causalRow(len, firstApart);
                assertSame(SumCount.runByRun(a, 20, 28, true, 2), SumCount.of(b, 20, 28, true, 2), "length " + len + (firstApart ? ", first pair apart" : ""));
                a.release();
                b.release();
            }
        }
        for (long len : new long[] {4096, 65_535, 65_536, 1 << 20}) { // the words of n = 2^20: 24 fraction bits
            SumShape a = causalRow(len, true), b = causalRow(len, true);
            assertSame(SumCount.runByRun(a, 24, 32, true, 2), SumCount.of(b, 24, 32, true, 2), "length " + len);
        }
    }

    private static SumShape causalRow(long len, boolean firstApart) {
        SumShape s = new SumShape();
        int wx = 28, wy = 28, live = 21;
        if (firstApart) addPairs(s, wx, wy, live, 52, 41, 1);
        addPairs(s, wx, wy, live, 52, 50, firstApart ? len - 1 : len);
        return s;
    }

    /** {@code times} pairs: x's bits 0 .. live - 1 live (its top one at level xl - 1, the others at xl), y's all at yl. */
    private static void addPairs(SumShape s, int wx, int wy, int live, int xl, int yl, long times) {
        if (times == 0) return;
        for (int c = 0; c < wx + wy - 1; c++) {
            long[] w = new long[wx];
            int[] lv = new int[wx];
            long[] cnt = new long[wx];
            int m = 0;
            for (int i = 0; i < live; i++) {
                int j = c - i;
                if (j < 0 || j >= wy) continue;
                long weight = ((i == wx - 1) != (j == wy - 1) ? -1 : 1) * (1L << c);
                int level = Math.max(i == live - 1 ? xl - 1 : xl, yl) + 1;
                if (m > 0 && w[m - 1] == weight && lv[m - 1] == level) { cnt[m - 1]++; continue; }
                w[m] = weight;
                lv[m] = level;
                cnt[m++] = 1;
            }
            if (m == 0) continue;
            boolean oneLevel = true;
            for (int k = 1; k < m; k++) oneLevel &= lv[k] == lv[0];
            if (oneLevel) for (int k = 0; k < m; k++) s.add(cnt[k] * times, w[k], lv[k]);
            else s.addRepeated(Arrays.copyOf(w, m), Arrays.copyOf(lv, m), Arrays.copyOf(cnt, m), times);
        }
    }

    private static void assertSame(SumCount want, SumCount got, String what) {
        assertEquals(want.gates, got.gates, what + ": gates");
        assertEquals(want.wires, got.wires, what + ": wires");
        assertEquals(want.depth, got.depth, what + ": depth");
        assertArrayEquals(trimmed(want.perLevel), trimmed(got.perLevel), what + ": gates per level");
        assertArrayEquals(want.bitLevel, got.bitLevel, what + ": output levels");
        assertArrayEquals(want.bitKind, got.bitKind, what + ": output kinds");
        assertArrayEquals(want.bitNegated, got.bitNegated, what + ": output signs");
        assertEquals(want.modelled, got.modelled, what + ": modelled");
        assertEquals(want.countExact, got.countExact, what + ": exact");
        assertEquals(want.wide, got.wide, what + ": wide");
    }

    private static long[] trimmed(long[] a) {
        int n = a.length;
        while (n > 0 && a[n - 1] == 0) n--;
        return Arrays.copyOf(a, n);
    }
}
