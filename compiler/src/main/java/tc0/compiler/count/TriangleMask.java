package tc0.compiler.count;

import tc0.compiler.ir.Op;

/**
 * A constant matrix that is one code on and below a diagonal and another above it ({@code tril(n)},
 * {@code triu(n)}, their shifts), given as such ({@link Op.Constant#triangle}) or found in its codes, held as a map split by that diagonal: two classes,
 * one group per axis ({@link ClassMap#triangle}), so what reads it is counted by row and column groups and
 * sides, not entry by entry.
 */
final class TriangleMask {
    private TriangleMask() {}

    /** The split map of constant {@code c} of shape {@code shape} and width {@code width}, or null where it is no triangle. */
    static ClassMap of(long[] shape, Op.Constant c, int width) {
        if (c.triangle() != null) {
            Op.Constant.Triangle t = c.triangle();
            return split(shape, t.offset(), t.low(), t.high(), width);
        }
        if (shape.length != 2 || shape[0] < 2 || shape[1] < 2) return null;
        int rows = (int) shape[0], cols = (int) shape[1];
        long low = c.code((rows - 1) * cols), high = c.code(cols - 1); // bottom-left below, top-right above
        if (low == high) return null;
        // The diagonal from the first row that holds both codes: its run of `low` ends at column i + offset.
        Long offset = null;
        for (int i = 0; i < rows && offset == null; i++) {
            int run = 0;
            while (run < cols && c.code(i * cols + run) == low) run++;
            if (run > 0 && run < cols) offset = (long) run - 1 - i;
        }
        if (offset == null) return null;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (c.code(i * cols + j) != (TriangleCounts.side(i, j, offset) == 0 ? low : high)) return null;
            }
        }
        return split(shape, offset, low, high, width);
    }

    private static ClassMap split(long[] shape, long offset, long low, long high, int width) {
        int[] table = {ElemClass.constant(low, width).id, ElemClass.constant(high, width).id};
        return ClassMap.triangle(shape, offset, new int[2][], new int[] {1, 1}, table);
    }
}
