package tc0.proofs.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.RealSort;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gadgets whose gates are polynomials in m and w: their shapes proved by Z3, a shape or constant too small refuted. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GadgetBoundsTest {
    @Test
    void everyCaseIsProved() {
        for (GadgetBounds.Case k : GadgetBounds.CASES) assertEquals(Optional.empty(), GadgetBounds.counterexample(k), k.gadget());
    }

    /** The solver's closed forms are the gadgets' own: equal to closedCost at m = mMin .. 40, w = 1 .. 24. */
    @Test
    @SuppressWarnings("unchecked")
    void theSolversFormsAreTheGadgets() {
        try (Context ctx = new Context()) {
            for (GadgetBounds.Case k : GadgetBounds.CASES) {
                for (long m = k.mMin(); m <= 40; m++) {
                    for (int w = 1; w <= 24; w++) {
                        ArithExpr<RealSort> v = k.solver().apply(ctx, new ArithExpr[] {ctx.mkReal(m), ctx.mkReal(w)});
                        assertEquals(ctx.mkReal(k.gates().applyAsLong(m, w)).toString(), v.simplify().toString(), k.gadget() + " at m = " + m + ", w = " + w);
                    }
                }
            }
        }
    }

    /**
     * The maximum within 1 * (m^2 + m w) fails (by hand: m = 2, w = 4 gives 1 + 8 + 4 = 13 > 4 + 8 = 12), and within
     * 2 * w (a linear shape) fails for large m: Z3 gives a counterexample each time.
     */
    @Test
    void aConstantOrShapeTooSmallIsRefuted() {
        GadgetBounds.Case max = GadgetBounds.CASES.getFirst();
        assertTrue(GadgetBounds.counterexample(max, 1, GadgetShape.MAXIMUM).isPresent());
        assertTrue(GadgetBounds.counterexample(max, 2, GadgetShape.LINEAR).isPresent());
        GadgetBounds.Case mux = GadgetBounds.CASES.get(2);
        assertTrue(GadgetBounds.counterexample(mux, 2, GadgetShape.LINEAR).isPresent());
    }
}
