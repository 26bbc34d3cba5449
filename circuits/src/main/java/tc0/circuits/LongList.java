package tc0.circuits;

import java.util.Arrays;

/** A growable list of longs without boxing (weights, thresholds, keys being assembled). */
public final class LongList {
    private long[] items = new long[16];
    private int size;

    public void add(long v) {
        if (size == items.length) items = Arrays.copyOf(items, size * 2);
        items[size++] = v;
    }

    public long get(int i) {
        return items[i];
    }

    public int size() {
        return size;
    }

    public long[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
