package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.gadgets.EvaluatingNet;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.TensorProgram;

/**
 * A program's circuit evaluated while lowered ({@link StreamedCircuit}) gives the built circuit's outputs bit for bit:
 * the built circuit is the same gates, structurally equal ones merged and dead ones removed, neither of which changes
 * an output. And streamed verification is not vacuous: one gate's threshold off by one is caught.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class StreamedCircuitTest {
    private static final int ROUNDS = WeightedSum.DEFAULT_ROUNDS;

    /** Random input bits (any pattern, not only codes the generators make) on 150 patterns: three lanes, the last partial. */
    @ParameterizedTest
    @CsvSource({"gin, 4", "softmax_transformer, 4", "rope_transformer, 4", "mamba, 4", "gat, 4", "float/gin, 4"})
    void streamedOutputsEqualTheBuiltCircuitsEvaluator(String example, long n) {
        TensorProgram p = Specs.example(example, Map.of("n", n));
        Lowered built = TensorIrToCircuit.lower(p);
        assertEquals(PortLayout.of(built.circuit(), p), PortLayout.packed(p), "the builder lays the buses out as the program orders them");
        BitMatrix in = BitMatrix.random(built.circuit().inputCount(), 150, 17);
        BitMatrix want = new BitParallelEvaluator(1).evaluate(built.circuit(), in);
        StreamedCircuit.Batch got = StreamedCircuit.evaluate(p, ROUNDS, in);
        assertEquals(want, got.outputs(), example + ": every output bit on every pattern");
        long[] made = {0};
        TensorIrToCircuit.lower(p, ROUNDS, false, gates -> made[0] = gates);
        assertEquals(made[0], got.gates(), example + ": the gates made are the unhashed builder's (before its dead gates go)");
        assertTrue(varies(want), example + ": the outputs vary over the patterns (not a vacuous comparison)");
    }

    @Test
    void aStreamedVerificationOfAFloatModelMatchesTheReference() {
        TensorProgram p = Specs.example("float/rope_transformer", Map.of("n", 4L, "layers", 1L, "d", 2L));
        Verification.Result r = Verification.stream(p, ROUNDS, 70, 5, Verification.EXACT, 64, (done, of, gates) -> { });
        Verification.Match m = assertInstanceOf(Verification.Match.class, r, r.toString());
        assertEquals(74, m.inputs(), "4 edge and 70 random inputs, in two batches");
        assertEquals(List.of(), m.constants());
    }

    /** The gate that computes an output bit gets its threshold raised by one in the streamed path only: verify fails. */
    @ParameterizedTest
    @CsvSource({"gin, 4", "float/gin, 4"})
    void aThresholdOffByOneMakesStreamedVerifyFail(String example, long n) {
        TensorProgram p = Specs.example(example, Map.of("n", n));
        int call = outputGateCall(p);
        Verification.Result r = Verification.stream(p, ROUNDS, 200, 3, Verification.EXACT, 64, (done, of, gates) -> { }, net -> offByOne(net, call));
        Verification.Mismatch m = assertInstanceOf(Verification.Mismatch.class, r, example + ": gate call " + call + " raised by one");
        assertTrue(m.reference() != m.circuit());
        assertInstanceOf(Verification.Match.class, Verification.stream(p, ROUNDS, 200, 3, Verification.EXACT, 64, (done, of, gates) -> { }),
                example + ": unmutated, the same inputs match");
    }

    /** Which gate call (counted from 0) makes the node of the program's first output bit that is a gate. */
    private static int outputGateCall(TensorProgram p) {
        EvaluatingNet net = new EvaluatingNet(1);
        Map<Integer, Integer> madeBy = new HashMap<>();
        int[] calls = {0};
        Net recording = new Net() {
            @Override public int gate(int[] lits, long[] weights, int count, long threshold) {
                int lit = net.gate(lits, weights, count, threshold);
                madeBy.putIfAbsent(Literal.node(lit), calls[0]++);
                return lit;
            }
            @Override public CircuitBuilder.Scope region(String name) { return () -> { }; }
        };
        BitMatrix none = new BitMatrix(PortLayout.packed(p).inputBits(), 1);
        Map<String, int[]> outputs = TensorIrToCircuit.lowerOnto(p, ROUNDS, recording, (name, bits) -> net.input(none, 0, bits));
        int inputs = PortLayout.packed(p).inputBits();
        for (int[] lits : outputs.values()) {
            for (int lit : lits) if (Literal.node(lit) > inputs) return madeBy.get(Literal.node(lit));
        }
        throw new AssertionError("no output bit is a gate");
    }

    /** {@code net} with gate call {@code target} (counted from 0) asking one more than its threshold. */
    private static Net offByOne(Net net, int target) {
        int[] calls = {0};
        return new Net() {
            @Override public int gate(int[] lits, long[] weights, int count, long threshold) {
                return net.gate(lits, weights, count, calls[0]++ == target ? threshold + 1 : threshold);
            }
            @Override public CircuitBuilder.Scope region(String name) { return () -> { }; }
        };
    }

    private static boolean varies(BitMatrix m) {
        for (int r = 0; r < m.rows(); r++) {
            for (int pat = 1; pat < m.patterns(); pat++) if (m.get(r, pat) != m.get(r, 0)) return true;
        }
        return false;
    }
}
