package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;

/**
 * A RoPE pair column ({@link RopeColumn}: each row's sums kept in primitive arrays, counted in parallel chunks,
 * summed over any set of rows) against the rows counted one by one as the node counted them before ({@link RopeCount#closed} per
 * row, its profiles added, its slots read ANDed, a row it refuses marked for the gadget): the same output
 * classes row by row, the same gates per level, wires and depth, the same slots read. RoPE's own codes at
 * n = 2^6, 2^10, 2^14 (plain words, the tensor model's low sign bit, words that are not plain) and random codes.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RopeColumnTest {
    /** The rows one by one: ids per row (-1 refused), the summed profile, the ANDed slots, whether any closed. */
    private static void assertColumn(ElemClass[] base, long[] coef, int pairs, int j, int[] rows, int n, FixedFormat fx, FixedFormat fc, FixedFormat out,
            int rounds, String what) {
        assertSum(RopeColumn.of(base, coef, pairs, j, n, fx, fc, out, rounds), base, coef, pairs, j, rows, n, fx, fc, out, rounds, what);
    }

    /** {@code col.sum(rows)} (null: rows 0 .. n - 1) against those rows counted one by one by {@link RopeCount#closed}. */
    private static void assertSum(RopeColumn col, ElemClass[] base, long[] coef, int pairs, int j, int[] rows, int n, FixedFormat fx, FixedFormat fc,
            FixedFormat out, int rounds, String what) {
        RopeColumn.Sum got = col.sum(rows);
        Profile sum = new Profile();
        long[] read = {-1L, -1L};
        boolean any = false;
        int m = rows == null ? n : rows.length;
        for (int t = 0; t < m; t++) {
            int i = rows == null ? t : rows[t], at = i * pairs + j;
            Instance.Result one;
            try {
                one = RopeCount.closed(base, coef[2 * at], coef[2 * at + 1], fx.fracBits() + fc.fracBits(), out, rounds);
            } catch (SumForm.Unmodelled u) {
                assertEquals(-1, col.out[2 * i], what + " row " + i + ": refused");
                assertEquals(-1, col.out[2 * i + 1], what + " row " + i + ": refused");
                continue;
            }
            sum.add(one.profile(), 1);
            read[0] &= one.usedSlots()[0];
            read[1] &= one.usedSlots()[1];
            any = true;
            assertEquals(one.out()[0].id, col.out[2 * i], what + " row " + i + ": c x - s y's class");
            assertEquals(one.out()[1].id, col.out[2 * i + 1], what + " row " + i + ": s x + c y's class");
        }
        CountedCost a = sum.cost(), b = got.profile().cost();
        assertEquals(List.of(a.depth(), a.gates(), a.wires(), a.width(), a.wide()), List.of(b.depth(), b.gates(), b.wires(), b.width(), b.wide()), what);
        for (int l = 0; l <= a.depth(); l++) assertEquals(sum.exactAt(l), got.profile().exactAt(l), what + " level " + l);
        assertArrayEquals(read, got.read(), what + ": slots read");
        assertEquals(any, got.anyClosed(), what + ": any closed");
    }

    /** The word with its top bit negated and at {@code level} (the tensor model's K2). */
    private static ElemClass withTop(ElemClass c, int level) {
        int w = c.width();
        int[] bits = new int[w], levels = new int[w];
        for (int k = 0; k < w; k++) { bits[k] = k << 1; levels[k] = c.slotLevel(k); }
        bits[w - 1] |= 1;
        levels[w - 1] = level;
        return ElemClass.of(bits, levels);
    }

    /** Every position's codes of d = 4 at n, as {@link RopeCount#coefficients} gives them. */
    private static long[] codes(int n, FixedFormat fc) {
        return RopeCount.coefficients(n, 4, 10000, fc);
    }

    @Test
    void ropesOwnRowsCountAsOneByOne() {
        for (int logN : new int[] {6, 10, 14}) {
            int n = 1 << logN, frac = logN + 4;
            FixedFormat fx = FixedFormat.of(8, frac), fc = FixedFormat.of(2, frac), out = FixedFormat.of(8, frac);
            long[] coef = codes(n, fc);
            ElemClass x = ElemClass.fresh(fx.width(), 0), y = ElemClass.fresh(fx.width(), 1);
            ElemClass signLow = withTop(ElemClass.fresh(fx.width(), 1), 0);
            ElemClass other = ClassSamples.random(new Random(logN), fx.width());
            for (ElemClass[] pair : new ElemClass[][] {{x, x}, {signLow, y}, {y, signLow}, {other, x}}) {
                for (int j = 0; j < 2; j++) {
                    String what = "n = 2^" + logN + " pair " + j + " " + pair[0] + ", " + pair[1];
                    if (logN > 10 && pair[0] == other) continue; // the forms with their literals: slow, and the same code as at 2^10
                    assertColumn(pair, coef, 2, j, null, n, fx, fc, out, 2, what);
                }
            }
            // Row groups of one column, as two nodes group their rows differently: every third row first (counted
            // then), then the rest (counted then), then row 0 alone and every row (all counted before).
            ElemClass[] xy = {x, y};
            RopeColumn col = RopeColumn.of(xy, coef, 2, 1, n, fx, fc, out, 2);
            int[] third = java.util.stream.IntStream.range(0, n).filter(i -> i % 3 == 1).toArray();
            int[] rest = java.util.stream.IntStream.range(0, n).filter(i -> i % 3 != 1).toArray();
            assertSum(col, xy, coef, 2, 1, third, n, fx, fc, out, 2, "n = 2^" + logN + ", every third row");
            assertSum(col, xy, coef, 2, 1, rest, n, fx, fc, out, 2, "n = 2^" + logN + ", the other rows");
            assertSum(col, xy, coef, 2, 1, new int[] {0}, n, fx, fc, out, 2, "n = 2^" + logN + ", row 0");
            assertSum(col, xy, coef, 2, 1, null, n, fx, fc, out, 2, "n = 2^" + logN + ", every row");
        }
    }

    /** A word of w fresh bits at {@code level}, its top bit (negated) at {@code topLevel}. */
    private static ElemClass word(int w, int level, int topLevel) {
        return withTop(ElemClass.fresh(w, level), topLevel);
    }

    /**
     * Columns of plain words sharing one {@link RopePlainRows} -- plain at level 0 and 2, a top bit one or two levels
     * low in x, in y, in both -- each against its rows one by one, whichever column counts a row first: every row at
     * n = 2^6 and 2^11, 3,000 random rows of RoPE's codes at 2^16 and 2^20.
     */
    @Test
    void sharedPlainRowsCountAsOneByOne() {
        for (int logN : new int[] {6, 11, 16, 20}) {
            int n = 1 << logN, frac = logN + 4, w = 8 + frac;
            FixedFormat fx = FixedFormat.of(8, frac), fc = FixedFormat.of(2, frac), out = FixedFormat.of(8, frac);
            long[] coef = codes(n, fc);
            Random r = new Random(logN);
            int[] some = logN <= 11 ? null : r.ints(3000, 0, n).distinct().toArray();
            ElemClass x = ElemClass.fresh(w, 0), x2 = ElemClass.fresh(w, 2), y1 = ElemClass.fresh(w, 1);
            ElemClass low = word(w, 1, 0), low2 = word(w, 2, 0), low1 = word(w, 2, 1);
            ElemClass[][] pairs = {{low, y1}, {x, x}, {y1, low}, {low, low}, {x2, low2}, {low1, x2}, {x2, x2}};
            for (int j = 0; j < 2; j++) {
                RopePlainRows plain = RopePlainRows.of(coef, 2, j, n, w, fx, fc, out, 2);
                for (int p = 0; p < pairs.length; p++) {
                    ElemClass[] pair = pairs[p];
                    String what = "n = 2^" + logN + " pair " + j + " " + pair[0] + ", " + pair[1];
                    RopeColumn col = RopeColumn.of(pair, coef, 2, j, n, fx, fc, out, 2, plain);
                    if (some == null && p % 2 == 0) { // a part first, then the rest
                        int[] third = java.util.stream.IntStream.range(0, n).filter(i -> i % 3 == 1).toArray();
                        assertSum(col, pair, coef, 2, j, third, n, fx, fc, out, 2, what + ", every third row");
                    }
                    assertSum(col, pair, coef, 2, j, some, n, fx, fc, out, 2, what);
                }
            }
        }
    }

    @Test
    void randomCodesCountAsOneByOne() {
        Random r = new Random(20);
        for (int t = 0; t < 40; t++) {
            int w = 4 + r.nextInt(24), frac = r.nextInt(w), n = 1 + r.nextInt(t < 20 ? 200 : 5_000);
            FixedFormat fx = FixedFormat.of(w - frac, frac), fc = FixedFormat.of(2 + r.nextInt(3), r.nextInt(20)), out = FixedFormat.of(2 + r.nextInt(8), r.nextInt(frac + 2));
            long[] coef = new long[2 * n];
            long lim = 1L << (fc.width() - 1);
            for (int i = 0; i < coef.length; i++) coef[i] = r.nextInt(8) == 0 ? 0 : r.nextLong(-lim, lim);
            ElemClass x = ElemClass.fresh(w, r.nextInt(3)), y = r.nextBoolean() ? x : ElemClass.fresh(w, x.slotLevel(0));
            int rounds = r.nextInt(5) == 0 ? 3 : 2;
            assertColumn(new ElemClass[] {x, y}, coef, 1, 0, null, n, fx, fc, out, rounds, "sample " + t + " w " + w + " " + fx + " " + fc + " " + out);
        }
    }
}
