package tc0.compiler.count;

import java.util.Arrays;

/**
 * Tuples of longs (any length) numbered 0, 1, 2, ... in the order first seen, by open addressing over flat
 * arrays: no object per tuple. What the per-position groupings ({@link ResampleAxis}, {@link AxisJoint},
 * {@link ClassMap#concat}) did with a {@code HashMap} keyed by boxed lists, a record per position (millions at
 * n = 2^20).
 */
final class TupleIds {
    private int[] table = new int[64];  // id + 1 per slot, 0 empty
    private int[] hashes = new int[0];  // per id
    private int[] start = new int[1];   // per id its first entry in data; start[size] the end
    private long[] data = new long[64];
    private int size;

    /** The id of {@code t[0 .. len)}, added (as a copy) if new. */
    int id(long[] t, int len) {
        int h = hash(t, len);
        int mask = table.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int at = table[i];
            if (at == 0) {
                add(t, len, h);
                table[i] = size;
                if (size * 2 > table.length) grow();
                return size - 1;
            }
            int id = at - 1;
            if (hashes[id] == h && same(id, t, len)) return id;
        }
    }

    /** How many distinct tuples. */
    int size() { return size; }

    /** Entry {@code k} of tuple {@code id}. */
    long get(int id, int k) { return data[start[id] + k]; }

    /** The length of tuple {@code id}. */
    int length(int id) { return start[id + 1] - start[id]; }

    private boolean same(int id, long[] t, int len) {
        int s = start[id];
        if (start[id + 1] - s != len) return false;
        for (int k = 0; k < len; k++) if (data[s + k] != t[k]) return false;
        return true;
    }

    private void add(long[] t, int len, int h) {
        if (size + 2 > start.length) {
            start = Arrays.copyOf(start, Math.max(4, start.length * 2));
            hashes = Arrays.copyOf(hashes, start.length);
        }
        int s = start[size];
        if (s + len > data.length) data = Arrays.copyOf(data, Math.max(s + len, data.length * 2));
        System.arraycopy(t, 0, data, s, len);
        hashes[size] = h;
        start[++size] = s + len;
    }

    private void grow() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int id = 0; id < size; id++) {
            int i = hashes[id] & mask;
            while (table[i] != 0) i = (i + 1) & mask;
            table[i] = id + 1;
        }
    }

    private static int hash(long[] t, int len) {
        long h = len;
        for (int k = 0; k < len; k++) h = (h + t[k]) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}
