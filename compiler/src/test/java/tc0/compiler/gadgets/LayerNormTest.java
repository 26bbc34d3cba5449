package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.UnaryFunction;
import tc0.compiler.testing.DirectEval;
import tc0.compiler.testing.GadgetAsserts;

class LayerNormTest {

    private static Circuit buildChecked(int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr, FixedFormat out, int k) {
        return GadgetAsserts.assertCost(LayerNorm.cost(m, fx, eps, feps, fr, out, k), b -> {
            int[][] xs = new int[m][];
            for (int i = 0; i < m; i++) xs[i] = b.inputBus("x" + i, fx.width());
            int[][] y = LayerNorm.build(Net.of(b), xs, fx, eps, feps, fr, out, k);
            for (int i = 0; i < m; i++) b.outputBus("y" + i, y[i]);
        });
    }

    private static void exhaustive(int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr, FixedFormat out, int k) {
        Circuit c = buildChecked(m, fx, eps, feps, fr, out, k);
        DirectEval ev = new DirectEval(c);
        GadgetAsserts.forAllWords(m, fx.width(), xs -> {
            ev.run(xs);
            long[] got = new long[m];
            for (int i = 0; i < m; i++) got[i] = ev.signed("y" + i);
            assertArrayEquals(Fixed.layerNorm(xs, fx, eps, feps, fr, out), got,
                    () -> java.util.Arrays.toString(xs) + " m " + m + " " + fx + " eps " + eps + " " + fr + " " + out + " k " + k);
        });
    }

    @Test
    void matchesTheNumericsOnEveryRowAtSmallWidths() {
        FixedFormat feps = FixedFormat.of(1, 4);
        exhaustive(2, FixedFormat.of(2, 2), 1, feps, FixedFormat.of(3, 3), FixedFormat.of(3, 3), 2);
        exhaustive(3, FixedFormat.of(2, 1), 1, feps, FixedFormat.of(3, 4), FixedFormat.of(3, 3), 1);
        exhaustive(3, FixedFormat.of(2, 2), 0, feps, FixedFormat.of(4, 3), FixedFormat.of(3, 4), 2);
        exhaustive(4, FixedFormat.of(2, 1), 2, feps, FixedFormat.of(3, 3), FixedFormat.of(3, 2), 0);
        exhaustive(5, FixedFormat.of(1, 2), 1, feps, FixedFormat.of(3, 2), FixedFormat.of(3, 3), 2);
        exhaustive(1, FixedFormat.of(3, 2), 1, feps, FixedFormat.of(3, 2), FixedFormat.of(3, 3), 2);
        exhaustive(2, FixedFormat.of(3, 2), 3, feps, FixedFormat.of(2, 2), FixedFormat.of(2, 1), 3);
    }

