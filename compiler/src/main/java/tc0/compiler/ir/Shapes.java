package tc0.compiler.ir;

import java.util.List;

/** Row-major shape arithmetic. */
public final class Shapes {
    private Shapes() {}

    /** Number of elements; overflow is an error. */
    public static long size(List<Long> shape) {
        long s = 1;
        for (long d : shape) {
            s = Math.multiplyExact(s, d);
        }
        return s;
    }

    /** Row-major strides. */
    public static long[] strides(List<Long> shape) {
        long[] st = new long[shape.size()];
        long s = 1;
        for (int a = shape.size() - 1; a >= 0; a--) {
            st[a] = s;
            s = Math.multiplyExact(s, shape.get(a));
        }
        return st;
    }

    /** The multi-index of flat index {@code flat}. */
    public static long[] unflatten(long flat, List<Long> shape) {
        long[] ix = new long[shape.size()];
        for (int a = shape.size() - 1; a >= 0; a--) {
            ix[a] = flat % shape.get(a);
            flat /= shape.get(a);
        }
        return ix;
    }

    /** The flat index of a multi-index. */
    public static long flatten(long[] ix, List<Long> shape) {
        long f = 0;
        for (int a = 0; a < shape.size(); a++) {
            f = f * shape.get(a) + ix[a];
        }
        return f;
    }

    /** The shape as text: {@code [8, 4]}. */
    public static String show(List<Long> shape) {
        return shape.toString();
    }
}
