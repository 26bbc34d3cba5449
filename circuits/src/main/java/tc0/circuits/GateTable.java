package tc0.circuits;

import java.util.Arrays;

/**
 * The {@link CircuitBuilder}'s structural hashing: which gate built so far, if any, equals a request. Two
 * open-addressing tables whose slots hold {@code (hash << 32) | (gate index + 1)}, 0 for empty, so a probe
 * reads one array: the gates built since the last flush in a table small enough to stay in cache, the
 * older ones in a big table. A gate equal to a request has the request's inputs, so it was built after the
 * request's newest input: where that input is itself a young gate, the young table alone can hold the
 * match and the big table, whose every probe is a cache miss, is not read (in gin n = 128, 61% of lookups
 * read a gate at most 4,096 back; lowering 6% faster). The young gates are flushed into the big table a
 * block at a time, where the inserts' misses overlap.
 */
final class GateTable {
    /** Whether gate {@code index} equals the request being looked up (the builder compares the terms). */
    @FunctionalInterface
    interface Match {
        boolean matches(int index);
    }

    /**
     * The big table's load stays at most 3/4 (linear probing; a probe sequence mostly stays in one cache
     * line of 8 slots): at 1/2 the table of a 9 M-gate circuit was 268 MB, every page of it touched.
     */
    private static final long MAX_LOAD_NUM = 3, MAX_LOAD_DEN = 4;
    private static final int YOUNG_SLOTS = 1 << 16, YOUNG_MOST = YOUNG_SLOTS / 2;

    private final Match match;
    private long[] table = new long[2048];
    private final long[] young = new long[YOUNG_SLOTS];
    private int youngCount;
    /** The first gate index in the young table: gates before it are in {@link #table}. */
    private int youngFrom;
    /** The young slot {@link #find} ended at: where {@link #add} puts the gate it did not find. */
    private int free;

    GateTable(Match match) {
        this.match = match;
    }

    /** Sizes the big table for {@code gates} gates at once, so it never grows. */
    void reserve(long gates) {
        if (MAX_LOAD_DEN * gates > MAX_LOAD_NUM * (long) table.length) {
            table = new long[Integer.highestOneBit((int) Math.min(MAX_LOAD_DEN * gates / MAX_LOAD_NUM, 1 << 30) - 1) << 1];
        }
    }

    /** True if gate {@code index} is young: a request whose newest input it is can only match young gates. */
    boolean isYoung(int index) {
        return index >= youngFrom;
    }

    /**
     * The index of a built gate with hash {@code h} that {@link Match} accepts, or -1: the young table first,
     * then, unless {@code youngOnly}, the big one.
     */
    int find(int h, boolean youngOnly) {
        int found = probe(young, h);
        if (found >= 0) return found;
        free = -1 - found;
        return youngOnly ? -1 : Math.max(-1, probe(table, h));
    }

    /** Enters gate {@code index} (hash {@code h}) just after {@link #find} did not find it. */
    void add(int h, int index) {
        young[free] = ((long) h << 32) | (index + 1);
        if (++youngCount == YOUNG_MOST) flush(index + 1);
    }

    /** Reads the big table's slot for {@code h} ahead of a lookup, so a block's misses overlap; returns it. */
    long touch(int h) {
        return table[h & (table.length - 1)];
    }

    /** The matching gate's index, or {@code -1 - (the empty slot the probe ended at)}. */
    private int probe(long[] slots, int h) {
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) return -1 - i;
            if ((int) (slot >>> 32) == h && match.matches((int) slot - 1)) return (int) slot - 1;
        }
    }

    /** Moves the young gates into the big table (growing it first where it would pass its load). */
    private void flush(int gates) {
        if (MAX_LOAD_DEN * (long) gates > MAX_LOAD_NUM * (long) table.length) table = rehashed(table, gates);
        insertAll(young, table);
        Arrays.fill(young, 0);
        youngCount = 0;
        youngFrom = gates;
    }

    private static long[] rehashed(long[] table, int gates) {
        long n = 2L * table.length;
        while (MAX_LOAD_DEN * (long) gates > MAX_LOAD_NUM * n) n *= 2;
        long[] next = new long[Math.toIntExact(n)];
        insertAll(table, next);
        return next;
    }

    /** Inserts every entry of {@code from} into {@code to} (independent inserts: their cache misses overlap). */
    private static void insertAll(long[] from, long[] to) {
        int mask = to.length - 1;
        for (long slot : from) {
            if (slot == 0) continue;
            int i = (int) (slot >>> 32) & mask;
            while (to[i] != 0) i = (i + 1) & mask;
            to[i] = slot;
        }
    }

    /** A gate's hash from its terms' part and its threshold: murmur3's fmix64, so every input bit reaches the low bits an index uses. */
    static int hash(long termsHash, long t) {
        long h = termsHash ^ t * 0x9E3779B97F4A7C15L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
