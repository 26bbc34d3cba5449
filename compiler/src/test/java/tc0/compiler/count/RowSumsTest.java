package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.FixedFormat;

/**
 * A family's rows summed by {@link RowSums} (one running profile, output classes only where the bits change) equal
 * the same rows' own profiles ({@link RowFamily#at(long)}, each checked against the row closed by itself in
 * {@link RowFamilyTest}) added one by one, times their weights: every level's gates, wires, depth, width, and
 * every row's output class, over every count of ranges up to 3000, flushed at random points, with weights of 1,
 * small ones and ones whose products pass a long.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RowSumsTest {
    private static final FixedFormat FX = FixedFormat.of(2, 3), OUT = FixedFormat.of(4, 3);

    private static long check(ElemClass[] xs, ElemClass[] ys, long[] fixed, int last, Random r, String what) {
        long[] sh = SumForm.toFormat(2 * FX.fracBits(), OUT);
        int runs = xs.length;
        int[] pair = new int[runs];
        for (int q = 0; q < runs; q++) pair[q] = q;
        long[] counts = java.util.Arrays.copyOf(fixed, runs);
        counts[runs - 1] = 2;
        RowFamily byRow = RowFamily.of(xs, ys, pair, counts, sh[1], (int) sh[0], OUT.width(), 2);
        RowFamily summed = RowFamily.of(xs, ys, pair, counts, sh[1], (int) sh[0], OUT.width(), 2);
        assertNotNull(byRow, what);
        Profile want = new Profile(), got = new Profile();
        long rows = 0;
        for (long c = 2; c <= last; c++) {
            long weight = switch (r.nextInt(8)) {
                case 0 -> 1L + r.nextInt(1000);
                case 1 -> (1L << 58) + r.nextInt(1000); // gates x weight past a long
                default -> 1;
            };
            Instance.Result one = byRow.at(c);
            Instance.Result sum = summed.at(c, weight);
            assertEquals(one == null, sum == null, what + " c " + c);
            if (one == null) continue;
            assertTrue(sum.profile() == null, "summed, not a profile of its own");
            want.add(one.profile(), weight);
            assertEquals(one.out()[0], sum.out()[0], what + ": output class at c " + c);
            assertTrue(java.util.Arrays.equals(one.usedSlots(), sum.usedSlots()), what + ": slots read at c " + c);
            if (r.nextInt(500) == 0) summed.flushInto(got); // ranges of any length
            rows++;
        }
        summed.flushInto(got);
        summed.flushInto(got); // a second flush adds nothing
        CountedCost a = want.cost(), b = got.cost();
        assertEquals(a, b, what);
        for (int l = 0; l <= a.depth(); l++) assertEquals(want.exactAt(l), got.exactAt(l), what + " level " + l);
        return rows;
    }

    @Test
    void rangesOfRowsSumAsTheRowsOneByOne() {
        Random r = new Random(1024);
        ElemClass x = ElemClass.of(new int[] {0, 2, 4, 6, 8}, new int[] {3, 1, 3, 2, 1}), y = ElemClass.fresh(5, 1);
        long rows = check(new ElemClass[] {x}, new ElemClass[] {y}, new long[] {0}, 3000, r, "one run");
        for (int firstLevel : new int[] {0, 6}) {
            ElemClass x0 = ElemClass.fresh(5, firstLevel), y0 = ElemClass.of(new int[] {0, 2, ElemClass.FALSE, 4, 6}, new int[] {1, 2, 1, 2});
            rows += check(new ElemClass[] {x0, x}, new ElemClass[] {y0, y}, new long[] {1, 0}, 3000, r, "first pair apart at level " + firstLevel);
        }
        ElemClass w = ElemClass.fresh(5, 2), v = ElemClass.fresh(5, 4);
        rows += check(new ElemClass[] {w, x, v}, new ElemClass[] {y, w, x}, new long[] {3, 2, 0}, 2000, r, "three runs");
        assertTrue(rows > 10000, "rows compared: " + rows);
    }

    /**
     * A family's rows in ranges ({@link RowFamily#range}: one {@link tc0.compiler.gadgets.RepeatedRange} call each) sum
     * as the same rows added one by one ({@link RowFamily#at(long, long)}), times weights of 1, small ones and ones
     * past 2^58: every level, wires, depth, width, every row's output class; ranges of random lengths starting
     * anywhere, flushed between them, a row where the range stops counted by itself as the caller does.
     */
    @Test
    void rowsInRangesSumAsTheRowsOneByOne() {
        Random r = new Random(2048);
        long[] sh = SumForm.toFormat(2 * FX.fracBits(), OUT);
        ElemClass x = ElemClass.of(new int[] {0, 2, 4, 6, 8}, new int[] {3, 1, 3, 2, 1}), y = ElemClass.fresh(5, 1);
        ElemClass x0 = ElemClass.fresh(5, 6), y0 = ElemClass.of(new int[] {0, 2, ElemClass.FALSE, 4, 6}, new int[] {1, 2, 1, 2});
        ElemClass w = ElemClass.fresh(5, 2), v = ElemClass.fresh(5, 4);
        ElemClass[][][] families = {{{x}, {y}}, {{x0, x}, {y0, y}}, {{w, x, v}, {y, w, x}}};
        long[][] fixeds = {{0}, {1, 0}, {3, 2, 0}};
        long rows = 0;
        for (int fam = 0; fam < families.length; fam++) {
            ElemClass[] xs = families[fam][0], ys = families[fam][1];
            int runs = xs.length;
            int[] pair = new int[runs];
            for (int q = 0; q < runs; q++) pair[q] = q;
            long[] counts0 = java.util.Arrays.copyOf(fixeds[fam], runs);
            counts0[runs - 1] = 2;
            RowFamily byRow = RowFamily.of(xs, ys, pair, counts0, sh[1], (int) sh[0], OUT.width(), 2);
            RowFamily ranged = RowFamily.of(xs, ys, pair, counts0, sh[1], (int) sh[0], OUT.width(), 2);
            assertNotNull(byRow);
            Profile want = new Profile(), got = new Profile();
            long c = 2 + r.nextInt(40);
            int last = 3000;
            while (c <= last) {
                int len = 1 + r.nextInt(r.nextBoolean() ? 8 : 700);
                long weight = switch (r.nextInt(4)) {
                    case 0 -> 1L + r.nextInt(1000);
                    case 1 -> (1L << 58) + r.nextInt(1000);
                    default -> 1;
                };
                long[] counts = new long[len];
                for (int i = 0; i < len; i++) counts[i] = c + i;
                ElemClass[] out = new ElemClass[len];
                int from = 0;
                while (from < len) {
                    int stop = ranged.range(counts, from, len, weight, out);
                    for (int i = from; i < stop; i++) {
                        Instance.Result one = byRow.at(counts[i], weight);
                        assertNotNull(one, "family " + fam + " c " + counts[i]);
                        assertEquals(one.out()[0], out[i], "family " + fam + ": output class at c " + counts[i]);
                        rows++;
                    }
                    if (stop == len) break;
                    Instance.Result alone = ranged.at(counts[stop], weight); // the caller's row by itself: the family says null
                    assertEquals(null, alone, "family " + fam + ": the row the range stopped at, c " + counts[stop]);
                    Instance.Result one = byRow.at(counts[stop], weight);
                    assertEquals(null, one, "family " + fam + ": the row by row count stops there too, c " + counts[stop]);
                    from = stop + 1;
                }
                if (r.nextInt(3) == 0) { byRow.flushInto(want); ranged.flushInto(got); }
                c += len + (r.nextInt(5) == 0 ? r.nextInt(50) : 0); // gaps between ranges too
            }
            byRow.flushInto(want);
            ranged.flushInto(got);
            CountedCost a = want.cost(), b = got.cost();
            assertEquals(a, b, "family " + fam);
            for (int l = 0; l <= a.depth(); l++) assertEquals(want.exactAt(l), got.exactAt(l), "family " + fam + " level " + l);
        }
        assertTrue(rows > 7000, "rows compared: " + rows);
    }

    /** Rows whose bits differ only in a level or a polarity get their own classes (the cache compares all three). */
    @Test
    void aClassIsReusedOnlyForTheSameKindsLevelsAndPolarities() {
        RowSums s = new RowSums(new Profile(), new Profile());
        int w = 4;
        var g = tc0.compiler.gadgets.ClosedSum.Kind.GATE;
        var kinds = new tc0.compiler.gadgets.ClosedSum.Kind[] {g, g, g, tc0.compiler.gadgets.ClosedSum.Kind.FALSE};
        int[][] levels = {{3, 3, 4, -1}, {3, 3, 4, -1}, {3, 5, 4, -1}, {3, 5, 4, -1}, {3, 3, 4, -1}};
        boolean[][] negs = {{false, false, true, false}, {false, false, true, false}, {false, false, true, false}, {true, false, true, false},
                {false, false, true, false}};
        for (int i = 0; i < levels.length; i++) {
            var cs = new tc0.compiler.gadgets.ClosedSum(new long[] {0, 0, 0, 1, 1, 1}, 9, kinds.clone(), levels[i].clone(), negs[i].clone(), true, false, true);
            assertSame(SumForm.outputClass(cs, w, -1, 0), s.out(cs, w), "row " + i);
        }
        assertEquals(4, s.classesMade, "rows 0 and 1 alike, each other row apart from its predecessor");
    }

    /** Output classes are made only where a row's bits change, and the reused one is the one that row would make. */
    @Test
    void outputClassesMadeOnlyWhereTheBitsChange() {
        long[] sh = SumForm.toFormat(2 * FX.fracBits(), OUT);
        ElemClass x = ElemClass.fresh(5, 1), y = ElemClass.fresh(5, 2);
        RowFamily f = RowFamily.of(new ElemClass[] {x}, new ElemClass[] {y}, new int[] {0}, new long[] {2}, sh[1], (int) sh[0], OUT.width(), 2);
        assertNotNull(f);
        RowSums s = new RowSums(new Profile(), new Profile());
        int distinct = 0;
        ElemClass prev = null;
        for (long c = 2; c <= 2000; c++) {
            var cs = f.closed(c);
            if (cs == null) continue;
            ElemClass o = s.out(cs, OUT.width());
            assertSame(SumForm.outputClass(cs, OUT.width(), -1, 0), o, "c " + c);
            if (o != prev) distinct++;
            prev = o;
        }
        assertTrue(s.classesMade < 2000 / 4, "classes made " + s.classesMade);
        assertTrue(s.classesMade >= distinct, "classes made " + s.classesMade + ", changes " + distinct);
    }
}
