package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.circuits.analysis.Levels;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.interp.InputGenerator;
import tc0.compiler.interp.ReferenceInterpreter;
import tc0.compiler.ir.TensorProgram;

/**
 * The example specs (examples/*.tc0) elaborated, lowered and checked against the reference interpreter bit
 * for bit on edge and random inputs; and their depth the same at n = 4 and n = 8 (depth constant in n).
 * The Hopfield models take about a second; the transformers, tensor attention and Mamba are heavy.
 */
class ExamplesLowerTest {
    static Lowered lower(String name, long n) {
        return TensorIrToCircuit.lower(Specs.example(name, Map.of("n", n)));
    }

    /** Every edge kind (zeros, max, min, alternating), both random kinds, and a few more random seeds. */
    static List<Map<String, long[]>> inputs(TensorProgram p) {
        List<Map<String, long[]>> sets = new ArrayList<>();
        for (InputGenerator.Kind k : InputGenerator.Kind.values()) sets.add(InputGenerator.generate(p, k, 1));
        for (long seed = 2; seed < 8; seed++) sets.add(InputGenerator.generate(p, InputGenerator.Kind.RANDOM, seed));
        return sets;
    }

    static void assertBitExact(Lowered l) {
        TensorProgram p = l.program();
        List<Map<String, long[]>> sets = inputs(p);
        BitMatrix out = new BitParallelEvaluator(1).evaluate(l.circuit(), l.encode(sets));
        for (int pat = 0; pat < sets.size(); pat++) {
            Map<String, long[]> want = ReferenceInterpreter.run(p, sets.get(pat));
            Map<String, long[]> got = l.decode(out, pat);
            assertEquals(want.keySet(), got.keySet());
            for (String o : want.keySet()) assertArrayEquals(want.get(o), got.get(o), "output " + o + ", pattern " + pat);
        }
    }

    /** Lowers the example at n, checks it bit for bit if asked, and returns its depth. */
    static int depth(String name, long n, boolean check) {
        Lowered l = lower(name, n);
        if (check) assertBitExact(l);
        int d = Levels.of(l.circuit()).depth();
        System.out.println(name + " n=" + n + ": " + l.circuit().gateCount() + " gates, " + l.circuit().wireCount() + " wires, depth " + d);
        return d;
    }

    static void bitExactAndDepthConstant(String name) {
        assertEquals(depth(name, 4, true), depth(name, 8, false), name + ": depth at n=4 and n=8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hopfield", "kernelized_hopfield"})
    void hopfieldModelsLowerBitExactWithDepthConstantInN(String name) {
        bitExactAndDepthConstant(name);
    }

    @Tag("heavy")
    @ParameterizedTest
    @ValueSource(strings = {"softmax_transformer", "rope_transformer", "rope_tensor_attention"})
    void attentionModelsLowerBitExactWithDepthConstantInN(String name) {
        bitExactAndDepthConstant(name);
    }

    /** Mamba: layer norms, softplus and SiLU tables, and the scan on log-decays (about 30 s on two cores). */
    @Tag("heavy")
    @org.junit.jupiter.api.Test
    void mambaLowersBitExactWithDepthConstantInN() {
        bitExactAndDepthConstant("mamba");
    }
}
