package tc0.compiler.lower;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.eval.BitMatrix;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.TensorProgram;

/**
 * A circuit lowered from a program. Each input (output) of the program is the bus of its name: its
 * elements in row-major order, each element {@link #width(Node) width} bits, least significant first, two's
 * complement (one bit per element for {@code bit} tensors; a p-bit float's packed word, {@code FloatCodes}).
 */
public record Lowered(Circuit circuit, TensorProgram program) {

    /** Bits per element of a node: 1 for bits, the format's width for words. */
    public static int width(Node n) {
        return switch (n.elem()) {
            case Elem.Bit b -> 1;
            case Elem.Float f -> f.format().p() + f.format().q() + 1;
            case Elem.Word w -> w.format().width();
        };
    }

    /** One column (pattern) per input set: the inputs' codes as the circuit's input bits. */
    public BitMatrix encode(List<Map<String, long[]>> inputSets) {
        BitMatrix m = new BitMatrix(circuit.inputCount(), inputSets.size());
        for (int pat = 0; pat < inputSets.size(); pat++) {
            Map<String, long[]> in = inputSets.get(pat);
            for (TensorProgram.Port port : program.inputs()) {
                Node n = program.node(port.node());
                Bus bus = circuit.inputBus(port.name());
                long[] codes = in.get(port.name());
                if (codes == null) throw new IllegalArgumentException("no value for input '" + port.name() + "'");
                if (codes.length != n.size()) {
                    throw new IllegalArgumentException("input '" + port.name() + "' has " + codes.length + " codes, needs " + n.size());
                }
                int w = width(n);
                for (int e = 0; e < codes.length; e++) {
                    for (int b = 0; b < w; b++) m.set(bus.offset() + e * w + b, pat, ((codes[e] >> b) & 1) != 0);
                }
            }
        }
        return m;
    }

    /** The outputs' codes of pattern {@code pattern} from the evaluated output matrix (one row per output bit). */
    public Map<String, long[]> decode(BitMatrix outputs, int pattern) {
        if (outputs.rows() != circuit.outputCount()) {
            throw new IllegalArgumentException("the circuit has " + circuit.outputCount() + " outputs, the matrix " + outputs.rows() + " rows");
        }
        Map<String, long[]> r = new LinkedHashMap<>();
        for (TensorProgram.Port port : program.outputs()) {
            Node n = program.node(port.node());
            Bus bus = circuit.outputBus(port.name());
            int w = width(n);
            long[] codes = new long[Math.toIntExact(n.size())];
            for (int e = 0; e < codes.length; e++) {
                long c = 0;
                for (int b = 0; b < w; b++) if (outputs.get(bus.offset() + e * w + b, pattern)) c |= 1L << b;
                if (n.elem() instanceof Elem.Word && w > 1 && w < 64) c = (c << (64 - w)) >> (64 - w); // sign-extend two's complement
                codes[e] = c;
            }
            r.put(port.name(), codes);
        }
        return r;
    }
}
