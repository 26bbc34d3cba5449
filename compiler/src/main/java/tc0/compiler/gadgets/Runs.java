package tc0.compiler.gadgets;

import java.util.Arrays;

/**
 * One bit column of a {@link SumShape} as run-length entries in parallel primitive arrays: run r is
 * {@code count[r]} entries at {@code level[r]}, either anonymous ({@code first[r] < 0}: distinct fresh
 * literals or gate outputs, no identity kept) or identified literals, one per entry, whose ids are
 * {@code ids[first[r] .. first[r] + count[r])}. Identified entries next to each other at one level share a run
 * (a word's bits with a constant weight land in a column so), so grouping them costs per run, not per entry.
 * No object per run: closed counts of many sums (RoPE's rows) make millions of entries.
 */
final class Runs {
    long[] count = new long[8];
    int[] level = new int[8];
    int[] first = new int[8];
    int[] ids = new int[8];
    int size;
    private int idCount;

    /** Appends {@code c} anonymous entries ({@code id == ANON}) or one identified entry ({@code c == 1}). */
    void append(long c, int lv, int id) {
        if (c == 0) return;
        if (id == SumShape.ANON) {
            if (size > 0 && first[size - 1] < 0 && level[size - 1] == lv) { count[size - 1] += c; return; }
            newRun(c, lv, -1);
            return;
        }
        if (c != 1) throw new IllegalArgumentException("an identified run of " + c);
        addId(id);
        if (size > 0 && first[size - 1] >= 0 && level[size - 1] == lv) { count[size - 1]++; return; }
        newRun(1, lv, idCount - 1);
    }

    /** Appends {@code q} identified entries, the ids {@code from[at .. at + q)}. */
    void appendIds(int[] from, int at, int q, int lv) {
        for (int k = 0; k < q; k++) append(1, lv, from[at + k]);
    }

    private void addId(int id) {
        if (idCount == ids.length) ids = Arrays.copyOf(ids, idCount * 2);
        ids[idCount++] = id;
    }

    private void newRun(long c, int lv, int f) {
        if (size == count.length) {
            int cap = size * 2;
            count = Arrays.copyOf(count, cap);
            level = Arrays.copyOf(level, cap);
            first = Arrays.copyOf(first, cap);
        }
        count[size] = c;
        level[size] = lv;
        first[size] = f;
        size++;
    }

    /** Appends every run of {@code o}, identities kept. */
    void copyFrom(Runs o) {
        for (int r = 0; r < o.size; r++) {
            if (o.first[r] < 0) append(o.count[r], o.level[r], SumShape.ANON);
            else appendIds(o.ids, o.first[r], (int) o.count[r], o.level[r]);
        }
    }

    /** The number of entries (the column's height). */
    long height() {
        long h = 0;
        for (int r = 0; r < size; r++) h += count[r];
        return h;
    }

    boolean isEmpty() { return size == 0; }

    void clear() { size = 0; idCount = 0; }
}
