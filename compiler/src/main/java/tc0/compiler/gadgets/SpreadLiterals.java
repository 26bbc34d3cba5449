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
     * or more bits has an entry in two columns where an entry may pass every compression round ungrouped
     * ({@link #passing}). So none reaches the final stage in two columns. Conservative.
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
        long passing = passing(h, rounds);
        for (int i = 0; i < count; i++) {
            long a = Math.abs(w[i]);
            if (Long.bitCount(a) >= 2 && Long.bitCount(a & passing) >= 2) return false;
        }
        return true;
    }

    /**
     * The columns (bit j) of these heights where an entry may reach the final stage as itself: every round leaves it
     * ungrouped (its column holds one entry, or its groups include ones of one: a group of one passes its entry on in
     * its column; a group of s >= 2 puts one gate in each of the columns {@code j .. j + bits(s) - 1}, as {@link SumCount}
     * compresses). Entries of one literal sit in distinct columns, so no group reads a literal twice; only the final
     * stage's comparators, reading several columns, meet one twice. Conservative: where in its column an entry stands is
     * not followed, and columns past the sum's width are kept.
     */
    public static long passing(long[] h, int rounds) {
        long passing = 0;
        for (int j = 0; j < 64; j++) if (h[j] > 0) passing |= 1L << j;
        long[] cur = h;
        for (int left = rounds; left >= 1 && passing != 0; left--) {
            long[] next = new long[64];
            long alone = 0;
            for (int j = 0; j < 64; j++) {
                long hj = cur[j];
                if (hj == 0) continue;
                if (hj == 1) { next[j]++; alone |= 1L << j; continue; }
                long groups = ColumnCut.groups(hj, left), base = ColumnCut.base(hj, groups), extra = ColumnCut.extra(hj, groups);
                emit(next, j, base + 1, extra);
                emit(next, j, base, groups - extra);
                if (base == 1) alone |= 1L << j;
            }
            passing &= alone;
            cur = next;
        }
        return passing;
    }

    /** {@code count} groups of {@code s} entries of column j, compressed: one entry each at j (s = 1), or at j .. j + bits(s) - 1. */
    private static void emit(long[] next, int j, long s, long count) {
        if (count == 0) return;
        int bits = s == 1 ? 1 : 64 - Long.numberOfLeadingZeros(s);
        for (int l = 0; l < bits && j + l < 64; l++) next[j + l] += count;
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
