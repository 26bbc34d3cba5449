package tc0.proofs.smt;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.FixedFormat;

/**
 * A step proved alone under a precondition ({@link Words#assume}): the precondition is needed (without it the
 * step is refuted where it does not hold), and one that excludes every input proves nothing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PreconditionTest {

    @Test
    void theExpStepIsRefutedWhereTheMaximumIsBelowTheEntry() {
        GadgetCase g = SoftmaxCases.exp(Gadgets.F33, FixedFormat.of(2, 4));
        GadgetCase unguarded = new GadgetCase(g.name(), g.widths(), g.tier(), g.circuit(), g.specWidth(), (w, in) -> {
            List<com.microsoft.z3.BitVecExpr> out = g.spec().outputs(w, in);
            w.assumptions().clear();
            return out;
        }, g.reference());
        Proof p = Prover.prove(unguarded);
        Proof.Result.Refuted r = assertInstanceOf(Proof.Result.Refuted.class, p.result(), p.resultLine());
        assertTrue(r.counterexample().inputs()[0] > r.counterexample().inputs()[1], r.counterexample().toString());
    }

    @Test
    void preconditionsThatExcludeEveryInputAreReportedNotProved() {
        GadgetCase g = Gadgets.geq();
        GadgetCase vacuous = new GadgetCase(g.name(), g.widths(), g.tier(), g.circuit(), g.specWidth(), (w, in) -> {
            w.assume(w.ctx().mkFalse());
            return g.spec().outputs(w, in);
        }, g.reference());
        Proof p = Prover.prove(vacuous);
        Proof.Result.Unknown u = assertInstanceOf(Proof.Result.Unknown.class, p.result(), p.resultLine());
        assertTrue(u.reason().contains("exclude every input"), u.reason());
    }
}
