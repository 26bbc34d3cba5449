package tc0.compiler.interp;

import java.util.Map;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.TensorProgram;

/** Validation of input codes against a program's inputs. */
final class Inputs {
    private Inputs() {}

    /** Every input given, none unknown, lengths right, codes in range (bits 0 or 1, floats valid codes). */
    static void check(TensorProgram p, Map<String, long[]> inputs) {
        for (String name : inputs.keySet()) {
            if (p.inputs().stream().noneMatch(i -> i.name().equals(name))) {
                throw new IllegalArgumentException("'" + name + "' is not an input of " + p.model());
            }
        }
        for (TensorProgram.Port in : p.inputs()) {
            long[] codes = inputs.get(in.name());
            Node n = p.node(in.node());
            if (codes == null) throw new IllegalArgumentException("no value for input '" + in.name() + "'");
            if (codes.length != n.size()) {
                throw new IllegalArgumentException("input '" + in.name() + "' has " + codes.length + " codes; shape "
                        + n.shape() + " needs " + n.size());
            }
            for (long c : codes) {
                if (n.elem() instanceof Elem.Float f) {
                    tc0.compiler.numerics.FloatCodes.of(f.format(), c); // refuses a code that is not a float
                    continue;
                }
                boolean ok = n.elem() instanceof Elem.Bit ? c == 0 || c == 1 : n.elem().asFixed().contains(c);
                if (!ok) throw new IllegalArgumentException("input '" + in.name() + "' has code " + c + " outside " + n.elem());
            }
        }
    }
}
