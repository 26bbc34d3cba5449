package tc0.compiler.gadgets;

import java.util.Arrays;

/**
 * One bit column of a {@link SumShape} as run-length entries in parallel primitive arrays: run r is
 * {@code count[r]} entries at {@code level[r]}, either anonymous ({@link SumShape#ANON}: distinct fresh
 * literals or gate outputs) or one identified literal {@code id[r] >= 0}. No object per run: closed counts
 * of many sums (RoPE's rows) make millions of runs.
 */
final class Runs {
    long[] count = new long[8];
    int[] level = new int[8];
    int[] id = new int[8];
    int size;

    /** Appends a run; an anonymous run at the level of an anonymous last run merges into it. */
    void append(long c, int lv, int i) {
        if (c == 0) return;
        if (i == SumShape.ANON && size > 0) {
            int last = size - 1;
            if (id[last] == SumShape.ANON && level[last] == lv) { count[last] += c; return; }
        }
        if (size == count.length) {
            int cap = size * 2;
            count = Arrays.copyOf(count, cap);
            level = Arrays.copyOf(level, cap);
            id = Arrays.copyOf(id, cap);
        }
        count[size] = c;
        level[size] = lv;
        id[size] = i;
        size++;
    }

    /** The number of entries (the column's height). */
    long height() {
        long h = 0;
        for (int r = 0; r < size; r++) h += count[r];
        return h;
    }

    boolean isEmpty() { return size == 0; }

    void clear() { size = 0; }
}
