package tc0.proofs.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecNum;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.compiler.numerics.FixedFormat;

/** The translation computes what the bit-parallel evaluator computes: its terms, given an input, simplify to the evaluator's outputs. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CircuitTermsTest {

    @Test
    void aMultipliersTermsEvaluateToTheEvaluatorsOutputs() {
        Circuit c = Gadgets.multiply(Gadgets.F33, Gadgets.F33, FixedFormat.of(4, 3), false).circuit().get();
        Random r = new Random(18);
        try (Context ctx = new Context()) {
            CircuitTerms t = CircuitTerms.of(ctx, c);
            BitVecExpr out = t.output("y0");
            for (int k = 0; k < 40; k++) {
                long x = r.nextInt(64) - 32, y = r.nextInt(64) - 32;
                Expr<?> v = out.substitute(new Expr<?>[] {t.input("x0"), t.input("x1")},
                        new Expr<?>[] {ctx.mkBV(x & 63, 6), ctx.mkBV(y & 63, 6)}).simplify();
                long got = ((BitVecNum) v).getLong();
                assertEquals(Counterexample.evaluate(c, new long[] {x, y})[0], got, "x = " + x + ", y = " + y);
            }
        }
    }
}
