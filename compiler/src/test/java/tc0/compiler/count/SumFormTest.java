package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.numerics.FixedFormat;

/** Weighted sums counted from classes (closed form) against the gadget run on a Tape. */
class SumFormTest {
    /** The closed count of {@code sum coeff_i x_i} to {@code out}, or null where it does not apply. */
    private static Instance.Result closed(ElemClass[] xs, long[] coeff, int frac, FixedFormat out, int rounds) {
        long[] sh = SumForm.toFormat(frac, out);
        try {
            SumForm f = new SumForm();
            for (int i = 0; i < xs.length; i++) f.addWord(xs[i], coeff[i] * sh[1], i);
            long[] used = new long[xs.length];
            for (int i = 0; i < xs.length; i++) used[i] = coeff[i] == 0 ? 0 : SumForm.variableSlots(xs[i]);
            return f.close((int) sh[0], out.width(), true, rounds, used);
        } catch (SumForm.Unmodelled u) {
            return null;
        }
    }

    private static Instance.Result run(ElemClass[] xs, long[] coeff, int frac, FixedFormat out, int rounds) {
        return Instance.run((net, in) -> {
            LinearForm f = new LinearForm();
            for (int i = 0; i < in.length; i++) f.addWord(in[i], coeff[i]);
            return new int[][] {WeightedSum.toFormat(net, f, frac, out, rounds)};
        }, xs, Instance.distinct(xs.length));
    }

    @Test
    void randomFormsOfRandomClasses() {
        Random r = new Random(11);
        int closedCount = 0, total = 400;
        for (int t = 0; t < total; t++) {
            int m = 1 + r.nextInt(12), w = 2 + r.nextInt(7), rounds = 1 + r.nextInt(3);
            ElemClass[] xs = new ElemClass[m];
            long[] coeff = new long[m];
            ElemClass shared = ClassSamples.random(r, w);
            for (int i = 0; i < m; i++) {
                xs[i] = r.nextBoolean() ? shared : ClassSamples.random(r, w);
                coeff[i] = r.nextInt(3) == 0 ? r.nextInt(13) - 6 : 1;
            }
            FixedFormat out = FixedFormat.of(2 + r.nextInt(4), r.nextInt(5));
            int frac = r.nextInt(6);
            Instance.Result c = closed(xs, coeff, frac, out, rounds);
            if (c == null) continue;
            closedCount++;
            Instance.Result b = run(xs, coeff, frac, out, rounds);
            String what = "form " + t;
            ClassSamples.assertSameProfile(b.profile(), c.profile(), what);
            assertEquals(b.out()[0], c.out()[0], what);
            org.junit.jupiter.api.Assertions.assertArrayEquals(b.usedSlots(), c.usedSlots(), what);
        }
        assertTrue(closedCount > total / 5, "closed form applied to only " + closedCount + " of " + total);
    }

    @Test
    void dotProductsOfRandomClasses() {
        Random r = new Random(5);
        int closedCount = 0, total = 300;
        for (int t = 0; t < total; t++) {
            int d = 1 + r.nextInt(r.nextBoolean() ? 4 : 40), wx = 2 + r.nextInt(4), wy = 2 + r.nextInt(4), rounds = 1 + r.nextInt(3);
            FixedFormat fx = FixedFormat.of(1 + r.nextInt(wx), 0), fy = FixedFormat.of(1 + r.nextInt(wy), 0);
            fx = FixedFormat.of(fx.intBits(), wx - fx.intBits());
            fy = FixedFormat.of(fy.intBits(), wy - fy.intBits());
            FixedFormat out = FixedFormat.of(2 + r.nextInt(5), r.nextInt(5));
            ElemClass[] xs = new ElemClass[d], ys = new ElemClass[d];
            ElemClass cx = ClassSamples.random(r, wx), cy = ClassSamples.random(r, wy);
            boolean uniform = r.nextBoolean();
            for (int k = 0; k < d; k++) {
                xs[k] = uniform ? cx : ClassSamples.random(r, wx);
                ys[k] = uniform ? cy : ClassSamples.random(r, wy);
            }
            long[] sh = SumForm.toFormat(fx.fracBits() + fy.fracBits(), out);
            Instance.Result c;
            long[] ux = new long[d], uy = new long[d];
            try {
                SumForm f = new SumForm().addDot(xs, ys, sh[1], ux, uy);
                long[] used = new long[2 * d];
                System.arraycopy(ux, 0, used, 0, d);
                System.arraycopy(uy, 0, used, d, d);
                c = f.close((int) sh[0], out.width(), true, rounds, used);
            } catch (SumForm.Unmodelled u) {
                continue;
            }
            closedCount++;
            ElemClass[] both = new ElemClass[2 * d];
            System.arraycopy(xs, 0, both, 0, d);
            System.arraycopy(ys, 0, both, d, d);
            FixedFormat ffx = fx, ffy = fy;
            Instance.Result b = Instance.run((net, in) -> new int[][] {tc0.compiler.gadgets.Multiply.dot(net,
                    java.util.Arrays.copyOfRange(in, 0, d), ffx, java.util.Arrays.copyOfRange(in, d, 2 * d), ffy, out, rounds)},
                    both, Instance.distinct(2 * d));
            ClassSamples.assertSameProfile(b.profile(), c.profile(), "dot " + t);
            assertEquals(b.out()[0], c.out()[0], "dot " + t);
            org.junit.jupiter.api.Assertions.assertArrayEquals(b.usedSlots(), c.usedSlots(), "dot " + t);
        }
        assertTrue(closedCount > total / 5, "closed form applied to only " + closedCount + " of " + total);
    }

