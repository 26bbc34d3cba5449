package tc0.compiler.gadgets;

/**
 * Fresh literals of weights that are not powers of two added to a {@link SumShape} as anonymous entries, one per
 * set bit, where {@link SumCount} counts the same: a literal's identity matters only in the final stage, where one
 * left uncompressed in two columns is one node read once by a comparator; anonymous entries let the last two rounds
 * run over heights and the final stage skip the identities. A resampling's closed SPLIT at n = 2^20 (~100 literals of
 * ~20-bit quotients, 2 M of them in flowar) spends most of its count on those identities.
 */
public final class SpreadLiterals {
    private SpreadLiterals() {}

    /**
     * Whether fresh literals of weights {@code w[0 .. count)} (distinct nodes, in order), then {@code carries} fresh
     * literals of weight 1, are counted alike spread ({@link #add}) or not: two or more of them, and no literal of two
     * or more bits has an entry in two columns where compression's first round may leave an entry ungrouped (a column of
     * one entry, or whose groups include ones of one entry). So none is left uncompressed in two columns. Conservative.
     */
    public static boolean safe(long[] w, int count, long carries, int rounds) {
        long[] h = new long[64];
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (w[i] == 0) continue;
            if (w[i] == Long.MIN_VALUE) return false;
            distinct++;
            for (long rest = Math.abs(w[i]); rest != 0; rest &= rest - 1) h[Long.numberOfTrailingZeros(rest)]++;
        }
        h[0] += carries;
        if (distinct < 2) return false;
        long ungrouped = ungrouped(h, rounds);
        for (int i = 0; i < count; i++) {
            long a = Math.abs(w[i]);
            if (Long.bitCount(a) >= 2 && Long.bitCount(a & ungrouped) >= 2) return false;
        }
        return true;
    }

    /** The columns (bit j) of these heights where compression's first round may leave an entry ungrouped: one entry, or groups of one. */
    public static long ungrouped(long[] h, int rounds) {
        long ungrouped = 0;
        for (int j = 0; j < 64; j++) {
            if (h[j] == 0) continue;
            boolean single = h[j] == 1 || rounds == 0;
            if (!single) {
                long g = SumCount.groupSize(h[j], rounds), groups = (h[j] + g - 1) / g;
                single = h[j] / groups == 1;
            }
            if (single) ungrouped |= 1L << j;
        }
        return ungrouped;
    }

    /** {@link WeightedSum}'s group size for a column of {@code h >= 2} entries with {@code roundsLeft} rounds to go (as {@link SumCount} groups). */
    public static long groupSize(long h, int roundsLeft) {
        return SumCount.groupSize(h, roundsLeft);
    }

    /** Adds a fresh literal of weight {@code w} at {@code level} as one anonymous entry per set bit of |w|, one literal all the same. */
    public static void add(SumShape s, long w, int level) {
        long a = Math.abs(w);
        if (Long.bitCount(a) <= 1 || w == Long.MIN_VALUE) { s.add(1, w, level); return; }
        for (long rest = a; rest != 0; rest &= rest - 1) {
            long b = Long.lowestOneBit(rest);
            s.add(1, w < 0 ? -b : b, level);
        }
        s.distinct -= Long.bitCount(a) - 1;
    }
}
