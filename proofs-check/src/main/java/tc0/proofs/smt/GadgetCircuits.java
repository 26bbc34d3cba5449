package tc0.proofs.smt;

import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.compiler.gadgets.Net;

/** Builds one gadget into a circuit of its own: input buses x0, x1, ..., output buses y0, y1, .... */
final class GadgetCircuits {
    private GadgetCircuits() {}

    /** The gadget: its output words from its input words. */
    @FunctionalInterface
    interface Body {
        int[][] build(Net net, int[][] inputs);
    }

    /** A circuit with input words of the given widths, built with structural hashing as the compiler builds. */
    static Circuit of(int[] inputWidths, Body body) {
        CircuitBuilder b = new CircuitBuilder();
        int[][] in = new int[inputWidths.length][];
        for (int i = 0; i < in.length; i++) in[i] = b.inputBus("x" + i, inputWidths[i]);
        int[][] out = body.build(Net.of(b), in);
        for (int i = 0; i < out.length; i++) b.outputBus("y" + i, out[i]);
        return b.build();
    }

    static int[] widths(int count, int width) {
        int[] w = new int[count];
        java.util.Arrays.fill(w, width);
        return w;
    }
}
