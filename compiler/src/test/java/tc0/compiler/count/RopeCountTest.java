package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.Rope;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;

/**
 * A rotated pair's sums counted from the columns' heights ({@code RopeCount.sums} over plain words) against the
 * same sums counted from the form with every literal ({@link SumForm}): equal gates per level, wires, output
 * class and slots read, or both not modelled, over RoPE's own codes and random and edge codes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RopeCountTest {
    /** The form with its literals, as RoPE's count took it before (the reference). */
    private static Instance.Result byLiterals(ElemClass[] pair, long cx, long cy, int shift, int width, int rounds, long[] used) {
        return new SumForm().addWord(pair[0], cx, 0).addWord(pair[1], cy, 1).close(shift, width, true, rounds, used);
    }

    private static Instance.Result orNull(java.util.function.Supplier<Instance.Result> f) {
        try {
            return f.get();
        } catch (SumForm.Unmodelled u) {
            return null;
        }
    }

    /** Both sums of the pair (c, s) the same as by their literals, or neither modelled; whether they came from the heights. */
    private static boolean assertSameSums(ElemClass[] pair, long c, long s, int shift, int width, int rounds) {
        long[] used = {Usage.all(pair[0]), Usage.all(pair[1])};
        String what = "c " + c + " s " + s + " w " + pair[0].width() + " shift " + shift + " width " + width + " rounds " + rounds;
        Instance.Result a = orNull(() -> byLiterals(pair, c, -s, shift, width, rounds, used));
        Instance.Result b = orNull(() -> byLiterals(pair, s, c, shift, width, rounds, used));
        Instance.Result[] got;
        try {
            got = RopeCount.sums(pair, c, s, shift, width, rounds, used);
        } catch (SumForm.Unmodelled u) {
            got = null;
        }
        assertEquals(a == null || b == null, got == null, what + ": modelled");
        if (got != null) {
            assertSame(a, got[0], what + ", c x - s y");
            assertSame(b, got[1], what + ", s x + c y");
        }
        int level = RopeCount.plainLevel(pair[0]);
        return level >= 0 && level == RopeCount.plainLevel(pair[1]) && Rope.pairSums(c, s, pair[0].width(), level, shift, width, rounds) != null;
    }

    private static void assertSame(Instance.Result want, Instance.Result got, String what) {
        CountedCost a = want.profile().cost(), b = got.profile().cost();
        assertEquals(List.of(a.depth(), a.gates(), a.wires(), a.width()), List.of(b.depth(), b.gates(), b.wires(), b.width()), what);
        for (int l = 1; l <= a.depth(); l++) assertEquals(want.profile().at(l), got.profile().at(l), what + " level " + l);
        assertEquals(want.out()[0], got.out()[0], what + ": output class");
        assertArrayEquals(want.usedSlots(), got.usedSlots(), what + ": slots read");
    }

    @Test
    void ropesOwnCodesCountAsTheirLiterals() {
        // Every position's (cos, sin) of both pairs of d = 4, words of log2(n) + 4 fraction bits, as the examples use.
        for (int logN : new int[] {2, 6, 10, 20}) {
            int frac = logN + 4;
            FixedFormat fx = FixedFormat.of(8, frac), fc = FixedFormat.of(2, frac);
            ElemClass x = ElemClass.fresh(fx.width(), 0), y = ElemClass.fresh(fx.width(), 1);
            // As the tensor model's K2: x's sign bit (negated) a level below its other bits, y plain at that level.
            ElemClass signLow = withTop(ElemClass.fresh(fx.width(), 1), 0);
            for (ElemClass[] pair : new ElemClass[][] {{x, x}, {signLow, y}, {y, signLow}}) {
                Random r = new Random(logN);
                int byHeights = 0, total = 0;
                for (int t = 0; t < 400; t++) {
                    int pos = t < 100 ? t : r.nextInt(1 << logN);
                    for (int j = 0; j < 2; j++, total++) {
                        long[] cs = Fixed.ropeCoefficients(Fixed.ropeAngle(pos, j, 4, 10000), fc);
                        if (assertSameSums(pair, cs[0], cs[1], fc.fracBits(), fx.width(), 2)) byHeights++;
                    }
                }
                assertTrue(byHeights > total * 9 / 10, "n = 2^" + logN + " " + pair[0] + ": " + byHeights + " of " + total + " pairs counted from heights");
            }
        }
    }

    @Test
    void randomAndEdgeCodesCountAsTheirLiterals() {
        Random r = new Random(18);
        List<Long> edges = new ArrayList<>(List.of(0L, 1L, -1L, 2L, 3L, -3L, 5L));
        for (int e : new int[] {4, 8, 12, 16, 20, 24}) {
            long p = 1L << e;
            edges.addAll(List.of(p, -p, p - 1, -(p - 1), p + 1, -(p + 1), p | 2, (p - 1) & ~1L, (p - 1) & ~2L));
        }
        int byHeights = 0;
        for (int t = 0; t < 4000; t++) {
            int w = 2 + r.nextInt(t < 2000 ? 14 : 33), level = r.nextInt(3) * 7;
            ElemClass x = r.nextBoolean() ? ElemClass.fresh(w, level) : fresh(r, w, level), y = r.nextInt(4) == 0 ? x : fresh(r, w, level);
            long cx = code(r, edges), cy = code(r, edges);
            int shift = r.nextInt(Math.min(30, 62 - w)), width = 2 + r.nextInt(w + 6), rounds = r.nextInt(4) == 0 ? 1 + 2 * r.nextInt(2) : 2;
            if (shift + width > 61) continue;
            if (assertSameSums(new ElemClass[] {x, y}, cx, cy, shift, width, rounds)) byHeights++;
        }
        assertTrue(byHeights > 1000, byHeights + " of the random pairs counted from heights");
    }

    /** A word of w fresh bits at one level, some of them negated, its top bit sometimes lower (a plain word still: each bit its own node). */
    private static ElemClass fresh(Random r, int w, int level) {
        int[] bits = new int[w], levels = new int[w];
        for (int k = 0; k < w; k++) { bits[k] = k << 1 | r.nextInt(2); levels[k] = level; }
        if (level > 0 && r.nextInt(3) == 0) levels[w - 1] = level - 1 - r.nextInt(level);
        return ElemClass.of(bits, levels);
    }

    /** The word with its top bit negated and at {@code level}. */
    private static ElemClass withTop(ElemClass c, int level) {
        int w = c.width();
        int[] bits = new int[w], levels = new int[w];
        for (int k = 0; k < w; k++) { bits[k] = k << 1; levels[k] = c.slotLevel(k); }
        bits[w - 1] |= 1;
        levels[w - 1] = level;
        return ElemClass.of(bits, levels);
    }

    /** An edge code, a random one of up to 26 bits, or a sparse one (few bits, far apart: a literal alone in two columns). */
    private static long code(Random r, List<Long> edges) {
        return switch (r.nextInt(3)) {
            case 0 -> edges.get(r.nextInt(edges.size()));
            case 1 -> (r.nextBoolean() ? 1 : -1) * (long) r.nextInt(1 << (1 + r.nextInt(26)));
            default -> (r.nextBoolean() ? 1 : -1) * ((1L << r.nextInt(26)) | (1L << r.nextInt(26)) | (r.nextBoolean() ? 1L << r.nextInt(5) : 0));
        };
    }

    @Test
    void aLowSignBitAloneInItsGroupIsCountedAtItsOwnLevel() {
        // x = 2 x1 + x0 times 2 and y times 1: x's sign bit x1 alone in its column (or a group of one), at level 3 not 5.
        ElemClass x = withTop(ElemClass.fresh(2, 5), 3), y = ElemClass.fresh(2, 5);
        for (long c : new long[] {2, 4, 5, -6, 9})
            for (long s : new long[] {0, 1, 3, -1})
                for (int width = 2; width < 8; width++) assertSameSums(new ElemClass[] {x, y}, c, s, 0, width, 2);
    }

    @Test
    void wordsThatAreNotPlainTakeTheFormWithItsLiterals() {
        Random r = new Random(5);
        int notPlain = 0;
        for (int t = 0; t < 600; t++) {
            int w = 2 + r.nextInt(12);
            ElemClass x = ClassSamples.random(r, w), y = ClassSamples.random(r, w);
            if (RopeCount.plainLevel(x) < 0 || RopeCount.plainLevel(y) != RopeCount.plainLevel(x)) notPlain++;
            long cx = (r.nextBoolean() ? 1 : -1) * (long) r.nextInt(1 << 12), cy = (r.nextBoolean() ? 1 : -1) * (long) r.nextInt(1 << 12);
            assertSameSums(new ElemClass[] {x, y}, cx, cy, r.nextInt(8), 2 + r.nextInt(w), 1 + r.nextInt(3));
        }
        assertTrue(notPlain > 300, "most samples are not plain words: " + notPlain);
    }

    @Test
    void plainLevelNamesWordsOfDistinctNodesAtOneLevel() {
        assertEquals(3, RopeCount.plainLevel(ElemClass.fresh(5, 3)));
        assertEquals(-1, RopeCount.plainLevel(ElemClass.of(new int[] {0, 2, ElemClass.TRUE}, new int[] {1, 1})), "a constant bit");
        assertEquals(-1, RopeCount.plainLevel(ElemClass.of(new int[] {0, 2, 2}, new int[] {1, 1})), "a sign-extended bit");
        assertEquals(-1, RopeCount.plainLevel(ElemClass.of(new int[] {0, 2}, new int[] {1, 2})), "the top bit above the rest");
        assertEquals(-1, RopeCount.plainLevel(ElemClass.of(new int[] {0, 2, 4}, new int[] {2, 1, 1})), "a low bit below the rest");
        assertEquals(2, RopeCount.plainLevel(ElemClass.of(new int[] {0, 2, 5}, new int[] {2, 2, 0})), "the top bit (negated) below the rest");
    }
}
