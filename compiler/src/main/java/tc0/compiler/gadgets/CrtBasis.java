package tc0.compiler.gadgets;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The Chinese-remainder basis of {@link IteratedProduct}: the odd primes {@code 3, 5, 7, ...} in order until
 * their product M reaches {@code 2^(bits + 1)} (so a number below {@code 2^bits} is below M/2), each with
 * its least primitive root and discrete-logarithm table, and the reconstruction constants
 * {@code h_i = (M / q_i)^(-1) mod q_i}. By the prime number theorem the largest prime is about
 * {@code (bits + 1) ln 2}: O(log) bits, so every table has polynomially many entries.
 */
public final class CrtBasis {
    private final int[] primes;
    private final int[] roots; // each prime's least primitive root g
    private final BigInteger modulus;
    private final long[] inverses; // h_i
    private int logsOf = -1; // the prime whose discrete-log table {@link #logs} holds: one at a time, made when asked
    private int[] logs; // logs[a] = log_g a for a in 1..q-1 (a count at p = 256 meets 4,700 primes up to 46,000)
    private long[] modulusWords; // M's low words ({@link #coefficientWords})

    private CrtBasis(int[] primes) {
        this.primes = primes;
        BigInteger m = BigInteger.ONE;
        for (int q : primes) m = m.multiply(BigInteger.valueOf(q));
        modulus = m;
        roots = new int[primes.length];
        inverses = new long[primes.length];
        for (int i = 0; i < primes.length; i++) {
            int q = primes[i];
            roots[i] = primitiveRoot(q);
            BigInteger bq = BigInteger.valueOf(q);
            inverses[i] = m.divide(bq).mod(bq).modInverse(bq).longValueExact();
        }
    }

    /** The basis of these distinct odd primes (tests: bases other than {@link #covering}'s). */
    static CrtBasis of(int... primes) { return new CrtBasis(primes.clone()); }

    /** The smallest basis of odd primes whose product is at least {@code 2^(bits + 1)}. */
    public static CrtBasis covering(int bits) {
        return new CrtBasis(primesCovering(bits));
    }

