package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.UnaryFunction;

/** Every closed-form cost equals what the CountingNet counts (and so what the builder makes, hashing off). */
class ClosedCostTest {

    @Test
    void wordSumsOverAGridOfSizes() {
        for (int k = 0; k <= 3; k++) {
            for (int w = 2; w <= 12; w += (w < 6 ? 1 : 3)) {
                for (int m = 1; m <= 40; m += (w > 6 ? 3 : 1)) check(m, w, k);
                if (k > 0 && w <= 8) for (int m : new int[] {100, 257}) check(m, w, k);
            }
        }
    }

    @Test
    @Tag("heavy")
    void wordSumsOverTheFullGrid() {
        for (int k = 0; k <= 3; k++) {
            for (int w = 2; w <= 12; w++) {
                for (int m = 1; m <= 40; m++) check(m, w, k);
                for (int m : new int[] {100, 257, 1000}) check(m, w, k);
            }
        }
    }

    /** The closed forms at the largest parameters take microseconds to milliseconds: prints the times. */
    @Test
    @Tag("heavy")
    void closedFormsAreFastAtTheLargestSizes() {
        FixedFormat q44 = FixedFormat.of(4, 4), q84 = FixedFormat.of(8, 4), q1212 = FixedFormat.of(12, 12), out = FixedFormat.of(16, 12);
        for (int rep = 0; rep < 3; rep++) {
            time("word sum, m = 4096, w = 8, k = 2", () -> WeightedSum.closedCostOfWordSum(4096, 8, 2));
            time("word sum, m = 4096, w = 24, k = 3", () -> WeightedSum.closedCostOfWordSum(4096, 24, 3));
            time("dot, d = 4096, fixed(4,4)", () -> Multiply.closedCostDot(4096, q44, q44, q84, 2));
            time("dot, d = 4096, fixed(12,12)", () -> Multiply.closedCostDot(4096, q1212, q1212, out, 2));
            time("matmul row 1 x 4096 times 4096 x 4096, fixed(4,4)", () -> MatMul.closedCostVariable(1, 4096, 4096, q44, q44, q84, 2));
            time("matmul 4096 x 4096 times 4096 x 4096, fixed(4,4)", () -> MatMul.closedCostVariable(4096, 4096, 4096, q44, q44, q84, 2));
            time("max of 4096 words of 16 bits", () -> MaxArgmax.closedCostMax(4096, 16));
            time("aggregate 4096 neighbours, fixed(4,4)", () -> Aggregate.closedCost(4096, q44, q84, 2));
            time("rope d = 128 at position 4095", () -> Rope.closedCost(128, 4095, 10000, q44, FixedFormat.of(2, 8), q44, 2));
            time("constant 64 x 64 matrix, fixed(4,4)", () -> {
                long[][] w = new long[64][64];
                var rnd = new SplittableRandom(1);
                for (long[] row : w) for (int j = 0; j < 64; j++) row[j] = rnd.nextLong(-128, 128);
                return MatMul.closedCostConstant(w, q44, q44, q84, 2);
            });
        }
    }

    private static void time(String what, java.util.function.Supplier<Cost> f) {
        long t = System.nanoTime();
        Cost c = f.get();
        System.out.printf("closed cost %-55s %9.1f us  %s%n", what, (System.nanoTime() - t) / 1e3, c);
    }

    private static void check(int m, int w, int k) {
        assertEquals(WeightedSum.costOfWordSum(m, w, k), WeightedSum.closedCostOfWordSum(m, w, k), "m " + m + " w " + w + " k " + k);
    }

    @Test
    void formsWithArbitraryWeightsShiftsAndSaturation() {
        var rnd = new SplittableRandom(17);
        for (int trial = 0; trial < 3000; trial++) {
            int n = rnd.nextInt(0, trial % 10 == 0 ? 120 : 14);
            long[] w = new long[n];
            int mag = rnd.nextInt(1, 14);
            for (int i = 0; i < n; i++) {
                w[i] = switch (trial % 3) {
                    case 0 -> rnd.nextLong(-(1L << mag), 1L << mag);
                    case 1 -> (rnd.nextBoolean() ? 1 : -1) * (1L << rnd.nextInt(0, mag));
                    default -> rnd.nextInt(-3, 4);
                };
            }
            long c = rnd.nextLong(-(1L << mag), 1L << mag);
            int shift = rnd.nextInt(0, 6), width = rnd.nextInt(1, 14), k = rnd.nextInt(0, 4);
            boolean sat = rnd.nextBoolean();
            assertEquals(WeightedSum.cost(w, c, shift, width, sat, k), WeightedSum.closedCost(w, c, shift, width, sat, k),
                    () -> java.util.Arrays.toString(w) + " c " + c + " shift " + shift + " width " + width + " sat " + sat + " k " + k);
        }
    }

