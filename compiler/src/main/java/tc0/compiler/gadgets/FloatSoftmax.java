package tc0.compiler.gadgets;

/**
 * Softmax of m p-bit floats (a row's kept entries: the lowering leaves a constant mask's excluded entries out and
 * sets them to 0), each step rounded once as {@code FloatRowOps.softmax} states: the max M ({@link FloatMax},
 * exact), {@code x_i - M} ({@link FloatSum} of two), {@link FloatExp}, their sum ({@link FloatSum}, one rounding),
 * each {@code e_i / S} ({@link FloatDivide}). Depth {@code d_max + d_sum + d_exp + d_sum + d_div}, whatever p.
 */
public final class FloatSoftmax {
    private FloatSoftmax() {}

    public static FloatWord[] build(Net net, FloatWord[] xs, int rounds) {
        FloatWord m = FloatConstant.negate(FloatMax.max(net, xs));
        FloatWord[] e = new FloatWord[xs.length];
        for (int i = 0; i < xs.length; i++) e[i] = FloatExp.exp(net, FloatSum.build(net, new FloatWord[] {xs[i], m}, rounds), rounds);
        FloatWord s = FloatSum.build(net, e, rounds);
        FloatWord[] y = new FloatWord[xs.length];
        for (int i = 0; i < xs.length; i++) y[i] = FloatDivide.divide(net, e[i], s, rounds);
        return y;
    }
}
