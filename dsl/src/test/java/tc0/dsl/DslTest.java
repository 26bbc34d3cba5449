package tc0.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tc0.dsl.ast.Printer;
import tc0.dsl.ast.Stmt;
import tc0.dsl.check.Binding;
import tc0.dsl.check.Type;

/** The public entry point and what a checked model offers an elaborator. */
class DslTest {
    private static final String SMALL = """
            model small(n, d = n, layers = 2) {
                precision fixed(int: 4, frac: log2(n) + 4);
                input X: [n, d];
                input A: [n, n] bit;
                weight W: [d, 2*d] = random(seed: 7);
                let H = A @ X;
                for l in 0 .. layers {
                    let G: [n, 2*d] = H @ W;
                    H = H + G[:, 0:d];
                }
                output Y = H;
                assert depth <= 10 * layers + 4;
                assert size <= 64 * n^4;
            }
            """;

    @Test
    void aModelWithoutDefaultsChecksSymbolicallyAndHasNoConcreteValues() {
        CheckResult r = Dsl.check(SMALL, "small.tc0");
        assertTrue(r.ok(), r.render());
        CheckedModel m = r.orElseThrow();
        assertEquals("small", m.name());
        assertEquals(List.of("n", "d", "layers"), m.params().stream().map(p -> p.name()).toList());
        assertTrue(m.parameterValues().isEmpty());
        assertEquals("log2(n) + 4", Printer.size(((tc0.dsl.ast.Stmt.Precision.Fixed) m.precision()).fracBits()));
        assertEquals(2, m.asserts().size());
        assertEquals(List.of("X", "A"), m.inputs().stream().map(Stmt.Input::name).toList());
    }

    @Test
    void theRetiredNameScanIsThePreludesMambaScanBlock() {
        String spec = """
                fn scan(A: [m, k], B: [m, k]) -> [m, k] {
                    return scanexp(-(A * A), B);
                }
                model m(n = 4) {
                    precision fixed(int: 4, frac: 4);
                    input A: [n, 2];
                    input B: [n, 2];
                    output Y = scan(A, B);
                }
                """;
        CheckResult r = Dsl.check(spec, "own_scan.tc0");
        assertFalse(r.ok());
        assertTrue(r.render().contains("function 'scan' is already defined in the prelude"), r.render());
    }

    @Test
    void aSizeBoundPastSixtyFourBitsHoldsTriviallyButAShapePastThemIsAnError() {
        String spec = """
                model big(n = 4) {
                    precision fixed(int: 4, frac: 4);
                    input X: [n, 2];
                    output Y = X;
                    assert size <= 100000 * n^4;
                }
                """;
        CheckResult bound = Dsl.check(spec, "big.tc0", Map.of("n", 4096L));
        assertTrue(bound.ok(), bound.render());
        CheckResult shape = Dsl.check(spec.replace("[n, 2]", "[n^6, 2]"), "big.tc0", Map.of("n", 4096L));
        assertFalse(shape.ok());
        assertTrue(shape.render().contains("overflows 64-bit integers"), shape.render());
    }

    @Test
    void givenValuesCompleteTheParametersAndGiveConcreteShapes() {
        CheckedModel m = Dsl.check(SMALL, "small.tc0", Map.of("n", 8L)).orElseThrow();
        assertEquals(Map.of("n", 8L, "d", 8L, "layers", 2L), m.parameterValues());
        Binding g = m.bindings().stream().filter(b -> b.name().equals("G")).findFirst().orElseThrow();
        assertEquals("model/for l", g.scope());
        assertEquals("[n, 2*d]", g.type().toString());
        assertEquals(List.of(List.of(8L, 16L)), m.concreteShapes(g));
        assertEquals(Map.of("n", 3L, "d", 5L, "layers", 2L), m.resolveParameters(Map.of("n", 3L, "d", 5L)));
        assertThrows(IllegalArgumentException.class, () -> m.resolveParameters(Map.of("q", 1L)));
    }

    @Test
    void aLoopVariableInAShapeGivesOneConcreteShapePerIteration() throws Exception {
        CheckedModel m = Dsl.check(TestFiles.examplesDir().resolve("flowar.tc0")).orElseThrow();
        Binding c = m.bindings().stream().filter(b -> b.name().equals("Ck")).findFirst().orElseThrow();
        assertEquals("[k*k, c]", ((Type.Tensor) c.type()).shape().toString());
        assertEquals(List.of(List.of(4L, 2L), List.of(9L, 2L)), m.concreteShapes(c));
    }

    @Test
    void valuesThatBreakThePrecisionArePositionedErrors() {
        CheckResult r = Dsl.check(SMALL.replace("log2(n) + 4", "log2(n) - 3"), "small.tc0", Map.of("n", 4L));
        assertEquals(List.of("small.tc0:2:43: precision frac: log2(n) - 3 is -1 (n = 4); it must be at least 1"),
                r.diagnostics().stream().map(Diagnostic::headline).toList());
    }

    @Test
    void aValueForAnUnknownParameterIsAnError() {
        CheckResult r = Dsl.check(SMALL, "small.tc0", Map.of("q", 4L));
        assertFalse(r.ok());
        assertTrue(r.diagnostics().getFirst().message().contains("'q'"));
    }

    @Test
    void renderShowsTheLineAndACaretUnderTheColumn() {
        CheckResult r = Dsl.check(SMALL.replace("H @ W", "H @ Wk"), "small.tc0");
        assertEquals("""
                small.tc0:8:31: unknown name 'Wk'
                        let G: [n, 2*d] = H @ Wk;
                                              ^""", r.render());
    }

    @Test
    void weightsInsideFunctionsAndLoopsAreListedWithTheirScope() {
        String src = """
                fn proj(X: [m, k]) -> [m, k] {
                    weight P: [k, k] = random(seed: 1);
                    return X @ P;
                }
                model w(n = 2) {
                    precision fixed(int: 2, frac: 2);
                    input X: [n, n];
                    let H = X;
                    for l in 0 .. 2 {
                        weight V: [n, n] = load("v.npy");
                        H = proj(H) @ V;
                    }
                    output H;
                }
                """;
        CheckedModel m = Dsl.check(src, "w.tc0").orElseThrow();
        assertEquals(List.of("fn proj:P", "model/for l:V"), m.weights().stream().map(b -> b.scope() + ":" + b.name()).toList());
        assertEquals(1, m.outputs().size());
    }

    @Test
    void anEmptyOrGarbageInputIsAPositionedErrorNotAnException() {
        assertEquals("e.tc0:1:1: no model in this file; a spec holds one 'model name(params) { ... }'",
                Dsl.check("", "e.tc0").diagnostics().getFirst().headline());
        assertFalse(Dsl.check("\u0000\u00ff((((", "g.tc0").ok());
        assertFalse(Dsl.check("model m() {".repeat(3000), "deep.tc0").ok());
        assertFalse(Dsl.check("model m() { let x = " + "(".repeat(20000) + "1" + ")".repeat(20000) + "; }", "deep.tc0").ok());
    }
}
