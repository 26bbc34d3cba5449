package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A series term's table {@code a -> c a^i mod q} counted from its coset's popcounts ({@link OneHotPowers}) counts
 * what the table counts entry by entry: the popcounts against a BigInteger pass over every a, and the term's ORs
 * (gates, wires, gates per level, the levels of the bits) against the same ORs made gate by gate.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OneHotPowersTest {
    @Test
    void popcountsAreThoseOfEveryEntry() {
        Random r = new Random(17);
        for (int q : primesBelow(400)) {
            for (int i = 1; i <= q + 3; i++) {
                long c = q < 40 ? 1 + i % (q - 1) : 1 + r.nextInt(q - 1);
                assertArrayEquals(entryByEntry(q, i, c), OneHotPowers.popcounts(q, i, c), "q " + q + ", i " + i + ", c " + c);
            }
        }
        int q512 = java.math.BigInteger.valueOf(182_600).nextProbablePrime().intValueExact();
        for (int q : new int[] {2_999, 11_483, 46_133, q512}) { // primes of the size p = 64, 128, 256, 512 reach (long walks tallied: PrimeCosets.LONG_WALK)
            for (int i : new int[] {1, 2, 3, 4, 6, 12, 60, 127, 255, q - 1}) {
                long c = 1 + r.nextInt(q - 1);
                assertArrayEquals(entryByEntry(q, i, c), OneHotPowers.popcounts(q, i, c), "q " + q + ", i " + i);
            }
        }
    }

    @Test
    void termsCountAsTheirOrsGateByGate() {
        Random r = new Random(3);
        long closedBefore = OneHotPowers.closed;
        for (int q : new int[] {3, 5, 7, 11, 13, 31, 61, 101, 127, 257, 331, 1_009}) {
            int level = r.nextInt(5);
            CountingNet twin = new CountingNet(), plain = new CountingNet();
            int[] hotTwin = hots(twin, q, level), hotPlain = hots(plain, q, level);
            OneHotPowers powers = new OneHotPowers(twin, a -> hotTwin[a], q, true);
            long[] power = new long[q];
            java.util.Arrays.fill(power, 1);
            int bits = 32 - Integer.numberOfLeadingZeros(q - 1);
            for (int i = 1; i <= 40; i++) {
                for (int a = 1; a < q; a++) power[a] = power[a] * a % q;
                if (r.nextInt(4) == 0) continue; // a term skipped, as a zero coefficient is
                long c = 1 + r.nextInt(q - 1);
                long[] table = new long[q];
                for (int a = 1; a < q; a++) table[a] = power[a] * c % q;
                int[] counted = powers.term(i, c);
                int[] made = OneHotOrs.of(plain, a -> hotPlain[a], q, table, (1L << bits) - 1, false);
                String how = "q " + q + ", i " + i + ", c " + c;
                assertEquals(plain.cost(), twin.cost(), how);
                assertArrayEquals(plain.gatesPerLevel(), twin.gatesPerLevel(), how);
                for (int b = 0; b < bits; b++) assertEquals(plain.level(made[b]), twin.level(counted[b]), how + ", bit " + b);
            }
        }
        assertTrue(OneHotPowers.closed - closedBefore > 100, "the cosets counted only " + (OneHotPowers.closed - closedBefore) + " terms");
    }

    @Test
    void aConstantValuesTermsAreConstants() {
        for (int q : new int[] {3, 7, 101, 1_009}) {
            for (int z = 0; z < Math.min(q, 12); z++) { // z = 0: no one-hot literal is TRUE
                int[] hot = new int[q];
                if (z > 0) hot[z] = tc0.circuits.Literal.TRUE;
                CountingNet twin = new CountingNet(), plain = new CountingNet();
                OneHotPowers powers = new OneHotPowers(twin, a -> hot[a], q, false);
                int bits = 32 - Integer.numberOfLeadingZeros(q - 1);
                for (int i = 1; i <= 30; i++) {
                    long c = 1 + (i * 7L) % (q - 1);
                    long[] table = new long[q];
                    for (int a = 1; a < q; a++) table[a] = BigInteger.valueOf(a).modPow(BigInteger.valueOf(i), BigInteger.valueOf(q)).longValueExact() * c % q;
                    assertArrayEquals(OneHotOrs.of(plain, a -> hot[a], q, table, (1L << bits) - 1, false), powers.term(i, c), "q " + q + ", z " + z + ", i " + i);
                }
                assertEquals(0, twin.cost().gates());
            }
        }
    }

    private static int[] hots(CountingNet net, int q, int level) {
        int[] lits = new int[q];
        for (int a = 1; a < q; a++) lits[a] = net.inputAt(level);
        return lits;
    }

    /** Bit t's count over a = 1 .. q - 1 of c a^i mod q, each entry by BigInteger. */
    private static long[] entryByEntry(int q, int i, long c) {
        long[] count = new long[32 - Integer.numberOfLeadingZeros(q - 1)];
        BigInteger bq = BigInteger.valueOf(q), bi = BigInteger.valueOf(i), bc = BigInteger.valueOf(c);
        for (int a = 1; a < q; a++) {
            long v = BigInteger.valueOf(a).modPow(bi, bq).multiply(bc).mod(bq).longValueExact();
            for (int b = 0; b < count.length; b++) count[b] += v >>> b & 1;
        }
        return count;
    }

    private static int[] primesBelow(int n) {
        return java.util.stream.IntStream.range(3, n).filter(k -> BigInteger.valueOf(k).isProbablePrime(40)).toArray();
    }
}
