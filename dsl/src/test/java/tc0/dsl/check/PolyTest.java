package tc0.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import tc0.dsl.Diagnostics;
import tc0.dsl.ast.Expr;
import tc0.dsl.ast.SizeExpr;
import tc0.dsl.ast.SizeExprs;
import tc0.dsl.ast.Stmt;

class PolyTest {
    private static Poly poly(String size) {
        Diagnostics d = new Diagnostics("t");
        String src = "model m(n, d, s) { let x = " + size + "; }";
        Stmt.Let let = (Stmt.Let) tc0.dsl.Dsl.parse(src, d).orElseThrow().model().orElseThrow().body().getFirst();
        SizeExpr e = SizeExprs.fromExpr(let.value(), (Expr bad, String why) -> {
            throw new AssertionError(why);
        });
        return Poly.of(e);
    }

    @Test
    void twoNEqualsNPlusN() {
        assertEquals(poly("2*n"), poly("n + n"));
    }

    @Test
    void fourDDiffersFromD() {
        assertNotEquals(poly("4*d"), poly("d"));
    }

    @Test
    void productsExpandAndCommute() {
        assertEquals(poly("(n + 1)^2"), poly("n*n + 2*n + 1"));
        assertEquals(poly("n*(d + 1)"), poly("d*n + n"));
    }

    @Test
    void exactDivisionByAConstantCancels() {
        assertEquals(poly("(2*n)/2"), poly("n"));
        assertNotEquals(poly("n/2"), poly("n"));
    }

    @Test
    void logsAndSymbolicPowersAreOpaqueButCompareByTheirArguments() {
        assertEquals(poly("log2(n + n)"), poly("log2(2*n)"));
        assertNotEquals(poly("log2(n)"), poly("n"));
        assertEquals(poly("2^s * 2^s"), poly("(2^s)^2"));
        assertNotEquals(poly("2^s * 2^s"), poly("4^s"));
    }

    @Test
    void constantsFold() {
        assertEquals(Poly.constant(3), poly("log2(8)"));
        assertEquals(Poly.constant(16), poly("2^4"));
        assertEquals(Poly.constant(4), poly("max(3, 4)"));
        assertEquals(poly("n"), poly("min(n, n)"));
    }

    @Test
    void theNormalFormPrintsReadably() {
        assertEquals("2*d*n + 1", poly("n*d + d*n + 1").toString());
    }
}