    @Test
    void comparisonSelectionMaxArgmax() {
        for (int w = 1; w <= 12; w++) {
            for (int v = 1; v <= 6; v++) {
                assertEquals(Compare.costGeq(w, v), Compare.closedCostGeq(w, v));
                assertEquals(Compare.costEq(w, v), Compare.closedCostEq(w, v));
            }
            assertEquals(Select.costMux(w), Select.closedCostMux(w));
            for (int m = 1; m <= 40; m += (m < 12 ? 1 : 9)) {
                assertEquals(Select.costOneHot(m, w), Select.closedCostOneHot(m, w), "oneHot m " + m + " w " + w);
                assertEquals(MaxArgmax.costMax(m, w), MaxArgmax.closedCostMax(m, w), "max m " + m + " w " + w);
                assertEquals(MaxArgmax.costArgmaxOneHot(m, w), MaxArgmax.closedCostArgmaxOneHot(m, w), "argmax m " + m + " w " + w);
                assertEquals(MaxArgmax.costArgmaxIndex(m, w), MaxArgmax.closedCostArgmaxIndex(m, w), "argmaxIndex m " + m + " w " + w);
            }
        }
        for (int m : new int[] {100, 257}) {
            assertEquals(MaxArgmax.costMax(m, 8), MaxArgmax.closedCostMax(m, 8));
            assertEquals(MaxArgmax.costArgmaxIndex(m, 8), MaxArgmax.closedCostArgmaxIndex(m, 8));
        }
    }

    private static final FixedFormat[] FORMATS = {FixedFormat.of(1, 1), FixedFormat.of(2, 0), FixedFormat.of(3, 2), FixedFormat.of(4, 4), FixedFormat.of(2, 6), FixedFormat.of(6, 6)};

    @Test
    void productsDotsMatricesAndAggregation() {
        FixedFormat[] outs = {FixedFormat.of(4, 2), FixedFormat.of(8, 4), FixedFormat.of(3, 9), FixedFormat.of(10, 8)};
        for (FixedFormat fx : FORMATS) {
            for (FixedFormat fy : FORMATS) {
                for (FixedFormat out : outs) {
                    for (int k = 0; k <= 3; k++) {
                        assertEquals(Multiply.costFixed(fx, fy, out, k), Multiply.closedCostFixed(fx, fy, out, k), fx + " " + fy + " " + out + " " + k);
                        for (int d : new int[] {2, 3, 7, 16}) {
                            if (fx.width() * fy.width() * d > 400) continue;
                            assertEquals(Multiply.costDot(d, fx, fy, out, k), Multiply.closedCostDot(d, fx, fy, out, k), "d " + d + " " + fx + " " + fy + " " + out + " " + k);
                        }
                    }
                }
            }
        }
        FixedFormat q44 = FixedFormat.of(4, 4), q84 = FixedFormat.of(8, 4);
        for (int d : new int[] {1, 5, 16, 100, 257}) assertEquals(Multiply.costDot(d, q44, q44, q84, 2), Multiply.closedCostDot(d, q44, q44, q84, 2), "d " + d);
        for (int n = 1; n <= 4; n++) for (int d = 1; d <= 8; d += 3) for (int p = 1; p <= 3; p++)
            assertEquals(MatMul.costVariable(n, d, p, FixedFormat.of(2, 2), FixedFormat.of(3, 1), FixedFormat.of(5, 2), 2), MatMul.closedCostVariable(n, d, p, FixedFormat.of(2, 2), FixedFormat.of(3, 1), FixedFormat.of(5, 2), 2));
        for (FixedFormat fx : FORMATS) {
            for (FixedFormat out : outs) {
                for (int m : new int[] {1, 2, 3, 9, 40, 257}) {
                    for (int k = 0; k <= 3; k++) {
                        if (k == 0 && m > 40) continue;
                        assertEquals(Aggregate.cost(m, fx, out, k), Aggregate.closedCost(m, fx, out, k), "m " + m + " " + fx + " " + out + " k " + k);
                    }
                }
            }
        }
    }

    @Test
    void constantMatricesAndRopeFromTheirConstants() {
        var rnd = new SplittableRandom(23);
        for (int trial = 0; trial < 60; trial++) {
            int n = rnd.nextInt(1, 17), d = rnd.nextInt(1, 17);
            FixedFormat fw = FixedFormat.of(rnd.nextInt(1, 4), rnd.nextInt(0, 5)), fx = FORMATS[rnd.nextInt(FORMATS.length)];
            FixedFormat out = FixedFormat.of(rnd.nextInt(2, 9), rnd.nextInt(0, 9));
            long[][] w = new long[n][d];
            for (long[] row : w) for (int j = 0; j < d; j++) row[j] = trial % 4 == 0 ? 0 : rnd.nextLong(fw.minCode(), fw.maxCode() + 1);
            int k = rnd.nextInt(0, 4);
            assertEquals(MatMul.costConstant(w, fw, fx, out, k), MatMul.closedCostConstant(w, fw, fx, out, k), "trial " + trial);
        }
        FixedFormat fc = FixedFormat.of(2, 8), out = FixedFormat.of(4, 4);
        for (FixedFormat fx : FORMATS) for (int pos : new int[] {0, 1, 5, 77, 1000}) for (int k = 0; k <= 2; k++)
            assertEquals(Rope.cost(16, pos, 10000, fx, fc, out, k), Rope.closedCost(16, pos, 10000, fx, fc, out, k), "pos " + pos + " " + fx + " k " + k);
    }

    @Test
    void lookupsFromTheirTables() {
        FixedFormat[] ins = {FixedFormat.of(1, 0), FixedFormat.of(2, 1), FixedFormat.of(3, 3), FixedFormat.of(4, 6)};
        for (UnaryFunction f : UnaryFunction.values()) for (FixedFormat in : ins) for (FixedFormat out : new FixedFormat[] {FixedFormat.of(2, 2), FixedFormat.of(4, 8)})
            assertEquals(Lookup.cost(f, in, out), Lookup.closedCost(f, in, out), f + " " + in + " " + out);
    }
}
