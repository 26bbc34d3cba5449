package tc0.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Map;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.interp.ReferenceInterpreter;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.Lowered;
import tc0.compiler.lower.TensorIrToCircuit;

/**
 * Checks a tiny model against codes worked out by hand: the exact reference interpreter and the lowered
 * circuit must both give them, so a wrong definition cannot hide behind the circuit agreeing with it.
 */
public final class ByHand {
    private ByHand() {}

    /** The model {@code m() { precision P; body }} on {@code inputs}: output {@code Y} is {@code expected}. */
    public static void assertY(String precision, String body, Map<String, long[]> inputs, long[] expected) {
        TensorProgram p = Specs.elaborate("model m() { precision " + precision + "; " + body + " }");
        assertArrayEquals(expected, ReferenceInterpreter.run(p, inputs).get("Y"), "reference interpreter");
        Lowered l = TensorIrToCircuit.lower(p);
        BitMatrix out = new BitParallelEvaluator(1).evaluate(l.circuit(), l.encode(List.of(inputs)));
        assertArrayEquals(expected, l.decode(out, 0).get("Y"), "lowered circuit");
    }
}
