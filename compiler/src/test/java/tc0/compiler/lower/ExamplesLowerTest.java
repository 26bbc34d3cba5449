package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.circuits.analysis.Levels;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.elaborate.ElaborationException;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.testing.BitExact;
import tc0.dsl.Dsl;

/**
 * The example specs (examples/*.tc0) elaborated, lowered and checked against the reference interpreter bit
 * for bit on edge and random inputs: every one at its smallest n by default (n = 1; flowar and var n = 3, where their
 * largest scale, 3 x 3, is no larger than the n x n map it is downsampled from;
 * about 9 s in all on two loaded cores), the sequence and graph models at n = 2 too; and their depth the same at n = 4 and n = 8 (depth constant in
 * n). At n = 4 the Hopfield models take about a second; the transformers, tensor attention and Mamba are heavy.
 */
class ExamplesLowerTest {
    static List<Path> examples() {
        return Specs.exampleFiles();
    }

    /**
     * The smallest n >= 0 at which {@code file} checks and elaborates (the other parameters at their defaults):
     * some refusals need the elaborated shapes (below n = 3 flowar and var would downsample an n x n map to 3 x 3).
     */
    static long smallestN(Path file) throws IOException {
        for (long n = 0; n <= 16; n++) {
            var model = Dsl.check(file, Map.of("n", n)).model();
            if (model.isEmpty()) continue;
            try {
                Elaborator.elaborate(model.get(), Map.of("n", n));
                return n;
            } catch (ElaborationException e) {
                // refused at this n: try the next
            }
        }
        throw new AssertionError(file + " is refused at every n up to 16");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleLowersBitExactAtItsSmallestN(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.tc0$", "");
        long n = smallestN(file);
        assertTrue(n >= 1, name + " accepted at n = " + n);
        assertBitExact(lower(name, n));
    }

    /**
     * At n = 1 a sequence or graph model sees one position or node: RoPE turns by angle 0 (the identity; a
     * sign error in the rotation passed at n = 1), softmax rows and scans have one entry. So at n = 2 as well
     * (about 3.5 s in all).
     */
    @ParameterizedTest
    @ValueSource(strings = {"softmax_transformer", "rope_transformer", "rope_tensor_attention", "mamba", "hopfield",
        "kernelized_hopfield", "gcn", "gin", "gat"})
    void sequenceAndGraphModelsLowerBitExactAtTwoPositions(String name) {
        assertBitExact(lower(name, 2));
    }

    static Lowered lower(String name, long n) {
        return TensorIrToCircuit.lower(Specs.example(name, Map.of("n", n)));
    }

    /** Every edge kind, both random kinds, and a few more random seeds. */
    static List<Map<String, long[]>> inputs(TensorProgram p) {
        return BitExact.edgeAndRandom(p, 7);
    }

    static void assertBitExact(Lowered l) {
        BitExact.assertBitExact(l, inputs(l.program()));
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
