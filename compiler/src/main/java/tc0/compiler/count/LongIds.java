package tc0.compiler.count;

import java.util.Arrays;

/**
 * Long keys numbered 0, 1, 2, ... in the order first seen, by open addressing with the keys in the table itself: the
 * one-word case of {@link TupleIds} (two group ids packed in a long), read once per position of an axis of up to 2^20.
 */
final class LongIds {
    private long[] keys = new long[64];
    private int[] ids = new int[64];  // id + 1 per slot, 0 empty
    private long[] byId = new long[16];
    private int size;

    /** The id of {@code key}, added if new. */
    int id(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            int at = ids[i];
            if (at == 0) {
                if (size == byId.length) byId = Arrays.copyOf(byId, size * 2);
                byId[size++] = key;
                keys[i] = key;
                ids[i] = size;
                if (size * 2 > keys.length) grow();
                return size - 1;
            }
            if (keys[i] == key) return at - 1;
        }
    }

    int size() { return size; }

    /** The key of {@code id}. */
    long key(int id) { return byId[id]; }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        keys = new long[keys.length * 2];
        ids = new int[keys.length];
        int mask = keys.length - 1;
        for (int id = 0; id < size; id++) {
            int i = slot(byId[id], mask);
            while (ids[i] != 0) i = (i + 1) & mask;
            keys[i] = byId[id];
            ids[i] = id + 1;
        }
    }
}
