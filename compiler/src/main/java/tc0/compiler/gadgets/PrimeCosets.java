package tc0.compiler.gadgets;

import java.util.HashMap;
import java.util.Map;

/**
 * One prime's coset bit counts for {@link OneHotPowers}: bit t's count over the coset {@code c H_d}, {@code H_d} the
 * d-th powers of {@code Z_q^*}. The group is walked ONCE in discrete-log order ({@code x_k = g^k}, g the least primitive
 * root), keeping {@code g^k} and {@code log_g}; the coset of c is then {@code x_k} for {@code k = log c mod d} in steps
 * of d, read from the table with no multiplication (a walk per coset multiplied {@code x h mod q} each step: a square
 * root at p = 512 spent 37% of its time there). Shared by the series of one prime (the square root's two, c = 1 and
 * c = 2, meet the same cosets of the small d), each coset counted once.
 */
final class PrimeCosets {
    private final int q, bits;
    private int[] power, log; // power[k] = g^k (k < q - 1), log[power[k]] = k: made when a walk first needs them
    private final Map<Long, long[]> counted = new HashMap<>(); // by (d, log c mod d)

    PrimeCosets(int q) {
        this.q = q;
        this.bits = 32 - Integer.numberOfLeadingZeros(q - 1);
    }

    int prime() { return q; }

    /**
     * Bit t's count over {@code c H_d} (d dividing q - 1, c not 0 modulo q): for d = 1 the whole group (the bits of
     * 1 .. q - 1), for d = q - 1 the one element c, else read from the walk and kept.
     */
    long[] coset(int d, long c) {
        long[] count = new long[bits];
        if (d == 1) {
            for (int b = 0; b < bits; b++) count[b] = OneHotPowers.onesBelow(q, b);
            return count;
        }
        if (d == q - 1) {
            for (int b = 0; b < bits; b++) count[b] = c >>> b & 1;
            return count;
        }
        if ((q - 1) % d != 0) throw new IllegalArgumentException(d + " does not divide " + (q - 1));
        walk();
        int j = log[(int) Math.floorMod(c, q)] % d;
        long key = (long) d << 32 | j;
        long[] once = counted.get(key);
        if (once == null) counted.put(key, once = count(d, j));
        return once;
    }

    /** The walk: one multiplication per element, in longs (q < 2^31). */
    private void walk() {
        if (power != null) return;
        int g = CrtBasis.primitiveRoot(q);
        power = new int[q - 1];
        log = new int[q];
        long x = 1;
        for (int k = 0; k < q - 1; k++) {
            power[k] = (int) x;
            log[(int) x] = k;
            x = x * g % q;
        }
    }

    /** The coset {@code x_j, x_(j+d), ...}: short ones bit by bit, long ones by tallies of the low and high LOW bits. */
    private long[] count(int d, int j) {
        long[] count = new long[bits];
        int steps = (q - 1) / d;
        if (steps < LONG_WALK) {
            for (int k = j; k < q - 1; k += d) for (int s = power[k]; s != 0; s &= s - 1) count[Integer.numberOfTrailingZeros(s)]++;
            return count;
        }
        int[] low = new int[1 << LOW], high = new int[(q >>> LOW) + 1];
        for (int k = j; k < q - 1; k += d) {
            int x = power[k];
            low[x & (1 << LOW) - 1]++;
            high[x >>> LOW]++;
        }
        tally(low, 0, count);
        tally(high, LOW, count);
        return count;
    }

    /** Walks at least this long are tallied (below it the bit loop is as quick). */
    static final int LONG_WALK = 4096;
    private static final int LOW = 10;

    /** Bit {@code shift + b} counted {@code tally[v]} times for each v with bit b. */
    private static void tally(int[] tally, int shift, long[] count) {
        for (int v = 1; v < tally.length; v++) {
            if (tally[v] == 0) continue;
            for (int s = v; s != 0; s &= s - 1) {
                int b = shift + Integer.numberOfTrailingZeros(s);
                if (b < count.length) count[b] += tally[v];
            }
        }
    }
}
