package tc0.compiler.gadgets;

/**
 * The exact product of two unsigned words of any width: the partial products {@code x_i AND y_j} (depth 1)
 * into column {@code i + j} of one {@link WideSum}: depth {@code 1 + (2k + 7)} for every width.
 */
public final class WideMultiply {
    private WideMultiply() {}

    /** {@code x y} as {@code x.length + y.length} bits. */
    public static int[] product(Net net, int[] x, int[] y, int rounds) {
        return low(net, x, y, x.length + y.length, rounds);
    }

    /** The low {@code width} bits of {@code x y}. */
    public static int[] low(Net net, int[] x, int[] y, int width, int rounds) {
        WideColumns cols = new WideColumns(width);
        addProduct(net, cols, x, y, 0);
        return WideSum.build(net, cols, rounds);
    }

    /** Adds {@code 2^shift x y} to the columns: one AND per pair of bits that lands below the width. */
    public static WideColumns addProduct(Net net, WideColumns cols, int[] x, int[] y, int shift) {
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length && shift + i + j < cols.width(); j++) cols.addShifted(net.and(x[i], y[j]), shift + i + j);
        }
        return cols;
    }
}
