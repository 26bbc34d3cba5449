package tc0.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tc0.dsl.ast.Metric;
import tc0.dsl.ast.Printer;
import tc0.dsl.ast.Program;
import tc0.dsl.ast.SizeExprs;
import tc0.dsl.ast.Stmt;
import tc0.dsl.ast.StripPositions;

/** The example specs: all check, cite their paper, assert constant depth and polynomial size, and round-trip. */
class ExamplesTest {
    static Stream<Path> examples() {
        return TestFiles.examples().stream();
    }

    @Test
    void everyFamilyHasItsExampleSpec() {
        Set<String> names = Set.copyOf(TestFiles.examples().stream().map(p -> p.getFileName().toString()).toList());
        for (String f : List.of("softmax_transformer", "rope_transformer", "rope_tensor_attention", "mamba", "hopfield",
                "kernelized_hopfield", "gcn", "gin", "gat", "var", "flowar")) {
            assertTrue(names.contains(f + ".tc0"), "missing example " + f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleParsesAndChecks(Path file) throws Exception {
        CheckResult r = Dsl.check(file);
        assertTrue(r.ok(), r.render());
        assertFalse(r.orElseThrow().parameterValues().isEmpty(), "defaults give every parameter a value");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleCitesItsPaperAndAssertsDepthFreeOfNAndSizeOfN(Path file) throws Exception {
        assertTrue(TestFiles.read(file).matches("(?s)^//.*arXiv \\d{4}\\.\\d{5}.*"), "no arXiv citation in the header");
        CheckedModel m = Dsl.check(file).orElseThrow();
        Stmt.Assert depth = m.asserts().stream().filter(a -> a.metric() == Metric.DEPTH).findFirst().orElseThrow();
        Stmt.Assert size = m.asserts().stream().filter(a -> a.metric() == Metric.SIZE).findFirst().orElseThrow();
        assertFalse(SizeExprs.names(depth.bound()).contains("n"), "depth bound mentions n");
        assertTrue(SizeExprs.names(size.bound()).contains("n"), "size bound is not a function of n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void printingAnExampleAndParsingItAgainGivesTheSameTree(Path file) {
        assertRoundTrip(TestFiles.read(file));
    }

    @Test
    void contrastSpecsCheckRoundTripAndClaimNoConstantDepth() throws Exception {
        List<Path> contrast;
        try (Stream<Path> s = java.nio.file.Files.list(TestFiles.examplesDir().resolve("contrast"))) {
            contrast = s.filter(p -> p.toString().endsWith(".tc0")).sorted().toList();
        }
        assertFalse(contrast.isEmpty(), "no contrast specs in examples/contrast");
        for (Path file : contrast) {
            CheckResult r = Dsl.check(file);
            assertTrue(r.ok(), r.render());
            assertTrue(r.orElseThrow().asserts().stream().noneMatch(a -> a.metric() == Metric.DEPTH),
                    file + ": a contrast spec's depth grows with n; it must not assert a depth bound");
            assertRoundTrip(TestFiles.read(file));
        }
    }

    @Test
    void printingThePreludeAndParsingItAgainGivesTheSameTree() {
        assertRoundTrip(Prelude.get().source());
    }

    @Test
    void thePreludeDefinesTheBlocksTheFamiliesNeed() {
        assertTrue(Prelude.get().functions().keySet().containsAll(List.of("attention", "multi_head_attention", "mlp",
                "layer_norm", "hopfield_update", "kernelized_hopfield_update", "mamba_block", "gcn_layer", "gin_layer",
                "var_transformer", "var_cache", "vq_decoder", "flowar_flow", "flowar_flow_step", "readout_mlp",
                "rope_attention", "tensor_attention", "rope_tensor_attention")));
    }

    /** Mamba's blocks as Def. 3.24 of arXiv 2412.06148 names them: each function's gates are a region of its name. */
    @Test
    void thePreludeNamesMambasBlocksAfterThePaper() {
        assertTrue(Prelude.get().functions().keySet().containsAll(List.of("in_proj", "conv1d", "selection",
                "discretisation", "scan", "gate", "out_proj")));
    }

    private static void assertRoundTrip(String source) {
        Program first = parse(source);
        String printed = Printer.program(first);
        Program second = parse(printed);
        assertEquals(StripPositions.program(first), StripPositions.program(second), printed);
        assertEquals(printed, Printer.program(second), "printing is idempotent");
    }

    private static Program parse(String source) {
        Diagnostics d = new Diagnostics("x.tc0");
        Program p = Dsl.parse(source, d).orElseThrow(() -> new AssertionError(d.sorted()));
        assertFalse(d.hasErrors(), d.sorted().toString());
        return p;
    }
}
