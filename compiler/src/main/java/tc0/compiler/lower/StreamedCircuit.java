package tc0.compiler.lower;

import java.util.Map;
import java.util.function.UnaryOperator;
import tc0.circuits.eval.BitMatrix;
import tc0.compiler.gadgets.EvaluatingNet;
import tc0.compiler.gadgets.Net;
import tc0.compiler.ir.TensorProgram;

/**
 * A program's circuit evaluated while it is lowered, never held: the lowering runs onto an {@link EvaluatingNet},
 * which keeps each gate's value on the batch (a long per 64 patterns) and nothing else. Memory is 8 bytes per gate
 * and 64 patterns (a built circuit takes ~30 bytes a wire besides); each batch lowers the program again.
 */
public final class StreamedCircuit {
    private StreamedCircuit() {}

    /** The output bits of a batch, and the gates the lowering made for it (an unhashed build's, dead ones included). */
    public record Batch(BitMatrix outputs, long gates) {}

    /**
     * The output bits (rows as {@link PortLayout#packed}) of {@code p}'s circuit on {@code inputs}' patterns (rows as
     * {@link PortLayout#packed}; any number of patterns, 64 to a lane).
     */
    public static Batch evaluate(TensorProgram p, int rounds, BitMatrix inputs) {
        return evaluate(p, rounds, inputs, UnaryOperator.identity());
    }

    /** As {@link #evaluate(TensorProgram, int, BitMatrix)}, the gates going through {@code wrap}'s net (a test's planted fault). */
    public static Batch evaluate(TensorProgram p, int rounds, BitMatrix inputs, UnaryOperator<Net> wrap) {
        PortLayout layout = PortLayout.packed(p);
        if (inputs.rows() != layout.inputBits()) {
            throw new IllegalArgumentException("the program has " + layout.inputBits() + " input bits, the matrix " + inputs.rows() + " rows");
        }
        EvaluatingNet net = new EvaluatingNet(inputs.wordsPerRow());
        int[] next = {0};
        Map<String, int[]> outputs = TensorIrToCircuit.lowerOnto(p, rounds, wrap.apply(net), (name, bits) -> {
            int[] lits = net.input(inputs, next[0], bits);
            next[0] += bits;
            return lits;
        });
        BitMatrix out = new BitMatrix(layout.outputBits(), inputs.patterns());
        outputs.forEach((name, lits) -> {
            int offset = layout.outputOffsets().get(name);
            for (int i = 0; i < lits.length; i++) {
                for (int l = 0; l < net.lanes(); l++) out.setWord(offset + i, l, net.value(lits[i], l));
            }
        });
        return new Batch(out, net.gates());
    }
}
