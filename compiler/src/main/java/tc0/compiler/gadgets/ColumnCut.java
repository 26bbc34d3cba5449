package tc0.compiler.gadgets;

/**
 * How a compression round cuts a column of {@code h >= 2} entries ({@link WeightedSum}'s builder, and every count
 * that follows it): groups of at most {@code g = SumCount.groupSize(h, roundsLeft)} entries, as few as that allows
 * ({@code groups = ceil(h / g)}), as even as they can be: the first {@code extra = h % groups} groups hold
 * {@code base + 1 = h / groups + 1} entries, the rest {@code base}, taken in the column's order. Written once here
 * so that the builder and the counts cannot drift apart. Static methods on primitives: no allocation (counting at
 * n = 2^20 cuts millions of columns).
 */
public final class ColumnCut {
    private ColumnCut() {}

    /** How many groups the round makes of a column of {@code h >= 2} entries with {@code roundsLeft} rounds to go. */
    public static long groups(long h, int roundsLeft) {
        long g = SumCount.groupSize(h, roundsLeft);
        return (h + g - 1) / g;
    }

    /** The smaller group size: every group holds {@code base} entries, the first {@link #extra} one more. */
    public static long base(long h, long groups) {
        return h / groups;
    }

    /** How many groups (the first ones) hold {@code base + 1} entries. */
    public static long extra(long h, long groups) {
        return h % groups;
    }

    /** The size of group q (0-based). */
    public static long size(long q, long base, long extra) {
        return base + (q < extra ? 1 : 0);
    }

    /** The index of group q's first entry. */
    public static long first(long q, long base, long extra) {
        return q * base + Math.min(q, extra);
    }

    /** The size of the group holding entry p (0-based): no division. */
    public static long sizeAt(long p, long base, long extra) {
        return p < extra * (base + 1) ? base + 1 : base;
    }

    /** The group (0-based) holding entry p (0-based). */
    public static long groupOf(long p, long base, long extra) {
        long wide = extra * (base + 1); // the entries in groups of base + 1
        return p < wide ? p / (base + 1) : extra + (p - wide) / base;
    }

    /**
     * The bit gates of one group of {@code size >= 2} entries whose count spans {@code nb} columns: bit l is a gate where
     * {@code size >> l >= 2} (it changes at two or more of the count's values), so the bits below the size's top bit.
     */
    static int bitGates(long size, int nb) {
        return Math.min(nb, 63 - Long.numberOfLeadingZeros(size));
    }

    /** Their fan-in: {@code size >> l} summed over {@code l < bitGates}. */
    static long bitGatesFanIn(long size, int bitGates) {
        return allShifts(size) - allShifts(size >> bitGates);
    }

    /** {@code s >> l} summed over every l >= 0. */
    private static long allShifts(long s) {
        return 2 * s - Long.bitCount(s);
    }
}
