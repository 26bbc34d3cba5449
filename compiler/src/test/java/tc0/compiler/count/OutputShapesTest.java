package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.ClosedSum;
import tc0.compiler.gadgets.Rope;
import tc0.compiler.numerics.FixedFormat;

/**
 * {@link OutputShapes#of} (the output class interned by a key of the bits' kinds, negations and levels) against
 * {@link SumForm#outputClass} asked directly: the same class for RoPE's own closed sums (every row at n = 2^8,
 * random rows at 2^16 and 2^20) and for made-up sums that differ from one another in one bit's kind, negation or
 * level only, HI and LO bits sharing their gates, levels past the key, widths past 32 bits.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OutputShapesTest {
    private static void assertSameClass(ClosedSum cs, int width, String what) {
        assertSame(SumForm.outputClass(cs, width, -1, 0), OutputShapes.of(cs, width), what);
    }

    @Test
    void ropesClosedSumsGetTheClassesOutputClassGives() {
        for (int logN : new int[] {8, 16, 20}) {
            int n = 1 << logN, frac = logN + 4, w = 8 + frac;
            FixedFormat fx = FixedFormat.of(8, frac), fc = FixedFormat.of(2, frac), out = FixedFormat.of(8, frac);
            long[] coef = RopeCount.coefficients(n, 4, 10000, fc);
            long[] sh = SumForm.toFormat(fx.fracBits() + fc.fracBits(), out);
            Random r = new Random(logN);
            int rows = logN == 8 ? n : 20_000;
            for (int t = 0; t < rows; t++) {
                int i = logN == 8 ? t : r.nextInt(n), j = r.nextInt(2), at = i * 2 + j;
                ClosedSum[] cs = Rope.pairSums(coef[2 * at] * sh[1], coef[2 * at + 1] * sh[1], w, 0, (int) sh[0], out.width(), 2, new long[1]);
                if (cs == null) continue;
                for (int o = 0; o < 2; o++) {
                    if (!cs[o].modelled()) continue;
                    assertSameClass(cs[o], out.width(), "n = 2^" + logN + " row " + i + " pair " + j + " sum " + o);
                }
            }
        }
    }

    @Test
    void madeUpSumsThatDifferInOneBitGetTheirOwnClasses() {
        ClosedSum.Kind[] kinds = {ClosedSum.Kind.FALSE, ClosedSum.Kind.TRUE, ClosedSum.Kind.GATE, ClosedSum.Kind.COMPARATOR,
            ClosedSum.Kind.HI, ClosedSum.Kind.LO};
        Random r = new Random(7);
        for (int t = 0; t < 40_000; t++) {
            int width = t % 50 == 0 ? 33 + r.nextInt(8) : 1 + r.nextInt(32);
            int maxLevel = t % 7 == 0 ? 20 : 4; // few levels: sums collide on all but one bit
            ClosedSum.Kind[] kind = new ClosedSum.Kind[width];
            int[] level = new int[width];
            boolean[] neg = new boolean[width];
            for (int b = 0; b < width; b++) {
                kind[b] = kinds[r.nextInt(kinds.length)];
                boolean constant = kind[b] == ClosedSum.Kind.FALSE || kind[b] == ClosedSum.Kind.TRUE;
                level[b] = constant ? -1 : 1 + r.nextInt(maxLevel);
                neg[b] = !constant && r.nextBoolean();
            }
            ClosedSum cs = new ClosedSum(new long[4], 0, kind, level, neg, true, false, true);
            assertSameClass(cs, width, "sum " + t);
            // the same but one bit: its negation, level or kind
            int b = r.nextInt(width);
            ClosedSum.Kind[] k2 = kind.clone();
            int[] l2 = level.clone();
            boolean[] n2 = neg.clone();
            switch (r.nextInt(3)) {
                case 0 -> { if (l2[b] >= 0) n2[b] = !n2[b]; }
                case 1 -> { if (l2[b] >= 0) l2[b] = 1 + (l2[b] % maxLevel); }
                default -> {
                    k2[b] = kinds[2 + r.nextInt(4)];
                    if (l2[b] < 0) l2[b] = 1;
                }
            }
            assertSameClass(new ClosedSum(new long[4], 0, k2, l2, n2, true, false, true), width, "sum " + t + " changed at bit " + b);
        }
    }
}
