package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.DivideByConstant;
import tc0.compiler.gadgets.DivideWords;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.numerics.FixedFormat;

/**
 * A resampling stencil counted in closed form equals the gadget run on a tape, weighting by weighting: SPLIT's
 * division ({@link ClosedSplit}: long and exact divisors, as the row pass at n = 2^20 divides by 2^68) and the
 * column pass's exact sum ({@link ResampleStencils#closedExact}), over many random bilinear weightings and words
 * with constant bits and slots at several levels: the same gates per level, wires, output class and slots read.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClosedSplitTest {
    private static final int ROUNDS = 2;

    @Test
    void splitEqualsTheGadgetOverRandomWeightings() {
        Random rnd = new Random(18);
        int modelled = 0, wide = 0, computed = 0;
        for (int c = 0; c < 800; c++) {
            int taps = rnd.nextBoolean() ? 2 : 4;
            ElemClass[] in = words(rnd, taps);
            // One case in four as the row pass at n = 2^20 divides: 2n = 2^21 per axis, the operand's 26 fraction
            // bits kept, so the divisor 2^68 passes a long; else small divisors and formats.
            boolean big = c % 4 == 0;
            long den = 2L << (big ? 16 + rnd.nextInt(5) : rnd.nextInt(12));
            long[] w = weighting(rnd, taps, den);
            int fx = big ? 20 + rnd.nextInt(10) : 2 + rnd.nextInt(20);
            BigInteger d = BigInteger.valueOf(den).shiftLeft(fx).shiftLeft(big ? 21 : 0);
            FixedFormat out = big ? new FixedFormat(8, fx) : new FixedFormat(3 + rnd.nextInt(6), 2 + rnd.nextInt(Math.min(fx, 20)));
            Instance.Result gadget;
            boolean fits = DivideWords.fitsLong(ResampleStencils.widths(in), w, d);
            try {
                gadget = Instance.run((net, xs) -> {
                    if (!fits) return new int[][] {DivideWords.buildWords(net, xs, w, out.fracBits(), d, out, ROUNDS)};
                    LinearForm f = new LinearForm();
                    for (int t = 0; t < xs.length; t++) f.addWord(xs[t], w[t]);
                    return new int[][] {DivideByConstant.build(net, f, out.fracBits(), d.longValueExact(), out, ROUNDS, DivideByConstant.Route.SPLIT)};
                }, in, Instance.distinct(taps));
            } catch (IllegalArgumentException | ArithmeticException notBuilt) { // SPLIT's numbers pass a long
                assertNull(ClosedSplit.of(in, w, d, out, ROUNDS), "case " + c);
                continue;
            }
            Instance.Result closed = ClosedSplit.of(in, w, d, out, ROUNDS);
            if (closed == null) continue; // not modelled: the count runs the gadget
            modelled++;
            if (!fits) wide++;
            if (!allPlain(in)) computed++;
            assertSameResult(gadget, closed, "case " + c);
        }
        assertTrue(modelled >= 200, modelled + " of 800 modelled");
        assertTrue(wide >= 30, wide + " past a long");
        assertTrue(computed >= 50, computed + " over words not plain");
    }

    @Test
    void columnPassEqualsTheGadgetOverRandomWeightings() {
        Random rnd = new Random(20);
        int modelled = 0, computed = 0;
        for (int c = 0; c < 300; c++) {
            ElemClass[] in = words(rnd, 2);
            long[] w = weighting(rnd, 2, 2L << rnd.nextInt(21));
            Instance.Result gadget = Instance.run((net, xs) -> {
                LinearForm f = new LinearForm();
                for (int t = 0; t < xs.length; t++) f.addWord(xs[t], w[t]);
                return new int[][] {WeightedSum.exact(net, f, ROUNDS)};
            }, in, Instance.distinct(2));
            Instance.Result closed = ResampleStencils.closedExact(in, w, ROUNDS);
            if (closed == null) continue;
            modelled++;
            if (!allPlain(in)) computed++;
            assertSameResult(gadget, closed, "case " + c);
        }
        assertTrue(modelled >= 100, modelled + " of 300 modelled");
        assertTrue(computed >= 20, computed + " over words not plain");
    }

    /**
     * {@code certainSplitShared} on an upsample's pair weightings {@code (D - f, f)} (every f, one {@code Shared} for all, so
     * those {@link PairWeighting} keys skip its own map and take the pair memo's answer) against {@link ClosedSplit#certain}
     * afresh (no memo): the same answer or none, over words of one class (keyed) and of two (not keyed, its map), a single
     * tap's weight times the pair (a single-tap row against a two-tap column) included.
     */
    @Test
    void sharedPairWeightingsAnswerAsAfresh() {
        Random rnd = new Random(2020);
        long answered = 0;
        long keyed = 0;
        for (int c = 0; c < 30; c++) {
            ElemClass[] in = c % 5 == 4 ? SplitMemoTest.words(rnd, 2, false, false) : SplitMemoTest.words(rnd, 2, true, c % 3 == 2);
            int bigM = 3 + rnd.nextInt(7);
            long den = 1L << bigM, single = c % 2 == 0 ? 1 : 1L << (1 + rnd.nextInt(4));
            FixedFormat fx = new FixedFormat(16, 2 + rnd.nextInt(20));
            FixedFormat out = new FixedFormat(3 + rnd.nextInt(8), 2 + rnd.nextInt(Math.min(fx.fracBits(), 20)));
            ResampleStencils.Shared sym = new ResampleStencils.Shared(out, fx, ROUNDS);
            for (long f = 1; f < den; f++) {
                long[] w = {single * (den - f), single * f};
                ResampleStencils.Weighting k = new ResampleStencils.Weighting(w, den * single);
                BigInteger d = ResampleStencils.divisor(k, fx);
                Instance.Result afresh = DivideWords.fitsLong(ResampleStencils.widths(in), w, d) ? ClosedSplit.certain(in, w, d, out, ROUNDS, null) : null;
                Instance.Result shared = sym.certainSplitShared(in, k);
                String what = "class " + c + " f " + f + " of " + den + " x " + single;
                assertEquals(afresh == null, shared == null, what);
                if (afresh == null) continue;
                assertSameResult(afresh, shared, what);
                answered++;
            }
            keyed += sym.memo.pairs.keyed.sum();
        }
        assertTrue(answered >= 1000 && keyed >= 1000, answered + " answered, " + keyed + " keyed");
    }

    /**
     * {@link ResampleStencils.Shared#certainSplit} answers only where the lowering's route ({@code chooseSplit}) is SPLIT,
     * and then with what the count gave once it knew the route ({@link ClosedSplit}); over words of fresh slots at
     * several levels, with constant bits and inverted bits, and words with a slot twice (sign-extended: its two signs
     * are not modelled by the closed count, so no answer). The shared answers ({@code certainSplitShared}, asked
     * twice) are the same.
     */
    @Test
    void certainSplitOnlyWhereTheRouteIsSplit() {
        Random rnd = new Random(1818);
        int certain = 0, splitRoutes = 0, inverted = 0;
        for (int c = 0; c < 600; c++) {
            int taps = rnd.nextBoolean() ? 2 : 4;
            ElemClass[] in = words(rnd, taps);
            long den = 2L << rnd.nextInt(14);
            long[] w = weighting(rnd, taps, den);
            FixedFormat fx = new FixedFormat(16, 2 + rnd.nextInt(20));
            FixedFormat out = new FixedFormat(3 + rnd.nextInt(8), 2 + rnd.nextInt(Math.min(fx.fracBits(), 20)));
            ResampleStencils.Weighting k = new ResampleStencils.Weighting(w, taps == 2 ? den : den * den);
            BigInteger d = ResampleStencils.divisor(k, fx);
            if (!DivideWords.fitsLong(ResampleStencils.widths(in), w, d)) continue;
            ResampleStencils.Shared sym = new ResampleStencils.Shared(out, fx, ROUNDS);
            Instance.Result got = sym.certainSplit(in, k);
            assertEquals(got == null, sym.certainSplitShared(in, k) == null, "case " + c);
            if (got != null) assertSameResult(got, sym.certainSplitShared(in, k), "case " + c + " shared");
            DivideByConstant.Route route;
            try {
                route = ResampleStencils.stencilRoute(in, w, out, d.longValueExact(), ROUNDS);
            } catch (ArithmeticException | IllegalArgumentException none) {
                route = null;
            }
            if (route == DivideByConstant.Route.SPLIT) splitRoutes++;
            boolean fresh = true;
            for (ElemClass x : in) fresh &= ResampleStencils.Shared.freshSlots(x);
            if (!fresh) assertNull(ClosedSplit.of(in, w, d, out, ROUNDS), "case " + c);
            if (got == null) continue;
            if (!allPlain(in)) inverted++;
            certain++;
            assertSame(DivideByConstant.Route.SPLIT, route, "case " + c);
            assertSameResult(ClosedSplit.of(in, w, d, out, ROUNDS), got, "case " + c);
        }
        assertTrue(certain >= 150, certain + " answered");
        assertTrue(inverted >= 30, inverted + " answered over words with an inverted bit");
        assertTrue(splitRoutes >= certain, splitRoutes + " SPLIT routes");
    }

    /** The row pass at n = 2^20 over 40-bit words (2^68 divisor) and its column pass are counted in closed form. */
    @Test
    void theRowPassAt2To20IsModelled() {
        ElemClass plain = ElemClass.fresh(40, 0);
        assertNotNull(ClosedSplit.of(new ElemClass[] {plain, plain}, new long[] {(1 << 21) - 5, 5}, BigInteger.ONE.shiftLeft(68), new FixedFormat(8, 26), ROUNDS));
        assertNotNull(ResampleStencils.closedExact(new ElemClass[] {plain, plain}, new long[] {(1 << 21) - 5, 5}, ROUNDS));
    }

    private static boolean allPlain(ElemClass[] in) {
        for (ElemClass c : in) if (!c.plain()) return false;
        return true;
    }

    private static void assertSameResult(Instance.Result gadget, Instance.Result closed, String what) {
        // Not the wide mark: the closed sum marks a sum whose weight sums pass a long (the builder's check, made
        // conservatively over the form); the tape, which built it, marks nothing.
        CountedCost g = gadget.profile().cost(), c = closed.profile().cost();
        assertEquals(List.of(g.depth(), g.gates(), g.wires(), g.width()), List.of(c.depth(), c.gates(), c.wires(), c.width()), what);
        for (int l = 0; l <= gadget.profile().depth(); l++) assertEquals(gadget.profile().exactAt(l), closed.profile().exactAt(l), what + " level " + l);
        assertSame(gadget.out()[0], closed.out()[0], what);
        assertArrayEquals(gadget.usedSlots(), closed.usedSlots(), what);
        assertEquals(gadget.passthrough(), closed.passthrough(), what);
        assertEquals(gadget.disjoint(), closed.disjoint(), what);
    }

    /**
     * Words of 4..40 bits: some low bits FALSE (a coarser format), maybe a TRUE bit, slots at levels 0..4; some
     * sign-extended (the top bits one slot) or with an inverted bit, as computed operands are.
     */
    private static ElemClass[] words(Random rnd, int taps) {
        ElemClass[] in = new ElemClass[taps];
        for (int t = 0; t < taps; t++) {
            int width = 4 + rnd.nextInt(37), low = rnd.nextInt(4), slots = 0;
            int[] bits = new int[width], levels = new int[width];
            int base = rnd.nextInt(3);
            // one word in three sign-extended (its top bits one slot), one in four with an inverted bit
            int extended = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(Math.max(1, width - low - 2)) : 0;
            int inverted = rnd.nextInt(4) == 0 ? low + rnd.nextInt(width - low) : -1;
            for (int k = 0; k < width; k++) {
                if (k < low) { bits[k] = ElemClass.FALSE; continue; }
                if (k > width - 1 - extended && slots > 0) { bits[k] = (slots - 1) << 1; continue; }
                if (k == width / 2 && rnd.nextInt(5) == 0) { bits[k] = ElemClass.TRUE; continue; }
                levels[slots] = base + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0);
                bits[k] = slots++ << 1 | (k == inverted ? 1 : 0);
            }
            in[t] = ElemClass.of(bits, java.util.Arrays.copyOf(levels, slots));
        }
        return in;
    }

    /** Bilinear weights over {@code den} per axis: (den - f, f) for one axis, their products for two. */
    static long[] weighting(Random rnd, int taps, long den) {
        long f = 1 + (long) (rnd.nextDouble() * (den - 1));
        if (taps == 2) return new long[] {den - f, f};
        long g = 1 + (long) (rnd.nextDouble() * (den - 1));
        return new long[] {(den - f) * (den - g), (den - f) * g, f * (den - g), f * g};
    }
}
