package tc0.compiler.count;

import tc0.compiler.ir.Op;

/**
 * A constant matrix that is one code on a diagonal {@code j - i == offset} and another off it ({@code eye(n)},
 * {@link Op.Constant#diagonal}), held as a map split on and off that diagonal ({@link ClassMap#diagonal}): two
 * classes, one group per axis, so what reads it is counted by sides, not entry by entry. (Codes given one by one
 * are not searched for a diagonal: DiagonalMaskTest counts eye given so as the independent entry-by-entry path.)
 */
final class DiagonalMask {
    private DiagonalMask() {}

    /** The split map of the diagonal constant {@code c} of shape {@code shape} and width {@code width}. */
    static ClassMap of(long[] shape, Op.Constant c, int width) {
        Op.Constant.Diagonal d = c.diagonal();
        int[] table = {ElemClass.constant(d.off(), width).id, ElemClass.constant(d.on(), width).id};
        return ClassMap.diagonal(shape, d.offset(), new int[2][], new int[] {1, 1}, table);
    }
}
