package tc0.compiler.lower;

import java.util.List;
import java.util.Map;
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
        return PortLayout.of(circuit, program).encode(inputSets);
    }

    /** The outputs' codes of pattern {@code pattern} from the evaluated output matrix (one row per output bit). */
    public Map<String, long[]> decode(BitMatrix outputs, int pattern) {
        return PortLayout.of(circuit, program).decode(outputs, pattern);
    }
}