    /**
     * The primes of {@link #covering} alone, without their tables (cheap: a sieve, and the product's size
     * followed through the sum of {@code log2 q}, checked exactly where it comes near).
     */
    public static int[] primesCovering(int bits) {
        List<Integer> ps = new ArrayList<>();
        double log2 = 0;
        BigInteger need = BigInteger.ONE.shiftLeft(bits + 1);
        for (int limit = 64; ; limit *= 2) {
            boolean[] composite = new boolean[limit + 1];
            for (int i = 2; (long) i * i <= limit; i++) {
                if (!composite[i]) for (int j = i * i; j <= limit; j += i) composite[j] = true;
            }
            for (int q = ps.isEmpty() ? 3 : ps.getLast() + 2; q <= limit; q += 2) {
                if (composite[q]) continue;
                ps.add(q);
                log2 += Math.log(q) / Math.log(2);
                if (log2 >= bits + 1 - 1e-6 && product(ps).compareTo(need) >= 0) return ps.stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    private static BigInteger product(List<Integer> ps) {
        BigInteger m = BigInteger.ONE;
        for (int q : ps) m = m.multiply(BigInteger.valueOf(q));
        return m;
    }

    public int size() { return primes.length; }

    public int prime(int i) { return primes[i]; }

    public BigInteger modulus() { return modulus; }

    /** {@code log_g a mod q_i} for {@code a} in {@code 1 .. q_i - 1} (prime i's table made when first asked, kept until another prime is). */
    public int log(int i, int a) {
        if (logsOf != i) {
            int q = primes[i];
            if (logs == null || logs.length < q) logs = new int[q];
            long x = 1;
            for (int u = 0; u < q - 1; u++) { logs[(int) x] = u; x = x * roots[i] % q; }
            logsOf = i;
        }
        return logs[a];
    }

    /** {@code g^u mod q_i}. */
    public int power(int i, int u) {
        return BigInteger.valueOf(roots[i]).modPow(BigInteger.valueOf(u), BigInteger.valueOf(primes[i])).intValueExact();
    }

    /** {@code h_i = (M / q_i)^(-1) mod q_i}. */
    public long inverse(int i) { return inverses[i]; }

    /** {@code c_i = (M / q_i) h_i}: {@code x = sum_i (x mod q_i) c_i mod M}. */
    public BigInteger coefficient(int i) {
        return modulus.divide(BigInteger.valueOf(primes[i])).multiply(BigInteger.valueOf(inverses[i]));
    }

    /** {@code c_i}'s lowest set bit: {@code h_i}'s, as {@code M / q_i} is odd (a product of odd primes). */
    public int coefficientLowestSetBit(int i) { return Long.numberOfTrailingZeros(inverses[i]); }

    /**
     * {@code c_i mod 2^width} as {@code ceil(width / 64)} little-endian words, from M's low words alone: {@code M / q_i}
     * is an exact division by an odd number, so its low words follow from M's low words, word by word from the bottom
     * (a multiplication by {@code q_i^-1 mod 2^64}, the borrow from the product's high word), then times {@code h_i}
     * with a carry. Two products a word, no division: the reconstruction asks this again rather than keep a weight of
     * {@code bits} bits per prime.
     */
    public long[] coefficientWords(int i, int width) {
        return quotientTimes(lowWords(width), primes[i], inverses[i], width);
    }

    /**
     * {@code (a / q) h mod 2^width} for a multiple a of an odd q given by its low {@code ceil(width / 64)} words (or
     * more), as that many words: each quotient word is the remainder's low word times {@code q^-1 mod 2^64}, and
     * {@code q} times it leaves its high word (and a borrow where the word was below the last) to take from the next.
     */
    static long[] quotientTimes(long[] a, long q, long h, int width) {
        long qInverse = inverse64(q), borrow = 0, carry = 0;
        long[] out = new long[(width + 63) >>> 6];
        for (int k = 0; k < out.length; k++) {
            long t = a[k] - borrow;
            long under = Long.compareUnsigned(a[k], borrow) < 0 ? 1 : 0;
            long x = t * qInverse; // the quotient's word k: q x = t + (high word) 2^64
            borrow = Math.unsignedMultiplyHigh(x, q) + under;
            long low = x * h, sum = low + carry;
            carry = Math.unsignedMultiplyHigh(x, h) + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
            out[k] = sum;
        }
        if ((width & 63) != 0) out[out.length - 1] &= (1L << (width & 63)) - 1;
        return out;
    }

    /** M's low {@code ceil(width / 64)} words, kept for the last width asked. */
    private long[] lowWords(int width) {
        long[] m = modulusWords;
        if (m == null || m.length != (width + 63) >>> 6) modulusWords = m = WideColumns.words(modulus.mod(BigInteger.ONE.shiftLeft(64 * ((width + 63) >>> 6))), 64 * ((width + 63) >>> 6));
        return m;
    }

    /** {@code q^-1 mod 2^64} for odd q: Newton's steps, each doubling the bits right (q q = 1 mod 8: three to start). */
    static long inverse64(long q) {
        long x = q;
        for (int s = 0; s < 5; s++) x *= 2 - q * x;
        return x;
    }

    static int primitiveRoot(int q) {
        int phi = q - 1;
        List<Integer> factors = new ArrayList<>();
        for (int f = 2, r = phi; r > 1; f++) {
            if (r % f == 0) { factors.add(f); while (r % f == 0) r /= f; }
        }
        for (int g = 2; ; g++) {
            boolean root = true;
            for (int f : factors) root &= BigInteger.valueOf(g).modPow(BigInteger.valueOf(phi / f), BigInteger.valueOf(q)).intValue() != 1;
            if (root) return g;
        }
    }
}
