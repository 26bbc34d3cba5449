package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.FixedFormat;

/**
 * A scan line counted by runs of pairs ({@link ScanTail}) equals the same line counted pair by pair
 * ({@link ScanLine#pairByPair}, itself equal to the gadget built: {@link ScanLineTest}): per-level profile, output
 * classes and slots read, at every length 1..300 of mamba's line shapes and on random heads; and equals the
 * gadget built on a Tape at small lengths.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ScanTailTest {
    /** Mamba's formats at n = 16: fixed(6, 12) words; E steps enough for several segments of short lengths. */
    private static final FixedFormat F = FixedFormat.of(6, 12);
    private static final FixedFormat SMALL = FixedFormat.of(3, 4), SMALL_E = FixedFormat.of(3, 5);

    @Test
    void everyLengthOfMambasLines() {
        Random r = new Random(5);
        ElemClass z0 = ElemClass.constant(0, F.width()), zh = ElemClass.fresh(F.width(), 7), zt = ElemClass.fresh(F.width(), 8);
        ElemClass bh = ClassSamples.random(r, F.width()), bt = ElemClass.fresh(F.width(), 9);
        for (int n = 1; n <= 300; n++) {
            ElemClass[] z = new ElemClass[n], b = new ElemClass[n];
            for (int i = 0; i < n; i++) {
                z[i] = i == 0 ? z0 : i == 1 ? zh : zt; // mamba's second layer: z_0 unread, z_1 of its own
                b[i] = i == 0 ? bh : bt;
            }
            same(z, b, F, F, F, F, n >= 2);
        }
    }

    @Test
    void randomHeadsAndTails() {
        Random r = new Random(11);
        int tried = 0, byRuns = 0;
        for (int trial = 0; trial < 60; trial++) {
            int n = 2 + r.nextInt(trial < 30 ? 12 : 60);
            int p = r.nextInt(Math.min(n, 5)), q = r.nextInt(Math.min(n, 5));
            ElemClass zt = ClassSamples.random(r, SMALL.width()), bt = ClassSamples.random(r, SMALL.width());
            ElemClass[] z = new ElemClass[n], b = new ElemClass[n];
            for (int i = 0; i < n; i++) {
                z[i] = i <= p ? ClassSamples.random(r, SMALL.width()) : zt;
                b[i] = i < q ? ClassSamples.random(r, SMALL.width()) : bt;
            }
            tried++;
            if (same(z, b, SMALL, SMALL, SMALL_E, F, false)) byRuns++;
        }
        assertTrue(byRuns >= tried / 2, byRuns + " of " + tried + " lines counted by runs");
    }

    @Test
    void equalsTheGadgetBuilt() {
        Random r = new Random(3);
        for (int n = 2; n <= 9; n++) {
            ElemClass zt = ElemClass.fresh(SMALL.width(), 2), bt = ElemClass.fresh(SMALL.width(), 3);
            ElemClass[] z = new ElemClass[n], b = new ElemClass[n];
            for (int i = 0; i < n; i++) {
                z[i] = i == 1 ? ClassSamples.random(r, SMALL.width()) : zt;
                b[i] = i == 0 ? ClassSamples.random(r, SMALL.width()) : bt;
            }
            assertTrue(ScanLineTest.check(z, b, SMALL, SMALL, SMALL_E, F), "modelled at " + n);
        }
    }

    @Test
    void rowZeroEqualsTheGadgetRow() {
        Random r = new Random(17);
        int passedOn = 0;
        for (int trial = 0; trial < 200; trial++) {
            FixedFormat fb = trial % 2 == 0 ? F : SMALL, fe = trial % 3 == 0 ? F : SMALL_E, out = trial % 4 < 2 ? F : SMALL;
            ElemClass b0 = trial < 20 ? ElemClass.fresh(fb.width(), 1 + trial % 3) : ClassSamples.random(r, fb.width());
            long e0 = tc0.compiler.numerics.SelectiveScan.exp(0, F.fracBits(), fe);
            long[] sh = SumForm.toFormat(fe.fracBits() + fb.fracBits(), out);
            Instance.Result lone;
            try {
                SumForm f = new SumForm();
                f.addWords(b0, e0 * sh[1], 1, 1);
                lone = ScanTail.lone(f, b0, e0 * sh[1], (int) sh[0], out.width(), 2);
            } catch (SumForm.Unmodelled u) {
                continue;
            }
            ScanLine.Sum g = ScanLine.gadgetSum(new ScanLine.Decay[0], new ElemClass[] {b0}, 0, e0, F, fb, fe, out, 2);
            String what = "b0 " + b0 + " " + fb + " " + fe + " " + out;
            ClassSamples.assertSameProfile(g.result().profile(), lone.profile(), what);
            assertArrayEquals(g.result().out(), lone.out(), what);
            assertEquals(g.result().passthrough(), lone.passthrough(), what);
            if (lone.passthrough()) passedOn++;
        }
        assertTrue(passedOn >= 20, passedOn + " rows with a bit passed on");
    }

    /** Whether the runs apply (they must where {@code expected}); where both counts apply they must agree. */
    private static boolean same(ElemClass[] z, ElemClass[] b, FixedFormat fz, FixedFormat fb, FixedFormat fe, FixedFormat out, boolean expected) {
        Instance.Result runs = ScanTail.count(z, b, fz, fb, fe, out, 2);
        if (expected) assertNotNull(runs, "line of " + z.length + " counted by runs");
        if (runs == null) return false;
        Instance.Result pairs;
        try {
            pairs = ScanLine.pairByPair(z, b, fz, fb, fe, out, 2);
        } catch (SumForm.Unmodelled u) {
            return false;
        }
        String what = "n " + z.length + " z " + Arrays.toString(z) + " b " + Arrays.toString(b);
        ClassSamples.assertSameProfile(pairs.profile(), runs.profile(), what);
        assertArrayEquals(pairs.out(), runs.out(), what);
        assertArrayEquals(pairs.usedSlots(), runs.usedSlots(), what);
        return true;
    }
}