    @Test
    void randomRowsOfSixteenMatchTheNumerics() {
        FixedFormat fx = FixedFormat.of(3, 3), feps = FixedFormat.of(1, 6), fr = FixedFormat.of(4, 6), out = FixedFormat.of(4, 5);
        int m = 16;
        Circuit c = buildChecked(m, fx, 1, feps, fr, out, 2);
        DirectEval ev = new DirectEval(c);
        var rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            long[] xs = new long[m];
            for (int i = 0; i < m; i++) xs[i] = trial % 5 == 0 ? rnd.nextLong(-2, 2) : rnd.nextLong(fx.minCode(), fx.maxCode() + 1);
            ev.run(xs);
            long[] got = new long[m];
            for (int i = 0; i < m; i++) got[i] = ev.signed("y" + i);
            assertArrayEquals(Fixed.layerNorm(xs, fx, 1, feps, fr, out), got, java.util.Arrays.toString(xs));
        }
    }

    @Test
    void depthDoesNotGrowWithTheRowLength() {
        FixedFormat fx = FixedFormat.of(4, 4), feps = FixedFormat.of(1, 8), fr = FixedFormat.of(6, 8), out = FixedFormat.of(4, 8);
        for (int k = 0; k <= 2; k++) {
            for (int m : new int[] {2, 4, 8, 16}) {
                assertEquals(4 * k + 8, LayerNorm.cost(m, fx, 1, feps, fr, out, k).depth(), "m = " + m + ", k = " + k);
            }
        }
    }

    @Test
    void statedCostIsWhatIsBuiltAtRowLengthsTwoToSixteen() {
        FixedFormat fx = FixedFormat.of(3, 3), feps = FixedFormat.of(1, 6), fr = FixedFormat.of(4, 5), out = FixedFormat.of(4, 4);
        for (int m : new int[] {2, 3, 4, 8, 16}) buildChecked(m, fx, 1, feps, fr, out, 2);
    }

    /** rho is the correctly rounded 1 / (m sqrt(v + eps)): checked against 60-digit decimals. */
    @Test
    void scaleIsCorrectlyRoundedAndEqualsRsqrtForPowerOfTwoRows() {
        FixedFormat fx = FixedFormat.of(3, 3), feps = FixedFormat.of(1, 5), fr = FixedFormat.of(5, 6);
        MathContext mc = new MathContext(60);
        for (int m : new int[] {1, 2, 3, 4, 7, 8}) {
            int frho = Fixed.layerNormScaleFracBits(m, fr);
            for (long q = 0; q <= 4000; q += (q < 300 ? 1 : 37)) {
                long rho = Fixed.layerNormScale(BigInteger.valueOf(q), m, fx, 3, feps, fr);
                // v + eps = q / (m^2 2^(2F)) + 3 / 2^5
                BigDecimal ve = new BigDecimal(q).divide(new BigDecimal((long) m * m << (2 * fx.fracBits())), mc).add(new BigDecimal(3).divide(new BigDecimal(32), mc));
                BigDecimal exact = BigDecimal.ONE.divide(ve.sqrt(mc).multiply(new BigDecimal(m)), mc).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(frho)));
                long expect = Math.min(fr.maxCode(), exact.add(new BigDecimal("0.5")).setScale(0, java.math.RoundingMode.FLOOR).longValueExact());
                assertEquals(expect, rho, "m " + m + " q " + q);
                if (Integer.bitCount(m) == 1 && q % ((long) m * m) == 0) {
                    // v is a code of fixed(., 2F): compare with the RSQRT table of v + eps
                    FixedFormat fv = FixedFormat.of(12, 2 * fx.fracBits());
                    long vCode = q / ((long) m * m) + (3L << (2 * fx.fracBits())) / 32; // eps = 3/32 is a code at 2F = 6
                    assertEquals(UnaryFunction.RSQRT.apply(vCode, fv, fr), rho);
                }
            }
        }
    }

    /** Error against float64 layer norm on random rows, within the stated bound; prints the figures. */
    @Test
    void staysCloseToFloat64LayerNorm() {
        FixedFormat fx = FixedFormat.of(4, 8), feps = FixedFormat.of(1, 12), fr = FixedFormat.of(6, 10), out = FixedFormat.of(4, 10);
        long eps = 1; // 2^-12
        var rnd = new SplittableRandom(42);
        for (int m : new int[] {8, 24, 64, 768}) {
            double maxErr = 0, sumErr = 0;
            int n = 0;
            for (int trial = 0; trial < 200; trial++) {
                long[] xs = new long[m];
                double scale = Math.pow(2, rnd.nextInt(-3, 3));
                for (int i = 0; i < m; i++) xs[i] = fx.fromDouble(rnd.nextGaussian() * scale + rnd.nextDouble(-1, 1));
                long[] y = Fixed.layerNorm(xs, fx, eps, feps, fr, out);
                double mean = 0, var = 0;
                for (long x : xs) mean += fx.toDouble(x);
                mean /= m;
                for (long x : xs) var += (fx.toDouble(x) - mean) * (fx.toDouble(x) - mean);
                var /= m;
                double r = 1 / Math.sqrt(var + feps.toDouble(eps));
                double cmax = 0;
                for (int i = 0; i < m; i++) {
                    double c = fx.toDouble(xs[i]) - mean;
                    double err = Math.abs(out.toDouble(y[i]) - c * r);
                    cmax = Math.max(cmax, Math.abs(c));
                    maxErr = Math.max(maxErr, err);
                    sumErr += err;
                    n++;
                }
                double bound = Math.scalb(1.0, -out.fracBits() - 1) + cmax * Math.scalb(1.0, -fr.fracBits() - 1) + 1e-9;
                for (int i = 0; i < m; i++) {
                    double c = fx.toDouble(xs[i]) - mean;
                    assertTrue(Math.abs(out.toDouble(y[i]) - c * r) <= bound, "m " + m + " trial " + trial);
                }
            }
            System.out.printf("layer norm vs float64, m = %d, %s -> %s (rho at %s): max |err| %.3g, mean %.3g (output ulp %.3g)%n",
                    m, fx, out, fr, maxErr, sumErr / n, Math.scalb(1.0, -out.fracBits()));
        }
    }

    @Test
    void aBitProductsWeightPastALongIsRefusedNotWrapped() {
        assertEquals(1L << 62, LayerNorm.pow2(62));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> LayerNorm.pow2(63));
        assertTrue(e.getMessage().contains("2^63"), e.getMessage());
    }
}
