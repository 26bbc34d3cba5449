package tc0.compiler.lower;

import tc0.compiler.gadgets.Net;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.FixedFormat;

/** One resampling node lowered ({@code upsample}, {@code downsample}): {@link TensorIrToCircuit}'s words in, a division per stencil out. */
final class ResampleLowering {
    private final TensorIrToCircuit at;
    private final TensorProgram p;
    private final Net net;
    private final int rounds;

    ResampleLowering(TensorIrToCircuit at, TensorProgram p, Net net, int rounds) {
        this.at = at;
        this.p = p;
        this.net = net;
        this.rounds = rounds;
    }

    /**
     * Upsample and downsample, as {@code ReferenceInterpreter.resample}: every element by {@link ResampleElements}
     * (the stencil's exact sum, separable where both axes have two taps, divided once), row-major.
     */
    int[][] lower(Node n, int operand, Op.Interpolation mode, FixedFormat out) {
        ResampleElements e = new ResampleElements(net, rounds, n, p.node(operand), mode, at.fmt(operand), out, i -> at.word(operand, i));
        long rows = n.dim(0), ch = n.rank() == 3 ? n.dim(2) : 1;
        int cols = Math.toIntExact(n.dim(1));
        int[][] r = new int[Math.toIntExact(n.size())][];
        int f = 0;
        for (long y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                for (long c = 0; c < ch; c++) r[f++] = e.element(y, x, c);
            }
        }
        return r;
    }
}
