package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link CrtBasis#coefficientWords} (c_i's low bits by exact division of M's low words, no division instruction)
 * against {@code coefficient(i) mod 2^width} in BigInteger, and {@link CrtBasis#coefficientLowestSetBit} against
 * c_i's: the bases {@link CrtBasis#covering} gives (edges 1 .. 129 bits and 1,000, 3,000, random ones to 4,000) and
 * random sets of odd primes to 2^22 (3 among them or not, one prime alone), widths of one word, at word edges,
 * random, and past M.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrtCoefficientWordsTest {
    @Test
    void coveringBasesGiveTheCoefficientsLowWords() {
        Random r = new Random(3);
        int[] edges = {1, 2, 3, 31, 62, 63, 64, 65, 127, 128, 129, 1000, 3000};
        for (int e = 0; e < edges.length + 12; e++) check(CrtBasis.covering(e < edges.length ? edges[e] : 1 + r.nextInt(4000)), r);
    }

    @Test
    void randomBasesGiveTheCoefficientsLowWords() {
        Random r = new Random(4);
        for (int trial = 0; trial < 60; trial++) {
            TreeSet<Integer> ps = new TreeSet<>();
            if (r.nextBoolean()) ps.add(3);
            for (int n = trial % 10 == 0 ? 1 : 1 + r.nextInt(60); ps.size() < n; ) {
                int q = BigInteger.valueOf(3 + r.nextInt(trial % 3 == 0 ? 1 << 22 : 5000)).nextProbablePrime().intValueExact();
                ps.add(q);
            }
            check(CrtBasis.of(ps.stream().mapToInt(Integer::intValue).toArray()), r);
        }
    }

    @Test
    void theInverseModuloTwoToThe64IsOne() {
        Random r = new Random(5);
        for (int trial = 0; trial < 100_000; trial++) {
            long q = r.nextLong() | 1;
            assertEquals(1L, q * CrtBasis.inverse64(q), "q " + q);
        }
    }

    /**
     * The exact division on its own, {@code (q X) / q * h mod 2^width} against {@code X h}: random X with words of
     * zeros and of ones, and {@code X = ceil(2^(64 j) / q)}, whose multiple {@code 2^(64 j) + r} has zero words that a
     * quotient word's high product must borrow across (M's words almost never do: a word below the borrow is one in
     * 2^40 or so).
     */
    @Test
    void theExactDivisionBorrowsAcrossLowWords() {
        Random r = new Random(6);
        for (int trial = 0; trial < 20_000; trial++) {
            long q = trial % 4 == 0 ? 3 + 2L * r.nextInt(20) : (r.nextLong() >>> (1 + r.nextInt(62))) | 1, h = r.nextLong() >>> r.nextInt(64);
            BigInteger bq = BigInteger.valueOf(q), x;
            if (trial % 2 == 0) x = BigInteger.ONE.shiftLeft(64 * (1 + r.nextInt(5))).add(bq).subtract(BigInteger.ONE).divide(bq).add(BigInteger.valueOf(r.nextInt(3)));
            else {
                x = BigInteger.ZERO;
                for (int w = 0, n = 1 + r.nextInt(6); w < n; w++) {
                    int kind = r.nextInt(3);
                    x = x.shiftLeft(64).add(kind == 0 ? BigInteger.ZERO : kind == 1 ? BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE) : new BigInteger(64, r));
                }
            }
            int width = 1 + r.nextInt(64 * 7);
            BigInteger mod = BigInteger.ONE.shiftLeft(width);
            long[] a = WideColumns.words(x.multiply(bq).mod(BigInteger.ONE.shiftLeft(64 * ((width + 63) / 64))), 64 * ((width + 63) / 64));
            assertArrayEquals(WideColumns.words(x.multiply(new BigInteger(Long.toUnsignedString(h))).mod(mod), width), CrtBasis.quotientTimes(a, q, h, width), "q " + q + ", h " + h + ", x " + x + ", width " + width);
        }
    }

    private static void check(CrtBasis basis, Random r) {
        int mBits = basis.modulus().bitLength();
        int[] widths = {1, 63, 64, 65, 128, Math.max(1, mBits - 1), mBits, mBits + 70, 1 + r.nextInt(mBits + 200)};
        for (int i = 0; i < basis.size(); i++) {
            BigInteger c = basis.coefficient(i);
            assertEquals(c.getLowestSetBit(), basis.coefficientLowestSetBit(i), "prime " + basis.prime(i));
            for (int width : widths) {
                long[] expected = WideColumns.words(c.mod(BigInteger.ONE.shiftLeft(width)), width);
                assertArrayEquals(expected, basis.coefficientWords(i, width), "prime " + basis.prime(i) + " of " + basis.size() + ", width " + width);
            }
        }
    }
}
