package tc0.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.dsl.CheckResult;
import tc0.dsl.CheckedModel;
import tc0.dsl.Diagnostic;
import tc0.dsl.Dsl;
import tc0.dsl.ast.Printer;
import tc0.dsl.ast.SizeExprs;
import tc0.dsl.ast.Stmt;

/** {@code precision float(p: P, e: E)}: parsed, printed, its default exponent, and each bad width refused at its place. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FloatPrecisionTest {
    private static String model(String precision) {
        return "model m(n = 8) {\n    precision " + precision + ";\n    input X: [n, n];\n    output Y = X;\n}\n";
    }

    private static String oneError(String source, Map<String, Long> values) {
        CheckResult r = Dsl.check(source, "f.tc0", values);
        assertEquals(1, r.diagnostics().size(), r.render());
        Diagnostic d = r.diagnostics().getFirst();
        return d.line() + ":" + d.col() + ": " + d.message();
    }

    @Test
    void floatOfPEqualsNTakesTheDefaultExponentLog2POfTwoMore() {
        CheckedModel m = Dsl.check(model("float(p: n)"), "f.tc0").orElseThrow();
        Stmt.Precision.Float f = assertInstanceOf(Stmt.Precision.Float.class, m.precision());
        assertEquals("n", Printer.size(f.significandBits()));
        assertEquals("log2(n) + 2", Printer.size(f.exponentBits()));
        // log2 rounds up: p = 8 gives e = 5, p = 9 gives 6; 2^(e-1) >= 2p holds for every p
        assertEquals(5, SizeExprs.eval(f.exponentBits(), Map.of("n", 8L)));
        assertEquals(6, SizeExprs.eval(f.exponentBits(), Map.of("n", 9L)));
    }

    @Test
    void anExplicitExponentIsKeptAndPrintedBack() {
        CheckedModel m = Dsl.check(model("float(p: 2 * n, e: 7)"), "f.tc0").orElseThrow();
        String printed = Printer.program(Dsl.parse(model("float(p: 2 * n, e: 7)"), new tc0.dsl.Diagnostics("f.tc0")).orElseThrow());
        assertEquals(true, printed.contains("precision float(p: 2*n, e: 7);"), printed);
        assertEquals("7", Printer.size(((Stmt.Precision.Float) m.precision()).exponentBits()));
    }

    @Test
    void aSignificandBelowTwoBitsIsRefusedAtItsExpression() { // a binary expression's place is its operator
        assertEquals("2:26: precision p: n - 7 is 1 (n = 8); it must be 2 to 4096 (gates grow like p^2 and the build holds "
                + "p-bit words as gates)", oneError(model("float(p: n - 7)"), Map.of()));
    }

    @Test
    void aSignificandPastTheBuildLimitIsRefusedWithTheLimit() {
        assertEquals("2:25: precision p: n^5 is 32768 (n = 8); it must be 2 to 4096 (gates grow like p^2 and the build holds "
                + "p-bit words as gates)", oneError(model("float(p: n^5)"), Map.of()));
    }

    @Test
    void anExponentTooNarrowForOneIsRefusedWithWhatItNeeds() {
        assertEquals("2:30: precision e: 3 is 3; exponents reach down to -2^2, and 1.0 at p = 8 needs -7: use e: log2(p) + 2 "
                + "(the default) or more", oneError(model("float(p: n, e: 3)"), Map.of()));
        assertEquals("2:30: precision e: 21 is 21; it must be 2 to 20 (a float sum aligns its terms on p + 2^e columns)",
                oneError(model("float(p: n, e: 21)"), Map.of()));
    }

    @Test
    void anUnknownArgumentOrAMissingPIsRefused() {
        assertEquals("2:27: unexpected argument 'frac:' in precision; it takes p: and e: once each (frac: is fixed(int: I, frac: F)'s)",
                oneError(model("float(p: n, frac: 4)"), Map.of()));
        assertEquals("2:15: precision needs 'p:': write float(p: P) or float(p: P, e: E)", oneError(model("float(e: 4)"), Map.of()));
        assertEquals("2:15: unknown number format 'double'; tc0 supports fixed(int: I, frac: F) and float(p: P, e: E)",
                oneError(model("double(p: 4)"), Map.of()));
    }
}
