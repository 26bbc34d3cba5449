package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.circuits.analysis.Levels;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.ir.TensorProgram;
import tc0.dsl.Dsl;

/**
 * Mean, upsample and downsample lowered through division by a constant, checked bit for bit against the
 * reference interpreter on random and edge inputs ({@link TensorIrToCircuitTest#assertExact}: zeros, max,
 * min, alternating, random codes).
 */
class TensorIrToCircuitResampleTest {

    static TensorProgram program(String precision, String body) {
        return Elaborator.elaborate(Dsl.check("model m() { precision " + precision + "; " + body + " }", "t.tc0").orElseThrow(), Map.of());
    }

    static int depth(Lowered l) {
        return Levels.of(l.circuit()).depth();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed(int: 4, frac: 3)", "fixed(int: 3, frac: 5)", "fixed(int: 6, frac: 1)"})
    void meansOverLongAndOddLines(String precision) {
        Lowered l = TensorIrToCircuitTest.assertExact(program(precision, "input X: [2, 40]; input Y: [5, 3];"
                + " output A = mean(X, axis: 1); output B = mean(transpose(X), axis: 0); output C = mean(Y, axis: 0);"
                + " output D = mean(Y, axis: 1); output E = mean(X[:, 0:1], axis: 1);"));
        System.out.println("means over 40, 5, 3, 1 terms of " + precision + ": " + l.circuit().gateCount() + " gates, "
                + l.circuit().wireCount() + " wires, depth " + depth(l));
    }

    /**
     * Upsamples summed separably (an exact column pass, then the row pass divided once) give the reference's
     * codes: over inputs, computed values, and an upsample of an upsample whose copied taps keep a stencil whole.
     */
    @Test
    void separableUpsamplesAreExact() {
        String p = "fixed(int: 4, frac: 3)";
        TensorIrToCircuitTest.assertExact(program(p, "input X: [3, 2, 2]; output U = upsample(X, to: [8, 7], mode: bilinear);"
                + " output V = upsample(relu(X) * 0.75, to: [11, 6], mode: bilinear);"));
        TensorIrToCircuitTest.assertExact(program(p, "input X: [2, 2]; input Z: [1, 1]; let U = upsample(X, to: [3, 3], mode: bilinear);"
                + " output Y = upsample(U, to: [7, 8], mode: bilinear); output W = upsample(upsample(Z, to: [3, 3], mode: bilinear), to: [5, 5], mode: bilinear);"));
    }

    @Test
    void meansOfBitsAndOfPowersOfTwo() {
        TensorIrToCircuitTest.assertExact(program("fixed(int: 4, frac: 3)", "input A: [3, 7] bit; input X: [8, 2];"
                + " output M = mean(A, axis: 1); output N = mean(X, axis: 0);"));
    }

    /**
     * Lines of one mean with different forms: a zero line, zero words beside input words, bits beside words.
     * Each line takes its own form's division route; with one route per node (the first line's) a zero first
     * line made every line a STEP over all breakpoints (5 times the wires), and a first line of three words
     * chose a word route that a zero line cannot take (the lowering threw).
     */
    @Test
    void meansWhoseLinesDiffer() {
        String p = "fixed(int: 4, frac: 3)";
        Lowered zeroFirst = TensorIrToCircuitTest.assertExact(program(p, "input X: [1, 4]; output Y = mean(concat(zeros([1, 4]), X, axis: 0), axis: 1);"));
        Lowered zeroLast = TensorIrToCircuitTest.assertExact(program(p, "input X: [1, 4]; output Y = mean(concat(X, zeros([1, 4]), axis: 0), axis: 1);"));
        assertEquals(zeroLast.circuit().wireCount(), zeroFirst.circuit().wireCount(), "the order of the lines changes nothing");
        TensorIrToCircuitTest.assertExact(program(p, "input X: [3, 4]; output Y = mean(concat(X, zeros([3, 4]), axis: 1), axis: 0);"));
        TensorIrToCircuitTest.assertExact(program(p, "input X: [1, 4]; input B: [1, 4] bit; output Y = mean(concat(B, X, axis: 0), axis: 1);"));
    }

    /** Stencils of one weighting over input words and over a zero border: each its own route (one per weighting threw here). */
    @Test
    void resamplingBesideAZeroBorder() {
        for (String precision : new String[] {"fixed(int: 4, frac: 3)", "fixed(int: 2, frac: 6)"}) {
            TensorIrToCircuitTest.assertExact(program(precision, "input X: [2, 2]; input Y: [3, 3];"
                    + " output U = upsample(concat(X, zeros([2, 2]), axis: 1), to: [6, 4], mode: bilinear);"
                    + " output V = upsample(concat(zeros([2, 2]), X, axis: 1), to: [6, 9], mode: bilinear);"
                    + " output W = downsample(concat(Y, zeros([3, 3]), axis: 1), to: [2, 4], mode: bilinear);"));
        }
    }

    @Test
    void meanDepthIsTheSameForTenAndFortyTerms() {
        String p = "fixed(int: 4, frac: 3)";
        int d10 = depth(TensorIrToCircuit.lower(program(p, "input X: [1, 10]; output A = mean(X, axis: 1);")));
        int d40 = depth(TensorIrToCircuit.lower(program(p, "input X: [1, 40]; output A = mean(X, axis: 1);")));
        assertEquals(d10, d40);
        assertTrue(d10 <= 4 * tc0.compiler.gadgets.WeightedSum.DEFAULT_ROUNDS + 4, "depth " + d10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nearest", "bilinear"})
    void upsampleAndDownsampleOfMatrices(String mode) {
        for (String precision : new String[] {"fixed(int: 4, frac: 3)", "fixed(int: 3, frac: 4)"}) {
            Lowered l = TensorIrToCircuitTest.assertExact(program(precision, "input X: [3, 4]; input Y: [6, 5];"
                    + " output U = upsample(X, to: [5, 7], mode: " + mode + "); output V = upsample(X, to: [6, 8], mode: " + mode + ");"
                    + " output D = downsample(Y, to: [4, 3], mode: " + mode + "); output E = downsample(Y, to: [3, 5], mode: " + mode + ");"));
            System.out.println(mode + " resampling of matrices, " + precision + ": " + l.circuit().gateCount() + " gates, depth " + depth(l));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nearest", "bilinear"})
    void upsampleAndDownsampleWithChannels(String mode) {
        TensorIrToCircuitTest.assertExact(program("fixed(int: 4, frac: 3)", "input X: [3, 3, 2]; input Y: [5, 5, 2];"
                + " output U = upsample(X, to: [5, 4], mode: " + mode + "); output D = downsample(Y, to: [2, 3], mode: " + mode + ");"
                + " output S = upsample(X[0:1, 0:1, :], to: [3, 3], mode: " + mode + ");"));
    }

    @Test
    void nearestResamplingAndSingleTapsAreWiring() {
        Lowered l = TensorIrToCircuitTest.assertExact(program("fixed(int: 4, frac: 3)", "input X: [3, 4, 2]; input R: [1, 1, 2];"
                + " output U = upsample(X, to: [7, 9], mode: nearest); output D = downsample(X, to: [2, 2], mode: nearest);"
                + " output B = upsample(R, to: [4, 4], mode: bilinear);"));
        assertEquals(0, l.circuit().gateCount());
    }

    /**
     * The route may change with the stencil (a copy, STEP at depth 2 for small ones), but never past the separable
     * column pass (2k + 2) and SPLIT (2k + 3): 4k + 5.
     */
    @Test
    void bilinearDepthIsBoundedAtEveryScale() {
        String p = "fixed(int: 4, frac: 3)";
        for (int[] s : new int[][] {{3, 5}, {7, 13}, {5, 16}}) {
            int d = depth(TensorIrToCircuit.lower(program(p, "input X: [" + s[0] + ", " + s[0] + "]; output U = upsample(X, to: ["
                    + s[1] + ", " + s[1] + "], mode: bilinear);")));
            assertTrue(d >= 1 && d <= 4 * tc0.compiler.gadgets.WeightedSum.DEFAULT_ROUNDS + 5, s[0] + " -> " + s[1] + ": depth " + d);
        }
    }

    /** VAR's resamplings at n = 4 in its format (words of 16 bits: SPLIT's comparators and quotients at that width). */
    @Test
    void varsResamplingsInItsFormat() {
        TensorIrToCircuitTest.assertExact(program("fixed(int: 8, frac: 8)", "input A: [2, 2, 2]; input B: [3, 3, 2]; input C: [4, 4, 2];"
                + " output U = upsample(A, to: [4, 4], mode: bilinear); output V = upsample(B, to: [4, 4], mode: bilinear);"
                + " output D = downsample(C, to: [2, 2], mode: bilinear); output E = downsample(C, to: [3, 3], mode: bilinear);"));
    }

    /** Resamplings of sums of resamplings (words made by gates, constant bits folded), as VAR accumulates its map. */
    @Test
    void chainedResamplingsInVarsFormat() {
        TensorIrToCircuitTest.assertExact(program("fixed(int: 8, frac: 8)", "input A: [1, 1, 2]; input B: [2, 2, 2];"
                + " let F = upsample(A, to: [4, 4], mode: bilinear) + upsample(B, to: [4, 4], mode: bilinear);"
                + " output D = downsample(F, to: [3, 3], mode: bilinear); output E = downsample(F, to: [2, 2], mode: bilinear);"));
    }
}
