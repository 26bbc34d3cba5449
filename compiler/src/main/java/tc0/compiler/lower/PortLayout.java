package tc0.compiler.lower;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc0.circuits.Circuit;
import tc0.circuits.eval.BitMatrix;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.TensorProgram;

/**
 * Where each port of a program sits among a circuit's input (output) bits: its bus's first bit, each element
 * {@link Lowered#width} bits, least significant first. A built circuit's buses say it ({@link #of(Circuit, TensorProgram)});
 * the lowering lays them out in the program's order, one after the other ({@link #packed}), which is what a
 * lowering that keeps no circuit uses.
 */
public record PortLayout(TensorProgram program, Map<String, Integer> inputOffsets, int inputBits,
                         Map<String, Integer> outputOffsets, int outputBits) {

    /** The layout of a built circuit's buses. */
    public static PortLayout of(Circuit c, TensorProgram p) {
        Map<String, Integer> in = new LinkedHashMap<>(), out = new LinkedHashMap<>();
        for (TensorProgram.Port port : p.inputs()) in.put(port.name(), c.inputBus(port.name()).offset());
        for (TensorProgram.Port port : p.outputs()) out.put(port.name(), c.outputBus(port.name()).offset());
        return new PortLayout(p, in, c.inputCount(), out, c.outputCount());
    }

    /** The lowering's own layout: the ports in the program's order, each bus right after the one before. */
    public static PortLayout packed(TensorProgram p) {
        Map<String, Integer> in = new LinkedHashMap<>(), out = new LinkedHashMap<>();
        int inBits = place(p, p.inputs(), in), outBits = place(p, p.outputs(), out);
        return new PortLayout(p, in, inBits, out, outBits);
    }

    private static int place(TensorProgram p, List<TensorProgram.Port> ports, Map<String, Integer> offsets) {
        long at = 0;
        for (TensorProgram.Port port : ports) {
            offsets.put(port.name(), Math.toIntExact(at));
            Node n = p.node(port.node());
            at += n.size() * Lowered.width(n);
        }
        return Math.toIntExact(at);
    }

    /** One column (pattern) per input set: the inputs' codes as input bits. */
    public BitMatrix encode(List<Map<String, long[]>> inputSets) {
        BitMatrix m = new BitMatrix(inputBits, inputSets.size());
        for (int pat = 0; pat < inputSets.size(); pat++) {
            Map<String, long[]> in = inputSets.get(pat);
            for (TensorProgram.Port port : program.inputs()) {
                Node n = program.node(port.node());
                int offset = inputOffsets.get(port.name());
                long[] codes = in.get(port.name());
                if (codes == null) throw new IllegalArgumentException("no value for input '" + port.name() + "'");
                if (codes.length != n.size()) {
                    throw new IllegalArgumentException("input '" + port.name() + "' has " + codes.length + " codes, needs " + n.size());
                }
                int w = Lowered.width(n);
                for (int e = 0; e < codes.length; e++) {
                    for (int b = 0; b < w; b++) m.set(offset + e * w + b, pat, ((codes[e] >> b) & 1) != 0);
                }
            }
        }
        return m;
    }

    /** The outputs' codes of pattern {@code pattern} from the output matrix (one row per output bit). */
    public Map<String, long[]> decode(BitMatrix outputs, int pattern) {
        if (outputs.rows() != outputBits) {
            throw new IllegalArgumentException("the circuit has " + outputBits + " outputs, the matrix " + outputs.rows() + " rows");
        }
        Map<String, long[]> r = new LinkedHashMap<>();
        for (TensorProgram.Port port : program.outputs()) {
            Node n = program.node(port.node());
            int offset = outputOffsets.get(port.name());
            int w = Lowered.width(n);
            long[] codes = new long[Math.toIntExact(n.size())];
            for (int e = 0; e < codes.length; e++) {
                long c = 0;
                for (int b = 0; b < w; b++) if (outputs.get(offset + e * w + b, pattern)) c |= 1L << b;
                if (n.elem() instanceof Elem.Word && w > 1 && w < 64) c = (c << (64 - w)) >> (64 - w); // sign-extend two's complement
                codes[e] = c;
            }
            r.put(port.name(), codes);
        }
        return r;
    }
}