    /** Many pairs of the same classes whose ANDs land in a column at different levels (one slot deeper): added column by column. */
    @Test
    void dotProductsOfUniformClassesWithMixedLevels() {
        Random r = new Random(19);
        int checked = 0;
        for (int t = 0; t < 60; t++) {
            int d = 2 + r.nextInt(t % 3 == 0 ? 60 : 6), w = 3 + r.nextInt(4), rounds = 1 + r.nextInt(3);
            int[] bits = new int[w], levels = new int[w];
            for (int k = 0; k < w; k++) { bits[k] = k << 1; levels[k] = 2 + r.nextInt(3); }
            if (t % 2 == 0) bits[w - 1] = ElemClass.FALSE; // a constant-0 top bit, as softmax outputs have
            ElemClass cx = ElemClass.of(bits, levels), cy = t % 4 == 1 ? ClassSamples.random(r, w) : ElemClass.fresh(w, r.nextInt(3));
            if (cy.width() != w) continue;
            FixedFormat fx = FixedFormat.of(2, w - 2), out = FixedFormat.of(3 + r.nextInt(3), r.nextInt(4));
            ElemClass[] xs = new ElemClass[d], ys = new ElemClass[d];
            java.util.Arrays.fill(xs, cx);
            java.util.Arrays.fill(ys, cy);
            long[] sh = SumForm.toFormat(2 * fx.fracBits(), out);
            long[] ux = new long[d], uy = new long[d];
            Instance.Result c;
            try {
                SumForm f = new SumForm().addDot(xs, ys, sh[1], ux, uy);
                long[] used = new long[2 * d];
                System.arraycopy(ux, 0, used, 0, d);
                System.arraycopy(uy, 0, used, d, d);
                c = f.close((int) sh[0], out.width(), true, rounds, used);
            } catch (SumForm.Unmodelled u) {
                continue;
            }
            ElemClass[] both = new ElemClass[2 * d];
            System.arraycopy(xs, 0, both, 0, d);
            System.arraycopy(ys, 0, both, d, d);
            Instance.Result b = Instance.run((net, in) -> new int[][] {tc0.compiler.gadgets.Multiply.dot(net,
                    java.util.Arrays.copyOfRange(in, 0, d), fx, java.util.Arrays.copyOfRange(in, d, 2 * d), fx, out, rounds)},
                    both, Instance.distinct(2 * d));
            String what = "d " + d + " " + cx + " x " + cy;
            ClassSamples.assertSameProfile(b.profile(), c.profile(), what);
            assertEquals(b.out()[0], c.out()[0], what);
            org.junit.jupiter.api.Assertions.assertArrayEquals(b.usedSlots(), c.usedSlots(), what);
            checked++;
        }
        assertTrue(checked > 20, "checked " + checked);
    }

    @Test
    void ropePairsAgainstTheGadget() {
        Random r = new Random(13);
        FixedFormat fx = FixedFormat.of(4, 4), fc = FixedFormat.of(2, 6), out = FixedFormat.of(4, 4);
        int closedCount = 0;
        for (int t = 0; t < 120; t++) {
            long c = switch (t % 4) { case 0 -> 0; case 1 -> 64; default -> r.nextInt(129) - 64; };
            long s = t % 5 == 0 ? 0 : r.nextInt(129) - 64;
            ElemClass[] pair = {r.nextBoolean() ? ElemClass.fresh(8, 2) : ClassSamples.random(r, 8), ClassSamples.random(r, 8)};
            Instance.Result closed;
            try {
                closed = RopeCount.closed(pair, c, s, fx.fracBits() + fc.fracBits(), out, 2);
            } catch (SumForm.Unmodelled u) {
                continue;
            }
            closedCount++;
            Instance.Result run = Instance.run((net, in) -> tc0.compiler.gadgets.Rope.rotate(net, in[0], in[1], fx, c, s, fc, out, 2),
                    pair, new int[] {0, 1});
            String what = "c " + c + " s " + s + " " + java.util.Arrays.toString(pair);
            ClassSamples.assertSameProfile(run.profile(), closed.profile(), what);
            org.junit.jupiter.api.Assertions.assertArrayEquals(run.out(), closed.out(), what);
            org.junit.jupiter.api.Assertions.assertArrayEquals(run.usedSlots(), closed.usedSlots(), what);
        }
        assertTrue(closedCount > 30, "closed form applied to " + closedCount + " of 120");
    }

    @Test
    void longSumsOfUniformWords() {
        for (int m : new int[] {5, 33, 100, 257}) {
            for (ElemClass c : new ElemClass[] {ElemClass.fresh(6, 3), ClassSamples.random(new Random(m), 6)}) {
                ElemClass[] xs = new ElemClass[m];
                java.util.Arrays.fill(xs, c);
                long[] ones = new long[m];
                java.util.Arrays.fill(ones, 1);
                Instance.Result closed = closed(xs, ones, 2, FixedFormat.of(6, 1), 2);
                if (closed == null) continue;
                ClassSamples.assertSameProfile(run(xs, ones, 2, FixedFormat.of(6, 1), 2).profile(), closed.profile(), "m = " + m + " " + c);
            }
        }
    }
}
