package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.Multiply;
import tc0.compiler.numerics.FixedFormat;

/**
 * Dot products given as runs of equal pairs ({@link SumForm#addDotRuns}), the form a causal row's terms take,
 * against {@code Multiply.dot} run on a Tape over the terms written out: in position order, and, where
 * {@link SumForm#orderFree} says the order does not matter, with the terms shuffled and the runs merged by kind.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DotRunsTest {
    private static final FixedFormat FX = FixedFormat.of(2, 3), OUT = FixedFormat.of(4, 3);

    /** The gadget over the terms; usage per term. */
    private static Instance.Result built(List<ElemClass> xs, List<ElemClass> ys, int rounds) {
        int d = xs.size();
        ElemClass[] both = new ElemClass[2 * d];
        for (int t = 0; t < d; t++) { both[t] = xs.get(t); both[d + t] = ys.get(t); }
        return Instance.run((net, in) -> new int[][] {Multiply.dot(net, Arrays.copyOfRange(in, 0, d), FX, Arrays.copyOfRange(in, d, 2 * d), FX, OUT, rounds)},
                both, Instance.distinct(2 * d));
    }

    /** The closed count of the runs; usage per run (x slots, then y slots); null where it does not apply. */
    private static Instance.Result closed(ElemClass[] xs, ElemClass[] ys, long[] counts, int rounds) {
        long[] sh = SumForm.toFormat(2 * FX.fracBits(), OUT);
        int n = xs.length;
        long[] ux = new long[n], uy = new long[n];
        try {
            SumForm f = new SumForm().addDotRuns(xs, ys, counts, sh[1], ux, uy);
            long[] used = new long[2 * n];
            System.arraycopy(ux, 0, used, 0, n);
            System.arraycopy(uy, 0, used, n, n);
            return f.close((int) sh[0], OUT.width(), true, rounds, used);
        } catch (SumForm.Unmodelled u) {
            return null;
        }
    }

    private static void assertSame(Instance.Result built, Instance.Result closed, long[] counts, String what) {
        ClassSamples.assertSameProfile(built.profile(), closed.profile(), what);
        assertEquals(built.out()[0], closed.out()[0], what);
        int n = counts.length, d = built.usedSlots().length / 2;
        for (int r = 0, t = 0; r < n; r++) {
            for (long c = 0; c < counts[r]; c++, t++) {
                assertEquals(built.usedSlots()[t], closed.usedSlots()[r], what + " x of run " + r);
                assertEquals(built.usedSlots()[d + t], closed.usedSlots()[n + r], what + " y of run " + r);
            }
        }
    }

    @Test
    void runsOfPairsCountAsTheirTermsInOrder() {
        Random r = new Random(23);
        int checked = 0;
        for (int t = 0; t < 150; t++) {
            int kinds = 1 + r.nextInt(4), rounds = 1 + r.nextInt(3), w = FX.width();
            ElemClass[] kx = new ElemClass[kinds], ky = new ElemClass[kinds];
            for (int k = 0; k < kinds; k++) { kx[k] = ClassSamples.random(r, w); ky[k] = ClassSamples.random(r, w); }
            int n = 1 + r.nextInt(5);
            ElemClass[] xs = new ElemClass[n], ys = new ElemClass[n];
            long[] counts = new long[n];
            List<ElemClass> tx = new ArrayList<>(), ty = new ArrayList<>();
            for (int q = 0; q < n; q++) {
                int k = r.nextInt(kinds);
                xs[q] = kx[k];
                ys[q] = ky[k];
                counts[q] = 1 + r.nextInt(r.nextBoolean() ? 3 : 40);
                for (long c = 0; c < counts[q]; c++) { tx.add(xs[q]); ty.add(ys[q]); }
            }
            Instance.Result c = closed(xs, ys, counts, rounds);
            if (c == null) continue;
            assertSame(built(tx, ty, rounds), c, counts, "runs " + t);
            checked++;
        }
        assertTrue(checked > 50, "checked " + checked);
    }

    /**
     * Kinds of one level per side (order-free) and random ones (mostly not): where {@link SumForm#orderFree} says
     * so, the kinds merged into one run each count what the gadget builds over the terms shuffled.
     */
    @Test
    void anOrderFreeDotCountsTheSameWhateverTheOrderOfItsTerms() {
        Random r = new Random(29);
        int checked = 0, refused = 0;
        for (int t = 0; t < 160; t++) {
            int kinds = 2 + r.nextInt(3), rounds = 1 + r.nextInt(3), w = FX.width(), lx = r.nextInt(3), ly = r.nextInt(3);
            boolean oneLevel = t % 2 == 0;
            ElemClass[] xs = new ElemClass[kinds], ys = new ElemClass[kinds];
            long[] counts = new long[kinds];
            List<Integer> terms = new ArrayList<>();
            for (int k = 0; k < kinds; k++) {
                xs[k] = oneLevel ? sameLevel(r, w, lx) : ClassSamples.random(r, w); // one level: every x slot at lx, every y slot at ly
                ys[k] = oneLevel ? sameLevel(r, w, ly) : ClassSamples.random(r, w);
                counts[k] = 1 + r.nextInt(30);
                for (long c = 0; c < counts[k]; c++) terms.add(k);
            }
            if (oneLevel) assertTrue(SumForm.orderFree(xs, ys, 1), Arrays.toString(xs) + " x " + Arrays.toString(ys));
            if (!SumForm.orderFree(xs, ys, 1)) { refused++; continue; }
            Collections.shuffle(terms, r);
            List<ElemClass> tx = new ArrayList<>(), ty = new ArrayList<>();
            for (int k : terms) { tx.add(xs[k]); ty.add(ys[k]); }
            Instance.Result c = closed(xs, ys, counts, rounds), b = built(tx, ty, rounds);
            if (c == null) continue;
            String what = "shuffled " + t + ": " + Arrays.toString(xs) + " x " + Arrays.toString(ys);
            ClassSamples.assertSameProfile(b.profile(), c.profile(), what);
            assertEquals(b.out()[0], c.out()[0], what);
            checked++;
        }
        assertTrue(checked > 40 && refused > 20, "checked " + checked + ", not order-free " + refused);
    }

    /**
     * A causal {@code P @ V} row of length L: its first pair apart (position 0 has its own classes), then L - 1
     * equal pairs whose ANDs in a column differ in level (counted as a repetition, one run once the groups reach
     * its top): closed == built at every L up to 300, with the first pair's ANDs below, at and above that top.
     */
    @Test
    void aCausalRowCountsAsItsTermsAtEveryLength() {
        ElemClass x = ElemClass.of(new int[] {0, 2, 4, 6, 8}, new int[] {3, 1, 3, 2, 1}), y = ElemClass.fresh(5, 1);
        int checked = 0;
        for (int firstLevel : new int[] {0, 3, 6}) {
            ElemClass x0 = ElemClass.fresh(5, firstLevel), y0 = ElemClass.of(new int[] {0, 2, ElemClass.FALSE, 4, 6}, new int[] {1, 2, 1, 2});
            for (int len = 1; len <= 300; len++) {
                boolean alone = firstLevel == 3; // the row without its first pair apart: one run of len pairs
                ElemClass[] xs = alone ? new ElemClass[] {x} : len == 1 ? new ElemClass[] {x0} : new ElemClass[] {x0, x};
                ElemClass[] ys = alone ? new ElemClass[] {y} : len == 1 ? new ElemClass[] {y0} : new ElemClass[] {y0, y};
                long[] counts = alone ? new long[] {len} : len == 1 ? new long[] {1} : new long[] {1, len - 1};
                List<ElemClass> tx = new ArrayList<>(), ty = new ArrayList<>();
                for (int q = 0; q < xs.length; q++) for (long c = 0; c < counts[q]; c++) { tx.add(xs[q]); ty.add(ys[q]); }
                Instance.Result c = closed(xs, ys, counts, 2);
                if (c == null) continue;
                assertSame(built(tx, ty, 2), c, counts, "length " + len + ", first pair at level " + firstLevel);
                checked++;
            }
        }
        assertTrue(checked > 800, "checked " + checked);
    }

    @Test
    void aPairWhoseAndsInAColumnDifferInLevelIsNotOrderFree() {
        ElemClass x = ElemClass.of(new int[] {0, 2, 4, 6, 8}, new int[] {3, 3, 3, 3, 2}), y = ElemClass.fresh(5, 1);
        assertFalse(SumForm.orderFree(new ElemClass[] {x}, new ElemClass[] {y}, 1));
        assertTrue(SumForm.orderFree(new ElemClass[] {ElemClass.fresh(5, 3)}, new ElemClass[] {y}, 1));
        ElemClass one = ElemClass.of(new int[] {ElemClass.TRUE, 0, 2, 4, 6}, new int[] {3, 3, 3, 3});
        assertFalse(SumForm.orderFree(new ElemClass[] {one}, new ElemClass[] {y}, 1), "a bit passed on is an identified literal");
    }

    /** A class whose variable slots all sit at {@code level}; some bits constant 0, some slots repeated. */
    private static ElemClass sameLevel(Random r, int width, int level) {
        int[] bits = new int[width], levels = new int[width];
        int slots = 0;
        for (int k = 0; k < width; k++) {
            int pick = r.nextInt(5);
            if (pick == 0) bits[k] = ElemClass.FALSE;
            else if (pick == 1 && slots > 0) bits[k] = (slots - 1) << 1;
            else { levels[slots] = level; bits[k] = slots++ << 1; }
        }
        return ElemClass.of(bits, Arrays.copyOf(levels, slots));
    }
}
