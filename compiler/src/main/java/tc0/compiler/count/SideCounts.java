package tc0.compiler.count;

/**
 * How many entries of a sided matrix map ({@link ClassMap#triangle}, {@link ClassMap#diagonal}) lie on each side,
 * per row group and column group.
 */
@FunctionalInterface
interface SideCounts {
    /** Entries of row group {@code g0} and column group {@code g1} on side {@code side}. */
    long count(int g0, int g1, int side);

    /** The counts for a map split below/above ({@link TriangleCounts}) or on/off ({@link DiagonalCounts}) the diagonal {@code d}. */
    static SideCounts of(int[] rows, int rowGroups, int[] cols, int colGroups, Diagonal d, boolean onDiagonal) {
        if (onDiagonal) return new DiagonalCounts(rows, rowGroups, cols, colGroups, d.offset());
        return new TriangleCounts(rows, rowGroups, cols, colGroups, d)::count;
    }
}
