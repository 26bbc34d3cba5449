package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tc0.compiler.gadgets.Softmax;
import tc0.compiler.numerics.FixedFormat;

/** Softmax of a line in closed form against {@code Softmax.build} on a Tape: uniform and mixed lines, several lengths. */
class SoftmaxCountTest {
    private static boolean check(ElemClass[] line, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        Instance.Result closed;
        try {
            closed = SoftmaxCount.count(line, fx, fe, out);
        } catch (SumForm.Unmodelled u) {
            return false;
        }
        Instance.Result run = Instance.run((net, xs) -> Softmax.build(net, xs, fx, fe, out), line, Instance.distinct(line.length));
        String what = line.length + " words " + java.util.Arrays.toString(line);
        ClassSamples.assertSameProfile(run.profile(), closed.profile(), what);
        assertArrayEquals(run.out(), closed.out(), what);
        assertArrayEquals(run.usedSlots(), closed.usedSlots(), what);
        return true;
    }

    @Test
    void uniformLinesOfFreshWords() {
        FixedFormat fx = FixedFormat.of(3, 2), fe = FixedFormat.of(2, 4), out = FixedFormat.of(2, 4);
        for (int m : new int[] {3, 4, 7, 16}) {
            ElemClass[] line = new ElemClass[m];
            java.util.Arrays.fill(line, ElemClass.fresh(fx.width(), 3));
            assertTrue(check(line, fx, fe, out), "m = " + m);
        }
    }

    @Test
    void mixedLinesOfRandomClasses() {
        Random r = new Random(9);
        FixedFormat fx = FixedFormat.of(2, 2), fe = FixedFormat.of(2, 3), out = FixedFormat.of(2, 3);
        int closed = 0;
        for (int t = 0; t < 60; t++) {
            int m = 3 + r.nextInt(5);
            ElemClass[] line = new ElemClass[m];
            ElemClass a = ClassSamples.random(r, fx.width()), b = ClassSamples.random(r, fx.width());
            for (int i = 0; i < m; i++) line[i] = r.nextInt(3) == 0 ? b : a;
            if (check(line, fx, fe, out)) closed++;
        }
        assertTrue(closed > 10, "closed form applied to " + closed + " of 60");
    }

    /**
     * A causal softmax's lines, lengths 2 .. 100 (the first entry its own class, as a row's first key is after a
     * layer): the parts worked out once per classes (exps, comparators, stage 3's steps per range) count as the
     * gadget built at every length, for two exp formats in turn (what is remembered is kept apart by table).
     */
    @Test
    void causalLinesCountAsBuiltAtEveryLength() {
        FixedFormat fx = FixedFormat.of(3, 3), out = FixedFormat.of(2, 4);
        FixedFormat[] fes = {FixedFormat.of(2, 4), FixedFormat.of(2, 5)};
        ElemClass first = ElemClass.fresh(fx.width(), 2), rest = ElemClass.of(new int[] {0, 2, 4, 6, 8, 10}, new int[] {3, 1, 3, 2, 4, 3});
        int closed = 0;
        for (int m = 2; m <= 100; m++) {
            ElemClass[] line = new ElemClass[m];
            java.util.Arrays.fill(line, rest);
            line[0] = first;
            if (check(line, fx, fes[m % 2], out)) closed++;
        }
        assertTrue(closed > 90, "closed form applied to " + closed + " of 99 lengths");
    }

    /** A line's comparators m (m - 1) / 2, exact where m (m - 1) alone passes a long, refused where the pairs do. */
    @Test
    void pairsOfALongLineAreExactOrRefused() {
        assertTrue(SoftmaxCount.halfProduct(1L << 32) == (1L << 31) * ((1L << 32) - 1)); // m (m - 1) is past 2^63 here
        assertTrue(SoftmaxCount.halfProduct(5) == 10 && SoftmaxCount.halfProduct(2) == 1 && SoftmaxCount.halfProduct(1) == 0);
        org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class, () -> SoftmaxCount.halfProduct(1L << 40));
    }

    @org.junit.jupiter.api.Test
    void stage3sBisectionFindsWhatTheWalkFinds() {
        java.util.Random r = new java.util.Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            long top = 1 + r.nextInt(300), a0 = 2 * top + r.nextInt(500);
            long lo = r.nextInt(200), hi = lo + r.nextInt(200), othersLo = r.nextInt(2000), othersHi = othersLo + r.nextInt(2000);
            boolean strict = r.nextBoolean();
            long[] want = SoftmaxCount.stage3Walk(a0, top, new long[] {lo, hi}, othersLo, othersHi, strict, new Profile());
            long[] got = SoftmaxCount.stage3Steps(a0, top, new long[] {lo, hi}, othersLo, othersHi, strict, new Profile());
            org.junit.jupiter.api.Assertions.assertArrayEquals(want, got, "trial " + trial);
        }
    }
}
