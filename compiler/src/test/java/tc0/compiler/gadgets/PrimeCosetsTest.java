package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A prime's coset bit counts read off one walk in discrete-log order ({@link PrimeCosets}) against the cosets by their
 * definition: {@code c H_d} is the values {@code c a^d mod q} over {@code a = 1 .. q - 1}, each d times. Every divisor d
 * of q - 1, cosets asked in a shuffled order of one shared object (so a coset kept for one (d, c) is the right one for
 * another c of the same coset), edge primes (q - 1 a power of two; 3; a prime of p = 512's size, walks tallied) and
 * random ones.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PrimeCosetsTest {
    @Test
    void everyCosetOfEveryDivisorIsTheDefinitions() {
        Random r = new Random(29);
        List<Integer> primes = new ArrayList<>(List.of(3, 5, 7, 13, 17, 31, 37, 61, 257, 2_521, 65_537));
        for (int k = 0; k < 25; k++) primes.add(BigInteger.valueOf(3 + r.nextInt(6000)).nextProbablePrime().intValueExact());
        for (int q : primes) {
            List<long[]> asks = new ArrayList<>(); // (d, c)
            for (int d = 1; d <= q - 1; d++) {
                if ((q - 1) % d != 0) continue;
                int cs = d <= 12 ? 2 * d + 2 : 3; // small d: every coset met, most more than once
                for (int n = 0; n < cs; n++) asks.add(new long[] {d, n == 0 ? 1 : 1 + r.nextInt(q - 1)});
            }
            Collections.shuffle(asks, r);
            PrimeCosets shared = new PrimeCosets(q);
            for (long[] ask : asks) {
                int d = (int) ask[0];
                long c = ask[1];
                assertArrayEquals(byDefinition(q, d, c), shared.coset(d, c), "q " + q + ", d " + d + ", c " + c);
            }
        }
    }

    @Test
    void longWalksAreTallied() {
        Random r = new Random(31);
        for (int q : new int[] {65_537, 182_617, BigInteger.valueOf(399_000).nextProbablePrime().intValueExact()}) { // 512's and 1024's sizes
            PrimeCosets shared = new PrimeCosets(q);
            for (int d : new int[] {2, 3, 4, 8, 16}) {
                if ((q - 1) % d != 0) continue;
                for (int n = 0; n < 3; n++) {
                    long c = 1 + r.nextInt(q - 1);
                    assertArrayEquals(byDefinition(q, d, c), shared.coset(d, c), "q " + q + ", d " + d + ", c " + c);
                }
            }
        }
    }

    /** Bit t's count over {@code c a^d mod q}, a = 1 .. q - 1, divided by d (each coset element met d times). */
    private static long[] byDefinition(int q, int d, long c) {
        long[] count = new long[32 - Integer.numberOfLeadingZeros(q - 1)];
        BigInteger bq = BigInteger.valueOf(q), bd = BigInteger.valueOf(d), bc = BigInteger.valueOf(c);
        for (int a = 1; a < q; a++) {
            long v = BigInteger.valueOf(a).modPow(bd, bq).multiply(bc).mod(bq).longValueExact();
            for (int b = 0; b < count.length; b++) count[b] += v >>> b & 1;
        }
        for (int b = 0; b < count.length; b++) {
            assertEquals(0, count[b] % d);
            count[b] /= d;
        }
        return count;
    }
}
