package tc0.dsl.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SizeExprsTest {
    private static final Pos P = Pos.NONE;

    private static SizeExpr log2(long x) {
        return new SizeExpr.Fn(SizeExpr.SizeFn.LOG2, List.of(new SizeExpr.Lit(x, P)), P);
    }

    @Test
    void log2IsTheCeilingOfTheBinaryLogarithm() {
        assertEquals(0, SizeExprs.eval(log2(1), Map.of()));
        assertEquals(1, SizeExprs.eval(log2(2), Map.of()));
        assertEquals(2, SizeExprs.eval(log2(3), Map.of()));
        assertEquals(3, SizeExprs.eval(log2(8), Map.of()));
        assertEquals(4, SizeExprs.eval(log2(9), Map.of()));
    }

    @Test
    void divisionRoundsDown() {
        SizeExpr e = new SizeExpr.Bin(SizeExpr.SizeOp.DIV, new SizeExpr.Sym("n", P), new SizeExpr.Lit(2, P), P);
        assertEquals(3, SizeExprs.eval(e, Map.of("n", 7L)));
    }

    @Test
    void overflowDivisionByZeroAndUnknownNamesAreErrorsNotWrongNumbers() {
        SizeExpr big = new SizeExpr.Bin(SizeExpr.SizeOp.POW, new SizeExpr.Lit(2, P), new SizeExpr.Lit(64, P), P);
        assertThrows(SizeEvalException.class, () -> SizeExprs.eval(big, Map.of()));
        SizeExpr div = new SizeExpr.Bin(SizeExpr.SizeOp.DIV, new SizeExpr.Lit(1, P), new SizeExpr.Lit(0, P), P);
        assertThrows(SizeEvalException.class, () -> SizeExprs.eval(div, Map.of()));
        assertThrows(SizeEvalException.class, () -> SizeExprs.eval(new SizeExpr.Sym("q", P), Map.of()));
        assertThrows(SizeEvalException.class, () -> SizeExprs.eval(log2(0), Map.of()));
    }

    @Test
    void printingUsesTheFewestParentheses() {
        SizeExpr n = new SizeExpr.Sym("n", P);
        SizeExpr sum = new SizeExpr.Bin(SizeExpr.SizeOp.ADD, n, new SizeExpr.Lit(1, P), P);
        assertEquals("4*(n + 1)", Printer.size(new SizeExpr.Bin(SizeExpr.SizeOp.MUL, new SizeExpr.Lit(4, P), sum, P)));
        assertEquals("n - (n + 1)", Printer.size(new SizeExpr.Bin(SizeExpr.SizeOp.SUB, n, sum, P)));
        assertEquals("(n + 1)^2", Printer.size(new SizeExpr.Bin(SizeExpr.SizeOp.POW, sum, new SizeExpr.Lit(2, P), P)));
    }
}
