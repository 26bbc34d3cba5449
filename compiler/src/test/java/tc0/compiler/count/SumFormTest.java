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
            return f.close((int) sh[0], out.width(), true, rounds, new long[xs.length]);
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
        }
        assertTrue(closedCount > total / 5, "closed form applied to only " + closedCount + " of " + total);
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
