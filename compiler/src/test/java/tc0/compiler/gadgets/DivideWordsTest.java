package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.testing.DirectEval;
import tc0.compiler.testing.GadgetAsserts;

/**
 * {@link DivideWords#buildWords}: SPLIT over a form of words times coefficients whose weights and divisor pass
 * a long (resampling at n = 2^20: two 55-bit column-pass words times weights below 2^21, divided by 2^68). Built,
 * evaluated against the definition {@code saturate(floor((2 V 2^a + d) / 2d))} in BigInteger arithmetic on edges
 * and random codes, its closed cost ({@link DivideWords#wordsCost}) equal to the built circuit's; within a
 * long, the same circuit as {@code build(..., SPLIT)}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DivideWordsTest {

    /** {@code V = sum coefs_k x_k} over signed words; {@code y = saturate(round(V 2^a / d))} in {@code out}. */
    record Case(int[] widths, long[] coefs, int a, BigInteger d, FixedFormat out) {
        long expected(long[] codes) {
            BigInteger v = BigInteger.ZERO;
            for (int k = 0; k < codes.length; k++) v = v.add(BigInteger.valueOf(coefs[k]).multiply(BigInteger.valueOf(codes[k])));
            BigInteger num = v.shiftLeft(a + 1).add(d), den = d.shiftLeft(1);
            BigInteger[] qr = num.divideAndRemainder(den);
            BigInteger y = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
            BigInteger lo = BigInteger.ONE.shiftLeft(out.width() - 1).negate(), hi = BigInteger.ONE.shiftLeft(out.width() - 1).subtract(BigInteger.ONE);
            return y.max(lo).min(hi).longValueExact();
        }

        /** Bits of the largest {@code |V|}. */
        int numeratorBits() {
            BigInteger m = BigInteger.ZERO;
            for (int k = 0; k < widths.length; k++) m = m.add(BigInteger.valueOf(Math.abs(coefs[k])).shiftLeft(widths[k] - 1));
            return m.bitLength();
        }

        @Override public String toString() {
            return java.util.Arrays.toString(widths) + " x " + java.util.Arrays.toString(coefs) + ", 2^" + a + " / " + d + " -> " + out;
        }
    }

    private static BigInteger pow2(int k) { return BigInteger.ONE.shiftLeft(k); }

    /** Builds {@link DivideWords#buildWords}, checks {@code wordsCost} against the circuit, evaluates it on {@code inputs}. */
    private static void check(Case c, List<long[]> inputs) {
        Cost closed = DivideWords.wordsCost(c.widths(), c.coefs(), c.a(), c.d(), c.out(), 2);
        Circuit circ = GadgetAsserts.assertCost(closed, b -> {
            int[][] words = new int[c.widths().length][];
            for (int k = 0; k < words.length; k++) words[k] = b.inputBus("x" + k, c.widths()[k]);
            b.outputBus("y", DivideWords.buildWords(Net.of(b), words, c.coefs(), c.a(), c.d(), c.out(), 2));
        });
        DirectEval ev = new DirectEval(circ);
        for (long[] codes : inputs) {
            assertEquals(c.expected(codes), ev.run(codes).signed("y"), () -> c + " at " + java.util.Arrays.toString(codes));
        }
    }

    /**
     * {@code fitsLong}'s long path against its definition in exact integers (the divisor and {@code sum |c_t| 2^width_t} below
     * 2^62): random coefficients and widths around the bound, long's extremes, zero and negative coefficients, many terms.
     */
    @Test
    void fitsLongIsItsDefinition() {
        java.util.Random rnd = new java.util.Random(62);
        long[] extremes = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 1L << 61, -(1L << 61), (1L << 61) - 1};
        int yes = 0, no = 0;
        for (int i = 0; i < 100_000; i++) {
            int n = 1 + rnd.nextInt(i % 10 == 0 ? 40 : 4);
            int[] widths = new int[n];
            long[] coeffs = new long[n];
            for (int t = 0; t < n; t++) {
                widths[t] = rnd.nextInt(i % 3 == 0 ? 64 : 30);
                int bits = rnd.nextInt(64);
                coeffs[t] = rnd.nextInt(8) == 0 ? extremes[rnd.nextInt(extremes.length)] : (rnd.nextLong() >> bits);
            }
            BigInteger d = BigInteger.ONE.shiftLeft(rnd.nextInt(66)).add(BigInteger.valueOf(rnd.nextInt(3)));
            BigInteger total = BigInteger.ZERO;
            for (int t = 0; t < n; t++) total = total.add(BigInteger.valueOf(coeffs[t]).abs().shiftLeft(widths[t]));
            boolean want = d.bitLength() <= 62 && total.bitLength() <= 62;
            assertEquals(want, DivideWords.fitsLong(widths, coeffs, d), java.util.Arrays.toString(coeffs) + " x 2^" + java.util.Arrays.toString(widths) + " by " + d);
            if (want) yes++;
            else no++;
        }
        assertTrue(yes > 10_000 && no > 10_000, yes + " fit, " + no + " do not");
        // At the bound: a total of 2^62 - 1 fits, 2^62 does not (by two terms, and by one term of 62 bits)
        BigInteger one = BigInteger.ONE;
        assertTrue(DivideWords.fitsLong(new int[] {0, 0}, new long[] {1L << 61, (1L << 61) - 1}, one));
        assertFalse(DivideWords.fitsLong(new int[] {0, 0}, new long[] {1L << 61, -(1L << 61)}, one));
        assertFalse(DivideWords.fitsLong(new int[] {1, 3}, new long[] {1L << 60, 1L << 58}, one));
        assertTrue(DivideWords.fitsLong(new int[] {61}, new long[] {1}, one));
        assertFalse(DivideWords.fitsLong(new int[] {62}, new long[] {1}, one));
    }

    @Test
    void resamplingAtAMillionNumeratorsPastALongByDivisorsPastALong() {
        Case[] cases = {
            // flowar's row pass at n = 2^20: (2^21 - f) y0 + f y1 over 55-bit column passes, by 2^42 2^26 into fixed(8, 26)
            new Case(new int[] {55, 55}, new long[] {(1L << 21) - 5, 5}, 26, pow2(68), FixedFormat.of(8, 26)),
            new Case(new int[] {55, 55}, new long[] {1L << 20, 1L << 20}, 26, pow2(68), FixedFormat.of(8, 26)),
            // an odd factor beside the power of two (a map of 3 to n = 3 2^19), a divisor with no power of two
            new Case(new int[] {54, 54}, new long[] {3 * (1L << 19) - 7, 7}, 25, BigInteger.valueOf(9).shiftLeft(64), FixedFormat.of(8, 25)),
            new Case(new int[] {50, 48}, new long[] {-12345, 987654321}, 30, pow2(40).add(BigInteger.ONE).shiftLeft(30), FixedFormat.of(40, 0)),
            // three words, one negative weight
            new Case(new int[] {60, 40, 30}, new long[] {1L << 10, -(1L << 30), 77}, 20, pow2(66).multiply(BigInteger.valueOf(5)), FixedFormat.of(16, 20)),
        };
        for (Case c : cases) {
            assertTrue(c.numeratorBits() > 63 || c.d().bitLength() > 63, c + ": fits a long");
            assertFalse(DivideWords.fitsLong(c.widths(), c.coefs(), c.d()), c.toString());
            check(c, DivideByConstantSplitTest.patterns(c.widths(), 300, c.numeratorBits()));
        }
    }

    @Test
    void withinALongTheSameCircuitAsSplitOverTheLinearForm() {
        // every input of two small words: buildWords's gates and outputs are build(SPLIT)'s
        for (long[] co : new long[][] {{1, 5}, {3, -2}, {-7, 6}}) {
            for (long d = 1; d <= 40; d += 7) {
                Case c = new Case(new int[] {5, 4}, co, 2, BigInteger.valueOf(d), FixedFormat.of(4, 1));
                assertTrue(DivideWords.fitsLong(c.widths(), c.coefs(), c.d()));
                List<long[]> all = new ArrayList<>();
                for (long x = -16; x < 16; x++) for (long y = -8; y < 8; y++) all.add(new long[] {x, y});
                check(c, all);
                CountingNet n = new CountingNet();
                int[][] words = {n.input(5), n.input(4)};
                LinearForm f = new LinearForm().addWord(words[0], co[0]).addWord(words[1], co[1]);
                DivideByConstant.build(n, f, 2, d, c.out(), 2, DivideByConstant.Route.SPLIT);
                assertEquals(n.cost(), DivideWords.wordsCost(c.widths(), co, 2, c.d(), c.out(), 2), c.toString());
            }
        }
    }

    @Test
    void constantBitsFoldAsInALinearForm() {
        // a word whose top bits are constants (a zero-extended code): folded into the constant, as LinearForm folds them
        Case c = new Case(new int[] {6, 6}, new long[] {1L << 40, 3}, 30, pow2(62).multiply(BigInteger.valueOf(3)), FixedFormat.of(6, 4));
        Circuit circ = GadgetAsserts.build(b -> {
            int[] x = b.inputBus("x", 3), z = b.inputBus("z", 6);
            int[] ext = {x[0], x[1], x[2], tc0.circuits.Literal.FALSE, tc0.circuits.Literal.FALSE, tc0.circuits.Literal.FALSE};
            b.outputBus("y", DivideWords.buildWords(Net.of(b), new int[][] {ext, z}, c.coefs(), c.a(), c.d(), c.out(), 2));
        });
        DirectEval ev = new DirectEval(circ);
        for (long x = 0; x < 8; x++) {
            for (long z = -32; z < 32; z++) assertEquals(c.expected(new long[] {x, z}), ev.run(x, z).signed("y"), "x=" + x + " z=" + z);
        }
    }

    @Test
    void refusedWhereEvenSplitsNumbersPassALong() {
        // a 2^80 numerator by 3: the quotients themselves have 78 bits; by 2^70 + 1: the remainders have 70
        Case[] cases = {
            new Case(new int[] {60}, new long[] {1L << 20}, 0, BigInteger.valueOf(3), FixedFormat.of(40, 0)),
            new Case(new int[] {60, 60}, new long[] {1L << 20, 1}, 3, pow2(70).add(BigInteger.ONE), FixedFormat.of(12, 3)),
        };
        for (Case c : cases) {
            assertNull(DivideWords.wordsCost(c.widths(), c.coefs(), c.a(), c.d(), c.out(), 2), c.toString());
            CountingNet n = new CountingNet();
            int[][] words = new int[c.widths().length][];
            for (int k = 0; k < words.length; k++) words[k] = n.input(c.widths()[k]);
            assertThrows(IllegalArgumentException.class, () -> DivideWords.buildWords(n, words, c.coefs(), c.a(), c.d(), c.out(), 2), c.toString());
        }
    }
}
