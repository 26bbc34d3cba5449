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
