package tc0.compiler.count;

import java.util.Arrays;

/**
 * The groups of a pair axis held factored, never listed: position {@code j = a q + b} (q the right factor's
 * length) is in group {@code table[left[a] * rightGroups + right[b]]}. Tensor attention's key pairs (n^2 of them,
 * 2^40 at n = 2^20) cost the two factors' n positions and a small table. Immutable by convention.
 *
 * @param left        the group of each left index a
 * @param leftGroups  groups the left indices fall in
 * @param right       the group of each right index b
 * @param rightGroups groups the right indices fall in
 * @param table       per (left group, right group), row-major, the pair's group
 */
record PairAxis(int[] left, int leftGroups, int[] right, int rightGroups, int[] table) {
    /** Positions: the left length times the right one. */
    long length() { return (long) left.length * right.length; }

    /** The right factor's length: {@code j = a q + b}. */
    int q() { return right.length; }

    int group(long j) { return table[left[(int) (j / right.length)] * rightGroups + right[(int) (j % right.length)]]; }

    /** Positions in each of {@code groups} groups: per cell of the table, its left group's count times its right group's. */
    long[] counts(int groups) {
        long[] l = tally(left, leftGroups), r = tally(right, rightGroups), c = new long[groups];
        for (int x = 0; x < leftGroups; x++) for (int y = 0; y < rightGroups; y++) c[table[x * rightGroups + y]] += l[x] * r[y];
        return c;
    }

    /** The same axis with every group {@code g} renamed {@code remap[g]}. */
    PairAxis remapped(int[] remap) {
        int[] t = new int[table.length];
        for (int i = 0; i < t.length; i++) t[i] = remap[table[i]];
        return new PairAxis(left, leftGroups, right, rightGroups, t);
    }

    /** Every position's group, listed (refused past an int's positions, {@link ClassMap#listed}). */
    int[] listed() {
        int d = ClassMap.listed(length()), q = q();
        int[] ids = new int[d];
        for (int a = 0, j = 0; a < left.length; a++) {
            int row = left[a] * rightGroups;
            for (int b = 0; b < q; b++) ids[j++] = table[row + right[b]];
        }
        return ids;
    }

    /** Whether {@code o} pairs the same lengths (so that the two group one axis alike, factor by factor). */
    boolean sameFactors(PairAxis o) { return left.length == o.left.length && right.length == o.right.length; }

    static long[] tally(int[] ids, int groups) {
        long[] c = new long[groups];
        for (int g : ids) c[g]++;
        return c;
    }

    @Override public boolean equals(Object o) {
        return o instanceof PairAxis p && leftGroups == p.leftGroups && rightGroups == p.rightGroups && Arrays.equals(left, p.left)
                && Arrays.equals(right, p.right) && Arrays.equals(table, p.table);
    }

    @Override public int hashCode() { return Arrays.hashCode(table) * 31 + Arrays.hashCode(left) * 7 + Arrays.hashCode(right); }
}
