package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc0.compiler.count.CountAsserts.assertCounted;
import static tc0.compiler.count.CountAsserts.program;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Counts past 2^63 - 1 are exact: a program of 2^60 identical instances costs exactly 2^60 / k times what k
 * of them cost when built; a number the circuit itself would hold past a long is refused as a
 * {@link CountOverflow} that names where and says the model cannot be built.
 */
class BigCountTest {
    static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** {@code small} scaled by {@code factor}: depth the same, gates, wires and width times factor. */
    static CountedCost times(CountedCost small, BigInteger factor) {
        return new CountedCost(small.depth(), small.gates().multiply(factor), small.wires().multiply(factor), small.width().multiply(factor));
    }

    @Test
    void anElementwiseTableOver2To60ElementsIsCountedExactly() {
        CountedCost small = assertCounted(program("input X: [4, 4, 4]; output Y = exp(X);"));   // 64 elements, built
        CountedCost big = TensorIrToCost.summaryOnly(program("input X: [1048576, 1048576, 1048576]; output Y = exp(X);"), 2);
        assertEquals(times(small, BigInteger.ONE.shiftLeft(60 - 6)), big);
        assertTrue(big.gates().compareTo(LONG_MAX) > 0, "past a long: " + big);
        assertFalse(big.fitsLong());
        assertTrue(big.gatesAbove(Long.MAX_VALUE));
    }

    @Test
    void aMatrixProductWith2To48DotProductsIsCountedExactly() {
        CountedCost one = assertCounted(program("input A: [1, 256]; input B: [256, 1]; output C = A @ B;"));   // one dot product, built
        CountedCost big = TensorIrToCost.summaryOnly(program("input A: [16777216, 256]; input B: [256, 16777216]; output C = A @ B;"), 2);
        assertEquals(times(one, BigInteger.ONE.shiftLeft(48)), big);
        assertTrue(big.wires().compareTo(LONG_MAX) > 0, "past a long: " + big);
    }

    @Test
    void aValueRangePastALongIsRefusedAsUnbuildableNamingWhere() {
        // two 40-bit words: a product's weights reach 2^78 (1L << 64 would wrap to 1 silently); the builder's long weights overflow too
        var p = program("model m() { precision fixed(int: 30, frac: 10); ", "input A: [1, 2]; input B: [2, 1]; output C = A @ B;");
        CountOverflow e = assertThrows(CountOverflow.class, () -> TensorIrToCost.count(p, 2));
        assertTrue(e.getMessage().contains("cannot be built at these parameters"), e.getMessage());
        assertTrue(e.getMessage().contains("exceeds what a long holds"), e.getMessage());
        assertFalse(e.getMessage().contains("Multiply.") || e.getMessage().contains("SumForm."), "a user's one line names no Java method: " + e.getMessage());
        assertTrue(e.getMessage().matches(".* at node \\d+ \\(matmul, region .*"), "names the node and its region: " + e.getMessage());
        assertThrows(ArithmeticException.class, () -> tc0.compiler.lower.TensorIrToCircuit.lower(p, 2, false), "the build overflows as well");
        assertTrue(TensorIrToCost.countWide(p, 2).wide(), "counted for --count-only (the product's sum over exact integers), marked not buildable");
    }

    @Test
    void longFiguresCompareWithABuiltCircuit() {
        CountedCost c = CountedCost.of(3, 10, 40, 6);
        assertTrue(c.fitsLong());
        assertTrue(c.gatesAbove(9));
        assertFalse(c.gatesAbove(10));
        assertTrue(CountedCost.of(3, 9, 40, 7).atMost(c), "width is not compared: a count's width bounds the build's only loosely");
        assertFalse(CountedCost.of(4, 9, 40, 6).atMost(c));
        assertFalse(CountedCost.of(3, 9, 41, 6).atMost(c));
        assertThrows(IllegalArgumentException.class, () -> CountedCost.of(0, -1, 0, 0));
    }
}
