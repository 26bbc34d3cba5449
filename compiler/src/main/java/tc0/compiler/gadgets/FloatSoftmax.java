package tc0.compiler.gadgets;

/**
 * Softmax of m p-bit floats (a row's kept entries: the lowering leaves a constant mask's excluded entries out and
 * sets them to 0), each step rounded once as {@code FloatRowOps.softmax} states: the max M ({@link FloatMax},
 * exact), {@code x_i - M} ({@link FloatSum} of two), {@link FloatExp}, their sum ({@link FloatSum}, one rounding),
 * each {@code e_i / S} ({@link FloatDivide}). Depth {@code d_max + d_sum + d_exp + d_sum + d_div}, whatever p.
 *
 * <p>The four stages are public so that the lowering can run them as separate steps, in the order {@link #build}
 * runs them (the same gates): a count then meets each entry's {@link #shiftedExp} and {@link #share} as one
 * element alike across entries and rows, and only {@link #max} and {@link #sum} once per row length.
 */
public final class FloatSoftmax {
    private FloatSoftmax() {}

    public static FloatWord[] build(Net net, FloatWord[] xs, int rounds) {
        FloatWord m = max(net, xs);
        FloatWord[] e = new FloatWord[xs.length];
        for (int i = 0; i < xs.length; i++) e[i] = shiftedExp(net, xs[i], m, rounds);
        FloatWord s = sum(net, e, rounds);
        FloatWord[] y = new FloatWord[xs.length];
        for (int i = 0; i < xs.length; i++) y[i] = share(net, e[i], s, rounds);
        return y;
    }

    /** The row's max M (exact). */
    public static FloatWord max(Net net, FloatWord[] xs) {
        return FloatMax.max(net, xs);
    }

    /** {@code exp(x - M)}: the difference rounded once, then the exponential. */
    public static FloatWord shiftedExp(Net net, FloatWord x, FloatWord max, int rounds) {
        return FloatExp.exp(net, FloatSum.build(net, new FloatWord[] {x, FloatConstant.negate(max)}, rounds), rounds);
    }

    /** The sum S of the row's exponentials, rounded once. */
    public static FloatWord sum(Net net, FloatWord[] e, int rounds) {
        return FloatSum.build(net, e, rounds);
    }

    /** An entry's share {@code e_i / S}. */
    public static FloatWord share(Net net, FloatWord e, FloatWord sum, int rounds) {
        return FloatDivide.divide(net, e, sum, rounds);
    }
}
