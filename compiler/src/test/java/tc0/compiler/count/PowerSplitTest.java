package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.DivideWords;
import tc0.compiler.numerics.FixedFormat;

/**
 * SPLIT's numbers by shifts ({@link PowerSplit}) equal {@link DivideWords#split} over the exact weights (the
 * gadget's own {@code BigInteger} arithmetic), over random forms: power-of-two divisors from 2 to past a long
 * (the row pass at n = 2^20 divides by 2^68), negative weights (a word's top bit), constants of both signs,
 * quotients and remainder sums near 62 bits, a single remainder folded, and divisors not a power of two.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PowerSplitTest {
    @Test
    void shiftsEqualTheExactSplitOverRandomForms() {
        Random rnd = new Random(1802);
        int agreed = 0, refused = 0, folded = 0, wide = 0;
        for (int c = 0; c < 20_000; c++) {
            int size = 1 + rnd.nextInt(c % 3 == 0 ? 3 : 90);
            long[] coeff = new long[size];
            int[] bit = new int[size];
            boolean[] neg = new boolean[size];
            int coeffBits = 1 + rnd.nextInt(c % 5 == 0 ? 61 : 24), maxBit = 1 + rnd.nextInt(c % 7 == 0 ? 80 : 48);
            for (int i = 0; i < size; i++) {
                do coeff[i] = rnd.nextLong() >> (64 - coeffBits); while (coeff[i] == 0);
                bit[i] = rnd.nextInt(maxBit);
                neg[i] = rnd.nextInt(4) == 0;
            }
            BigInteger constant = rnd.nextInt(3) == 0 ? BigInteger.ZERO : new BigInteger(1 + rnd.nextInt(90), rnd).subtract(BigInteger.ONE.shiftLeft(rnd.nextInt(60)));
            int m = 1 + rnd.nextInt(c % 4 == 0 ? 90 : 64), a = rnd.nextInt(40);
            BigInteger d = BigInteger.ONE.shiftLeft(m);
            if (c % 10 == 0) d = d.add(BigInteger.valueOf(1 + rnd.nextInt(1000))); // not a power of two: the exact route
            FixedFormat out = new FixedFormat(2 + rnd.nextInt(16), Math.min(a, 2 + rnd.nextInt(30)));
            DivideWords.SplitNumbers want = PowerSplit.exact(coeff, bit, neg, size, constant, a, d, out);
            DivideWords.SplitNumbers got = PowerSplit.split(coeff, bit, neg, size, constant, a, d, out);
            String what = "case " + c;
            if (want == null) {
                assertNull(got, what);
                refused++;
                continue;
            }
            assertArrayEquals(want.quot(), got.quot(), what);
            assertArrayEquals(want.rem(), got.rem(), what);
            assertEquals(want.base(), got.base(), what);
            assertArrayEquals(want.thresholds(), got.thresholds(), what);
            agreed++;
            int withRem = 0;
            for (long r : want.rem()) if (r != 0) withRem++;
            if (withRem == 0 && d.bitCount() == 1 && m > 1) folded++;
            if (m + 1 - Math.min(a, m) > 40) wide++;
        }
        assertTrue(agreed >= 8_000, agreed + " agreed");
        assertTrue(refused >= 1_000, refused + " refused");
        assertTrue(folded >= 500, folded + " with no remainder left");
        assertTrue(wide >= 1_000, wide + " with remainders past 40 bits");
    }

    /** Edges: one literal whose remainder folds (carry or not), remainders summing to 2^62, quotients at 62 bits. */
    @Test
    void edgesEqualTheExactSplit() {
        FixedFormat out = new FixedFormat(8, 4);
        long big = (1L << 61) - 1;
        Object[][] cases = {
            {new long[] {3}, new int[] {0}, new boolean[] {false}, BigInteger.ZERO, 4, 3}, // one remainder, folded
            {new long[] {7}, new int[] {2}, new boolean[] {true}, BigInteger.valueOf(5), 4, 5},
            {new long[] {big, big, big}, new int[] {0, 0, 0}, new boolean[] {false, false, false}, BigInteger.ZERO, 0, 61}, // remainders reach 2^62
            {new long[] {big, 1}, new int[] {0, 0}, new boolean[] {false, false}, BigInteger.ZERO, 0, 61},
            {new long[] {big}, new int[] {10}, new boolean[] {true}, BigInteger.ZERO, 4, 5}, // a quotient past 62 bits
            {new long[] {1L << 60, 3}, new int[] {2, 70}, new boolean[] {false, true}, BigInteger.ONE.shiftLeft(80), 26, 68},
        };
        for (Object[] k : cases) {
            long[] coeff = (long[]) k[0];
            BigInteger d = BigInteger.ONE.shiftLeft((int) k[5]);
            DivideWords.SplitNumbers want = PowerSplit.exact(coeff, (int[]) k[1], (boolean[]) k[2], coeff.length, (BigInteger) k[3], (int) k[4], d, out);
            DivideWords.SplitNumbers got = PowerSplit.split(coeff, (int[]) k[1], (boolean[]) k[2], coeff.length, (BigInteger) k[3], (int) k[4], d, out);
            if (want == null) { assertNull(got); continue; }
            assertArrayEquals(want.quot(), got.quot());
            assertArrayEquals(want.rem(), got.rem());
            assertEquals(want.base(), got.base());
            assertArrayEquals(want.thresholds(), got.thresholds());
        }
    }
}
