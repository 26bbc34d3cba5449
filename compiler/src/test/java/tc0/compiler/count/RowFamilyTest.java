package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.FixedFormat;

/**
 * A causal row's dot counted from its family ({@link RowFamily}: the part before the last run once, the last run's
 * count by {@link tc0.compiler.gadgets.RepeatedSum}) equals the row's form closed by itself ({@link SumForm#close},
 * checked against the built gadget in {@link DotRunsTest}) at every length up to 2000: gates per level, wires,
 * output class and slots read.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RowFamilyTest {
    private static final FixedFormat FX = FixedFormat.of(2, 3), OUT = FixedFormat.of(4, 3);

    /** The row's form closed by itself, usage per run (x slots, then y slots). */
    private static Instance.Result own(ElemClass[] xs, ElemClass[] ys, long[] counts, long scale, int shift) {
        int n = xs.length;
        long[] ux = new long[n], uy = new long[n];
        SumForm f = new SumForm().addDotRuns(xs, ys, counts, scale, ux, uy);
        long[] used = new long[2 * n];
        System.arraycopy(ux, 0, used, 0, n);
        System.arraycopy(uy, 0, used, n, n);
        return f.close(shift, OUT.width(), true, 2, used);
    }

    /** Rows of lengths 2 .. 2000 of one family (the runs {@code xs}, {@code ys}, all counts but the last fixed) against each row by itself. */
    private static int check(ElemClass[] xs, ElemClass[] ys, long[] fixed, String what) {
        long[] sh = SumForm.toFormat(2 * FX.fracBits(), OUT);
        int runs = xs.length, checked = 0;
        int[] pair = new int[runs];
        for (int r = 0; r < runs; r++) pair[r] = r;
        RowFamily family = null;
        for (long last = 2; last <= 2000; last++) {
            long[] counts = java.util.Arrays.copyOf(fixed, runs);
            counts[runs - 1] = last;
            if (family == null) family = RowFamily.of(xs, ys, pair, counts, sh[1], (int) sh[0], OUT.width(), 2);
            assertNotNull(family, what + ": a family");
            assertTrue(family.holds(xs, ys, pair, counts), what);
            Instance.Result got = family.at(last);
            if (got == null) continue; // the row by itself, as the caller does
            Instance.Result want = own(xs, ys, counts, sh[1], (int) sh[0]);
            ClassSamples.assertSameProfile(want.profile(), got.profile(), what + ", last run " + last);
            for (int l = 0; l <= want.profile().depth(); l++) assertEquals(want.profile().exactAt(l), got.profile().exactAt(l), what + " level " + l);
            assertEquals(want.out()[0], got.out()[0], what + ", last run " + last);
            assertTrue(java.util.Arrays.equals(want.usedSlots(), got.usedSlots()), what + ": slots read, last run " + last);
            checked++;
        }
        return checked;
    }

    /** Layer one's rows (L pairs of one class pair) and layer two's (the first pair apart, then L - 1 equal pairs), at several levels. */
    @Test
    void causalRowsOfEveryLengthTo2000CountAsEachRowByItself() {
        ElemClass x = ElemClass.of(new int[] {0, 2, 4, 6, 8}, new int[] {3, 1, 3, 2, 1}), y = ElemClass.fresh(5, 1);
        int checked = checkAll(x, y);
        assertTrue(checked > 5900, "rows counted from their family: " + checked);
    }

    private static int checkAll(ElemClass x, ElemClass y) {
        int checked = check(new ElemClass[] {x}, new ElemClass[] {y}, new long[] {0}, "one run");
        for (int firstLevel : new int[] {0, 6}) {
            ElemClass x0 = ElemClass.fresh(5, firstLevel), y0 = ElemClass.of(new int[] {0, 2, ElemClass.FALSE, 4, 6}, new int[] {1, 2, 1, 2});
            checked += check(new ElemClass[] {x0, x}, new ElemClass[] {y0, y}, new long[] {1, 0}, "first pair apart at level " + firstLevel);
        }
        return checked;
    }

    /** A family holds only rows whose runs are its own but for the last run's count. */
    @Test
    void aFamilyHoldsOnlyItsOwnRows() {
        long[] sh = SumForm.toFormat(2 * FX.fracBits(), OUT);
        ElemClass x = ElemClass.fresh(5, 1), y = ElemClass.fresh(5, 2), z = ElemClass.fresh(5, 3);
        RowFamily f = RowFamily.of(new ElemClass[] {x, y}, new ElemClass[] {y, y}, new int[] {0, 1}, new long[] {1, 4}, sh[1], (int) sh[0], OUT.width(), 2);
        assertNotNull(f);
        assertTrue(f.holds(new ElemClass[] {x, y}, new ElemClass[] {y, y}, new int[] {0, 1}, new long[] {1, 9}));
        assertTrue(!f.holds(new ElemClass[] {x, y}, new ElemClass[] {y, y}, new int[] {0, 1}, new long[] {2, 9}), "another first run");
        assertTrue(!f.holds(new ElemClass[] {x, z}, new ElemClass[] {y, y}, new int[] {0, 1}, new long[] {1, 9}), "another class");
        assertTrue(f.at(3) == null, "below the count it was made from");
    }
}
