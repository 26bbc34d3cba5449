package tc0.circuits;

import java.util.Arrays;

/** A growable list of ints without boxing (a builder's or compiler's scratch array). */
public final class IntList {
    private int[] items = new int[16];
    private int size;

    public void add(int v) {
        if (size == items.length) items = Arrays.copyOf(items, size * 2);
        items[size++] = v;
    }

    public int get(int i) {
        return items[i];
    }

    public int size() {
        return size;
    }

    public int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
