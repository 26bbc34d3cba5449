package tc0.compiler.elaborate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.compiler.interp.ReferenceInterpreter;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.TensorIrToCircuit;
import tc0.compiler.testing.BitExact;

/**
 * concat over a loop: the pieces joined in order (the loop over column slices gives back the whole), each
 * iteration's function call with weights of its own, the joining wiring only (no gate more than the pieces).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcatLoopTest {
    private static final String HEADS = """
            fn head(X: [m, k], w: int) -> [m, w] {
                weight W: [k, w] = random(seed: 5);
                return X @ W;
            }
            model m(n = 3, d = 4, heads = 3, w = 2) {
                precision fixed(int: 4, frac: 3);
                input X: [n, d];
                output Y = concat(for h in 0 .. heads { head(X, w) }, axis: 1);
            }
            """;

    private static TensorProgram program(String body) {
        return Specs.elaborate("model m() { precision fixed(int: 4, frac: 4); " + body + " }");
    }

    @Test
    void theSlicesOfAMatrixJoinedBackAreTheMatrix() {
        TensorProgram loop = program("input X: [3, 4]; output Y = concat(for h in 0 .. 2 { X[:, 2*h : 2*h + 2] * 2 }, axis: 1);");
        TensorProgram whole = program("input X: [3, 4]; output Y = X * 2;");
        SplittableRandom r = new SplittableRandom(3);
        for (int s = 0; s < 100; s++) {
            long[] x = new long[12];
            for (int i = 0; i < x.length; i++) x[i] = r.nextLong(-128, 128);
            assertArrayEquals(ReferenceInterpreter.run(whole, Map.of("X", x)).get("Y"), ReferenceInterpreter.run(loop, Map.of("X", x)).get("Y"));
        }
        Circuit a = TensorIrToCircuit.lower(loop).circuit(), b = TensorIrToCircuit.lower(whole).circuit();
        assertEquals(b.gateCount(), a.gateCount(), "joining adds no gate");
    }

    @Test
    void eachHeadHasItsOwnWeightsAndTheCircuitIsTheReference() {
        TensorProgram p = Specs.elaborate(HEADS);
        List<Node> weights = p.nodes().stream().filter(n -> n.op() instanceof Op.Constant).toList();
        assertEquals(List.of("h[0]/head/W", "h[1]/head/W", "h[2]/head/W"), weights.stream().map(n -> ((Op.Constant) n.op()).name()).toList());
        assertFalse(java.util.Arrays.equals(((Op.Constant) weights.get(0).op()).codes(), ((Op.Constant) weights.get(1).op()).codes()),
                "two heads drew the same weights");
        assertEquals(List.of(3L, 6L), p.node(p.outputs().getFirst().node()).shape());
        BitExact.assertBitExact(TensorIrToCircuit.lower(p), BitExact.edgeAndRandom(p, 30));
        tc0.compiler.count.CountedCost built = tc0.compiler.count.CountedCost.of(
                tc0.circuits.analysis.CircuitStats.of(TensorIrToCircuit.lower(p, 2, false).circuit()));
        assertEquals(built, tc0.compiler.count.TensorIrToCost.summaryOnly(p, 2), "counted as built");
    }
}
