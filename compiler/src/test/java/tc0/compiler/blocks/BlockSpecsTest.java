package tc0.compiler.blocks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tc0.circuits.analysis.Levels;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.testing.BitExact;
import tc0.compiler.lower.Lowered;
import tc0.compiler.lower.TensorIrToCircuit;
import tc0.dsl.CheckedModel;
import tc0.dsl.ast.Metric;
import tc0.dsl.ast.Stmt;

/**
 * The block specs (examples/blocks/*.tc0), one per building block the papers' proofs compose: each checks, cites
 * its paper and lemma, lowers at its default n bit for bit equal to the reference interpreter on edge and random
 * inputs, and meets its asserted depth and size bounds, which are tight (at most 1.25x what is built).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BlockSpecsTest {
    static Path blocks() {
        return Specs.examples().resolve("blocks");
    }

    static List<Path> blockFiles() {
        try (Stream<Path> s = Files.list(blocks())) {
            return s.filter(f -> f.toString().endsWith(".tc0")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyBlockThePapersComposeHasItsSpec() {
        Set<String> names = blockFiles().stream().map(p -> p.getFileName().toString().replace(".tc0", ""))
                .collect(Collectors.toSet());
        for (String b : List.of("matmul", "hadamard", "softmax", "attention_head", "rope", "layer_norm", "mlp", "silu",
                "softplus", "log", "exp", "sqrt", "division", "conv1d", "discretisation", "selective_scan", "selection",
                "gcn_aggregation", "pooling", "up_interpolation", "down_interpolation", "flow_step")) {
            assertTrue(names.contains(b), "missing block spec " + b);
        }
    }

    /** Two edge kinds and two random seeds: enough to catch a wrong gadget, cheap enough for every block. */
    static List<Map<String, long[]>> inputs(TensorProgram p) {
        return BitExact.edgeAndRandom(p, 3);
    }

    static long bound(CheckedModel m, Metric metric) {
        Stmt.Assert a = m.asserts().stream().filter(s -> s.metric() == metric).findFirst()
                .orElseThrow(() -> new AssertionError("no assert " + metric));
        return CheckedModel.eval(a.bound(), m.parameterValues());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockFiles")
    void lowersBitExactAtItsDefaultNWithinItsTightBounds(Path file) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.matches("(?s)^// BLOCK .*arXiv \\d{4}\\.\\d{5}.*"), "no BLOCK line or arXiv citation in the header");
        assertTrue(text.matches("(?s).*(Lemma|Thm|lemma).*"), "the header names no lemma");
        CheckedModel m = Specs.check(file, Map.of());
        TensorProgram p = Elaborator.elaborate(m, m.parameterValues());
        Lowered l = TensorIrToCircuit.lower(p);
        BitExact.assertBitExact(l, inputs(p));
        long depth = Levels.of(l.circuit()).depth();
        long gates = l.circuit().gateCount();
        long depthBound = bound(m, Metric.DEPTH);
        long sizeBound = bound(m, Metric.SIZE);
        String figures = " (built: depth " + depth + ", " + gates + " gates; asserted depth <= " + depthBound + ", size <= " + sizeBound + ")";
        assertTrue(depth <= depthBound, "depth above its bound" + figures);
        assertTrue(gates <= sizeBound, "size above its bound" + figures);
        assertTrue(depthBound <= depth * 5 / 4 + 1, "depth bound looser than 1.25x: tighten it" + figures);
        assertTrue(sizeBound <= gates * 5 / 4, "size bound looser than 1.25x: tighten it" + figures);
        assertFalse(m.asserts().stream().filter(a -> a.metric() == Metric.DEPTH)
                .anyMatch(a -> tc0.dsl.ast.SizeExprs.names(a.bound()).contains("n")), "depth bound mentions n");
    }
}
