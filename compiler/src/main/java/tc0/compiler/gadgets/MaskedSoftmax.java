package tc0.compiler.gadgets;

import tc0.circuits.Literal;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Table;
import tc0.compiler.numerics.UnaryFunction;

/**
 * Softmax of a row over the entries whose mask bit is 1, exactly as {@link Fixed#maskedSoftmax}. Where every
 * mask bit is a constant (a causal mask, {@code tril(n)}), it is {@link Softmax#build} on the kept entries and
 * constant 0 elsewhere: no gate reads a masked entry. Where some bit is a variable (an adjacency input), one
 * level more than {@link Softmax}: each entry is first replaced by the smallest code where masked (an AND per
 * bit), then the maximum; the mask enters the exp comparators ({@code x_i - max - K (1 - m_i)}, below the table
 * where masked, K = 1 - 2 lo since a masked {@code x_i - max} reaches {@code -lo}, whose entry there is 0) and the output comparators ({@code + m_i - 1}: a masked entry is 0 even
 * when no entry is kept and the sum is 0).
 */
public final class MaskedSoftmax {
    private MaskedSoftmax() {}

    /** {@code mask[i]}: a literal (possibly {@link Literal#TRUE} or {@link Literal#FALSE}) per entry. */
    public static int[][] build(Net net, int[][] xs, int[] mask, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        int m = xs.length, kept = 0;
        boolean variable = false;
        for (int b : mask) {
            if (b != Literal.FALSE) kept++;
            variable |= Literal.isConstant(b) == false;
        }
        int[][] p = new int[m][];
        if (!variable) {
            int[][] in = new int[kept][];
            for (int i = 0, j = 0; i < m; i++) if (mask[i] == Literal.TRUE) in[j++] = xs[i];
            int[][] q = kept == 0 ? new int[0][] : Softmax.build(net, in, fx, fe, out);
            for (int i = 0, j = 0; i < m; i++) p[i] = mask[i] == Literal.TRUE ? q[j++] : zero(out.width());
            return p;
        }
        int w = fx.width();
        int[][] masked = new int[m][];
        for (int i = 0; i < m; i++) { // mask ? x : minCode (sign bit 1, the rest 0)
            masked[i] = new int[w];
            for (int b = 0; b < w - 1; b++) masked[i][b] = net.and(mask[i], xs[i][b]);
            masked[i][w - 1] = net.or(Literal.not(mask[i]), xs[i][w - 1]);
        }
        int[] mx = MaxArgmax.max(net, masked);
        FixedFormat fd = Fixed.softmaxDiffFormat(fx);
        Table exp = Table.of(UnaryFunction.EXP, fd, fe);
        long lo = fx.minCode() - fx.maxCode();
        long[] values = new long[(int) (-lo) + 2]; // values[0] = 0: the masked entries, below lo
        for (int i = 1; i < values.length; i++) values[i] = exp.at(lo + i - 1);
        long k = 1 - 2 * lo; // a masked x_i - max lies in [lo, -lo] (max over the kept entries only): minus k is below lo
        int[][] e = new int[m][];
        for (int i = 0; i < m; i++) {
            LinearForm d = new LinearForm().addWord(xs[i], 1).addWord(mx, -1).add(mask[i], k).addConstant(-k);
            e[i] = Lookup.build(net, d, lo - 1, values, fe.width());
        }
        long top = Math.min(out.maxCode(), 1L << out.fracBits());
        long[] ramp = new long[(int) top + 1];
        for (int t = 0; t <= top; t++) ramp[t] = t;
        LinearForm f = new LinearForm();
        for (int i = 0; i < m; i++) {
            int[] ge = new int[(int) top + 1];
            for (int t = 1; t <= top; t++) {
                f.clear().addWord(e[i], 1L << (out.fracBits() + 1)).add(mask[i], 1).addConstant(-1);
                for (int j = 0; j < m; j++) f.addWord(e[j], -(2L * t - 1));
                ge[t] = f.atLeast(net, 0);
            }
            p[i] = Lookup.stepBits(net, ge, ramp, out.width());
        }
        return p;
    }

    private static int[] zero(int width) {
        int[] z = new int[width];
        java.util.Arrays.fill(z, Literal.FALSE);
        return z;
    }
}
