package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static tc0.compiler.count.CountAsserts.assertCounted;
import static tc0.compiler.count.CountAsserts.program;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.ir.TensorProgram;

/** Counted = built (without hashing; hashed no larger) for scanexp: operands of every kind, several lengths and widths, and mamba. */
class ScanCountTest {
    private static final String P5 = "model m() { precision fixed(int: 5, frac: 4); ";
    private static final String P3 = "model m() { precision fixed(int: 3, frac: 2); ";

    @ParameterizedTest(name = "[{0}, {1}]")
    @CsvSource({"1, 1", "2, 1", "3, 2", "5, 1", "8, 2"})
    void inputs(int m, int k) {
        assertCounted(program("input Z: [" + m + ", " + k + "]; input B: [" + m + ", " + k + "]; output H = scanexp(Z, B);"));
    }

    @Test
    void otherWidths() {
        assertCounted(program(P5, "input Z: [4, 2]; input B: [4, 2]; output H = scanexp(Z, B);"));
        assertCounted(program(P3, "input Z: [6, 1]; input B: [6, 1]; output H = scanexp(Z, B);"));
    }

    @Test
    void computedOperands() {
        // z computed row by row: its row 0, never read, is not counted (UnreadRows) as the builder drops it.
        assertCounted(program("input X: [5, 2]; input Y: [5, 2]; output H = scanexp(-(relu(X) * 0.5), Y * Y + X);"));
        assertCounted(program(P5, "input D: [4, 2]; weight A: [1, 4] = random(seed: 3); input U: [4, 2];"
                + " output H = scanexp(-(rowkron(softplus(D), ones([4, 2])) * exp(A)), rowkron(U, D));"));
        // The one-row line reads no z: its computation is not counted at all.
        assertCounted(program("input X: [1, 3]; input B: [1, 3]; output H = scanexp(relu(X) - 1, B);"));
    }

    @Test
    void constantOperands() {
        assertCounted(program("weight Z: [4, 2] = random(seed: 5); input B: [4, 2]; output H = scanexp(Z, B);"));
        assertCounted(program("input Z: [4, 2]; weight B: [4, 2] = random(seed: 6); output H = scanexp(Z, B);"));
        assertCounted(program("input Z: [4, 2]; output H = scanexp(Z, zeros([4, 2])); output G = scanexp(zeros([4, 2]), Z);"));
        assertCounted(program("input Z: [3, 2]; output H = scanexp(Z, ones([3, 2]));"));
    }

    @Test
    void linesOfMixedClasses() {
        assertCounted(program("input Z: [3, 2]; weight W: [2, 2] = random(seed: 7); input B: [5, 2];"
                + " output H = scanexp(concat(Z, W, axis: 0), B);"));
        assertCounted(program("input Z: [5, 2]; input B: [2, 2]; output H = scanexp(Z, concat(ones([3, 2]), B, axis: 0));"));
        assertCounted(program("input X: [4, 2]; output H = scanexp(X, X);")); // one node as both: the gadget runs
    }

    @Test
    void zNotComputedRowByRowIsRefusedByTheSummary() {
        // A matmul's row 0 is dead in the build but counted by the matmul: the summary says it cannot count it.
        TensorProgram p = program("input X: [4, 2]; weight W: [2, 2] = random(seed: 8); input B: [4, 2]; output H = scanexp(X @ W, B);");
        assertThrows(UnsupportedOperationException.class, () -> TensorIrToCost.summaryOnly(p, 2));
        assertEquals(CountAsserts.built(p, 2, false), TensorIrToCost.count(p, 2)); // small: built instead
    }

    @Test
    void mambaAtTheSmallestSize() {
        Map<String, Long> params = Map.of("n", 4L, "d", 2L, "state", 1L, "layers", 1L);
        assertCounted(Elaborator.elaborate(Specs.check(Specs.examples().resolve("mamba.tc0"), params), params));
    }
}
