package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc0.compiler.count.CountAsserts.assertCounted;
import static tc0.compiler.count.CountAsserts.program;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.gadgets.DivideByConstant;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.numerics.FixedFormat;

/** Counted = built for upsample and downsample: both modes, several ratios, inputs, constants and computed operands. */
class ResampleCountTest {
    private static final String P5 = "model m() { precision fixed(int: 5, frac: 4); ";

    @ParameterizedTest
    @ValueSource(strings = {"nearest", "bilinear"})
    void upsampleOfAnInput(String mode) {
        assertCounted(program("input X: [2, 3, 2]; output Y = upsample(X, to: [4, 6], mode: " + mode + ");"));
        assertCounted(program("input X: [3, 2]; output Y = upsample(X, to: [7, 5], mode: " + mode + ");"));
        assertCounted(program("input X: [1, 1, 3]; output Y = upsample(X, to: [4, 4], mode: " + mode + ");"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nearest", "bilinear"})
    void downsampleOfAnInput(String mode) {
        assertCounted(program("input X: [8, 8, 2]; output Y = downsample(X, to: [2, 4], mode: " + mode + ");"));
        assertCounted(program("input X: [7, 5]; output Y = downsample(X, to: [3, 2], mode: " + mode + ");"));
        assertCounted(program("input X: [4, 4, 1]; output Y = downsample(X, to: [1, 1], mode: " + mode + ");"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nearest", "bilinear"})
    void resampleOfComputedValues(String mode) {
        assertCounted(program(P5, "input X: [3, 4, 2]; weight W: [2, 2] = random(seed: 5);"
                + " output Y = upsample(relu(X) * 0.75, to: [5, 8], mode: " + mode + ");"));
        // The product is also an output, so the elements the downsample skips are not dead.
        assertCounted(program(P5, "input X: [8, 6]; weight W: [6, 6] = random(seed: 6); let A = X @ W;"
                + " output Y = downsample(A, to: [4, 3], mode: " + mode + ") + 1; output Z = A;"));
    }

    /**
     * Stencils of one weighting over different classes (input words, a zero border): each takes its own form's
     * route, as built. With one route per weighting (its first element's), the zero stencils below were given
     * a word route they cannot take, and counting and the lowering both threw.
     */
    @Test
    void stencilsOfOneWeightingOverDifferentClasses() {
        assertCounted(program("input X: [2, 2]; output Y = upsample(concat(X, zeros([2, 2]), axis: 1), to: [6, 4], mode: bilinear);"));
        assertCounted(program("input X: [3, 2]; output Y = upsample(concat(X, zeros([3, 2]), axis: 1), to: [5, 8], mode: bilinear);"));
        assertCounted(program("input X: [2, 2]; output Y = upsample(concat(zeros([2, 2]), X, axis: 1), to: [6, 4], mode: bilinear);"));
        assertCounted(program("input X: [4, 3, 2]; output Y = downsample(concat(X, zeros([4, 3, 2]), axis: 2), to: [3, 2], mode: bilinear);"));
    }

    @Test
    void aComputedValueReadOnlyInPartIsRefusedBySummariesAndBuiltWhenSmall() {
        // Nearest downsampling skips rows of the product: their gates are dead, which the summary does not model.
        var p = program(P5, "input X: [8, 6]; weight W: [6, 6] = random(seed: 6); output Y = downsample(X @ W, to: [4, 3], mode: nearest);");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> TensorIrToCost.summaryOnly(p, 2));
        assertTrue(e.getMessage().contains("only in part"), e.getMessage());
        assertEquals(CountAsserts.built(p, 2, false), TensorIrToCost.count(p, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nearest", "bilinear"})
    void resampleOfConstants(String mode) {
        assertCounted(program("input X: [4, 4]; weight W: [2, 2] = random(seed: 7);"
                + " output Y = X + upsample(W, to: [4, 4], mode: " + mode + ");"));
        assertCounted(program("input X: [2, 2]; output Y = X + downsample(ones([4, 4]) * 0.5, to: [2, 2], mode: " + mode + ");"));
    }

    @Test
    void downsampleReadsPartOfAnUpsample() {
        // Most of the upsample's elements are read by nobody: the builder drops them, counting leaves them out.
        assertCounted(program(P5, "input X: [2, 2, 2]; let U = upsample(relu(X), to: [8, 8], mode: bilinear);"
                + " output Y = downsample(U, to: [4, 4], mode: bilinear);"));
        assertCounted(program(P5, "input X: [2, 3]; let U = upsample(X * 0.5, to: [8, 9], mode: bilinear);"
                + " output Y = downsample(U, to: [2, 3], mode: nearest);"));
    }

    @Test
    void downsampleReadsCopiesOfOneElement() {
        // The upsample of a 1 x 1 map copies one element everywhere: the downsample's four taps are one element.
        assertCounted(program("input X: [1, 1, 2]; input Z: [2, 2, 2]; let U = upsample(X, to: [4, 4], mode: bilinear);"
                + " output Y = downsample(U, to: [2, 2], mode: bilinear) + Z; output V = U;"));
        assertCounted(program(P5, "input X: [2, 2]; let U = upsample(relu(X), to: [8, 8], mode: bilinear);"
                + " output Y = downsample(U, to: [4, 4], mode: bilinear);"));
    }

    @Test
    void stencilsWithSeveralWeightingsAndBorders() {
        // Ratios that are not powers of two: many weightings, clamped borders, single taps between.
        assertCounted(program(P5, "input X: [3, 5, 2]; output Y = upsample(X, to: [7, 9], mode: bilinear);"));
        assertCounted(program(P5, "input X: [9, 7]; let S = X * 0.5; output Y = downsample(S, to: [4, 3], mode: bilinear); output Z = S;"));
        assertCounted(program(P5, "input X: [5, 5, 3]; output Y = upsample(X, to: [5, 8], mode: bilinear);"));
    }

    @Test
    void aSingleTapInAnotherFormatIsAConversion() {
        // A bit tensor resampled into the model's format: every single tap converts its word.
        assertCounted(program("input A: [2, 3] bit; output Y = upsample(A, to: [4, 6], mode: nearest);"));
        assertCounted(program("input A: [4, 4] bit; output Y = downsample(A, to: [2, 2], mode: bilinear);"));
    }

    @Test
    void depthDoesNotGrowWithTheSize() {
        var small = TensorIrToCost.summaryOnly(program(P5, "input X: [2, 2, 2]; output Y = upsample(relu(X), to: [8, 8], mode: bilinear);"), 2);
        var large = TensorIrToCost.summaryOnly(program(P5, "input X: [2, 2, 2]; output Y = upsample(relu(X), to: [64, 64], mode: bilinear);"), 2);
        assertEquals(small.depth(), large.depth());
        assertTrue(large.gates().compareTo(small.gates()) > 0);
    }

    @Test
    void closedMultiplyEqualsTheGadget() {
        // MULTIPLY's one weighted sum counted in closed form against the gadget on a tape: per-level gates, wires,
        // output class and the slots read, over random classes (constant bits, sign extension, mixed levels).
        Random r = new Random(11);
        int compared = 0;
        for (int t = 0; t < 600; t++) {
            FixedFormat fx = FixedFormat.of(2 + r.nextInt(4), r.nextInt(5)), out = FixedFormat.of(2 + r.nextInt(4), r.nextInt(5));
            long dy = 2L * (1 + r.nextInt(6)), dx = 2L * (1 + r.nextInt(6));
            long fy = 1 + r.nextInt((int) dy - 1), fxr = 1 + r.nextInt((int) dx - 1);
            long[] w = t % 2 == 0 ? new long[] {dy - fy, fy}
                    : new long[] {(dy - fy) * (dx - fxr), (dy - fy) * fxr, fy * (dx - fxr), fy * fxr};
            long d = (t % 2 == 0 ? dy : dy * dx) << fx.fracBits();
            ElemClass[] in = new ElemClass[w.length];
            for (int i = 0; i < in.length; i++) in[i] = t % 3 == 0 ? ElemClass.fresh(fx.width(), r.nextInt(4)) : ClassSamples.random(r, fx.width());
            int rounds = 1 + r.nextInt(2);
            Instance.Result closed = ResampleStencils.closedMultiply(in, w, d, out, rounds);
            if (closed == null) continue;
            Instance.Result built = Instance.run((net, xs) -> {
                LinearForm f = new LinearForm();
                for (int i = 0; i < xs.length; i++) f.addWord(xs[i], w[i]);
                return new int[][] {DivideByConstant.build(net, f, out.fracBits(), d, out, rounds, DivideByConstant.Route.MULTIPLY)};
            }, in, Instance.distinct(in.length));
            String what = java.util.Arrays.toString(in) + " weights " + java.util.Arrays.toString(w) + " / " + d;
            ClassSamples.assertSameProfile(built.profile(), closed.profile(), what);
            assertEquals(built.out()[0], closed.out()[0], what);
            assertEquals(java.util.Arrays.toString(built.usedSlots()), java.util.Arrays.toString(closed.usedSlots()), what);
            compared++;
        }
        assertTrue(compared >= 200, "compared " + compared);
    }

    @Test
    void stencilsInAnotherTapOrderCostTheSameWhereTheTapsShareOnePlainClassAtOneLevel() {
        // What lets counting share mirrored and transposed bilinear stencils: where the taps share one class the
        // route (from the multiset of the form's weights) does not depend on their order, and where that class
        // is also plain at one level neither does the gadget's count (per level, output class).
        Random r = new Random(5);
        for (int t = 0; t < 120; t++) {
            FixedFormat fx = FixedFormat.of(2 + r.nextInt(4), r.nextInt(5)), out = FixedFormat.of(2 + r.nextInt(4), r.nextInt(5));
            long dy = 2L * (2 + r.nextInt(6)), dx = 2L * (2 + r.nextInt(6));
            long a = 1 + r.nextInt((int) dy - 1), c = 1 + r.nextInt((int) dx - 1);
            long[] w = {(dy - a) * (dx - c), (dy - a) * c, a * (dx - c), a * c};
            long[][] orders = {w, {w[2], w[3], w[0], w[1]}, {w[0], w[2], w[1], w[3]}, {w[3], w[1], w[2], w[0]}};
            long d = dy * dx << fx.fracBits();
            ElemClass cls = switch (t % 3) {
                case 0 -> ElemClass.fresh(fx.width(), r.nextInt(4));
                case 1 -> withConstantLowBit(fx.width(), r.nextInt(4)); // plain, one level
                default -> ClassSamples.random(r, fx.width()); // any: the route only (the count where plain at one level)
            };
            ElemClass[] in = {cls, cls, cls, cls};
            Instance.Result first = null;
            DivideByConstant.Route route = null;
            for (long[] o : orders) {
                LinearForm probe = new LinearForm();
                int[] lits = new int[fx.width()];
                for (int i = 0; i < o.length; i++) {
                    for (int b = 0; b < lits.length; b++) lits[b] = cls.bit(b) == ElemClass.FALSE ? tc0.circuits.Literal.FALSE
                            : cls.bit(b) == ElemClass.TRUE ? tc0.circuits.Literal.TRUE : tc0.circuits.Literal.of(1 + b, false);
                    probe.addWord(lits, o[i]);
                }
                long[] form = new long[probe.size()];
                for (int i = 0; i < form.length; i++) form[i] = probe.weight(i);
                DivideByConstant.Route rt = DivideByConstant.choose(form, probe.constant(), out.fracBits(), d, out, 2);
                if (route == null) route = rt;
                assertEquals(route, rt, "route of " + java.util.Arrays.toString(o));
                if (!cls.plain() || !oneLevel(cls)) continue; // mixed levels: groups' levels depend on the order
                DivideByConstant.Route use = route;
                Instance.Result res = Instance.run((net, xs) -> {
                    LinearForm f = new LinearForm();
                    for (int i = 0; i < xs.length; i++) f.addWord(xs[i], o[i]);
                    return new int[][] {DivideByConstant.build(net, f, out.fracBits(), d, out, 2, use)};
                }, in, Instance.distinct(4));
                if (first == null) first = res;
                ClassSamples.assertSameProfile(first.profile(), res.profile(), cls + " " + java.util.Arrays.toString(o));
                assertEquals(first.out()[0], res.out()[0]);
            }
        }
    }

    private static boolean oneLevel(ElemClass c) {
        for (int s = 1; s < c.slots(); s++) if (c.slotLevel(s) != c.slotLevel(0)) return false;
        return true;
    }

    /** A plain word whose bit 0 is constant 0, its other bits fresh at one level. */
    private static ElemClass withConstantLowBit(int width, int level) {
        int[] bits = new int[width];
        int[] lv = new int[width - 1];
        bits[0] = ElemClass.FALSE;
        for (int k = 1; k < width; k++) { bits[k] = (k - 1) << 1; lv[k - 1] = level; }
        return ElemClass.of(bits, lv);
    }
}
