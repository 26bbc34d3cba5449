package tc0.compiler.gadgets;

import java.util.Arrays;

/**
 * A set of non-negative long keys, each with an int value, by open addressing (no boxing): the identified
 * literals of a {@link SumShape} and the columns they were placed in, and the literals a closed count has
 * seen.
 */
final class LongIntMap {
    private static final long EMPTY = -1;
    private long[] keys = new long[16];
    private int[] values = new int[16];
    private int size;

    LongIntMap() { Arrays.fill(keys, EMPTY); }

    /** Where {@code key} is absent: stores {@code value} and returns {@code absent}; else returns its value. */
    int putIfAbsent(long key, int value, int absent) {
        if (key < 0) throw new IllegalArgumentException("key " + key);
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != EMPTY) {
            if (keys[i] == key) return values[i];
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) grow();
        return absent;
    }

    int size() { return size; }

    void clear() {
        if (size == 0) return;
        Arrays.fill(keys, EMPTY);
        size = 0;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] k = keys;
        int[] v = values;
        keys = new long[k.length * 2];
        values = new int[k.length * 2];
        Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int j = 0; j < k.length; j++) {
            if (k[j] == EMPTY) continue;
            int i = slot(k[j], mask);
            while (keys[i] != EMPTY) i = (i + 1) & mask;
            keys[i] = k[j];
            values[i] = v[j];
        }
    }
}
