package tc0.proofs.smt;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.BitVecExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.MaxArgmax;
import tc0.compiler.gadgets.Softmax;
import tc0.compiler.numerics.FixedFormat;
import tc0.proofs.smt.Composition.Step;
import tc0.proofs.smt.Composition.Wire;

/**
 * A compositional proof holds only where all four obligations do: the steps proved, the circuit their wiring,
 * each step's preconditions met by the steps before it, the wired specifications the whole's.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CompositionProverTest {
    static final FixedFormat FX = FixedFormat.of(2, 2), FE = FixedFormat.of(2, 3);

    @Test
    void theWholeSoftmaxOfTwoWordsIsProvedFromItsSteps() {
        Proof p = Prover.prove(SoftmaxCases.whole(2, FX, FE, FE));
        assertTrue(p.proved(), p.resultLine());
    }

    @Test
    void aStepReadingAWordThatBreaksItsPreconditionIsRefuted() {
        // every exp step reads x0 as the maximum (x0 >= x1 is not guaranteed), and the whole's circuit and
        // specification are that wiring: obligations 1, 2 and 4 hold, obligation 3 (mx >= x at the second
        // entry) fails on an input with x1 > x0
        GadgetCase exp = SoftmaxCases.exp(FX, FE), normalise = SoftmaxCases.normalise(2, FE, FE);
        List<Step> steps = List.of(
                new Step(exp, List.of(Wire.input(0), Wire.input(0))),
                new Step(exp, List.of(Wire.input(1), Wire.input(0))),
                new Step(normalise, List.of(Wire.output(0, 0), Wire.output(1, 0))));
        GadgetCase.Spec wiredSpec = (w, in) -> {
            BitVecExpr e0 = exp.spec().outputs(w, Map.of("x0", in.get("x0"), "x1", in.get("x0"))).get(0);
            BitVecExpr e1 = exp.spec().outputs(w, Map.of("x0", in.get("x1"), "x1", in.get("x0"))).get(0);
            List<BitVecExpr> p = normalise.spec().outputs(w, Map.of("x0", e0, "x1", e1));
            w.assumptions().clear(); // the whole claims every input, as the composition does
            return p;
        };
        GadgetCase wrong = new GadgetCase("Softmax, x0 read as the maximum", "2 x 4 bits", GadgetCase.Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(2, FX.width()), (net, x) -> Softmax.normalise(net, Softmax.exps(net, x, x[0], FX, FE), FE)),
                normalise.specWidth(), wiredSpec, v -> new long[] {0, 0},
                new Composition(steps, List.of(Wire.output(2, 0), Wire.output(2, 1))));
        Proof p = Prover.prove(wrong);
        Proof.Result.Refuted r = assertInstanceOf(Proof.Result.Refuted.class, p.result(), p.resultLine());
        assertTrue(r.counterexample().inputs()[1] > r.counterexample().inputs()[0], r.counterexample().toString());
    }

    @Test
    void stepsWiredToAnotherFunctionThanTheWholesSpecificationAreRefuted() {
        // the true softmax circuit and steps, but the whole's outputs swapped: obligation 2 or 4 fails
        Composition right = SoftmaxCases.whole(2, FX, FE, FE).composition();
        Composition swapped = new Composition(right.steps(), List.of(right.outputs().get(1), right.outputs().get(0)));
        GadgetCase g = Gadgets.softmax(2, FX, FE, FE).composedOf("Softmax, outputs swapped", swapped);
        Proof p = Prover.prove(g);
        assertInstanceOf(Proof.Result.Refuted.class, p.result(), p.resultLine());
    }

    @Test
    void aMaxStepThatIsNotTheGadgetsIsRefutedAsAStep() {
        // the first step's circuit takes the second word only: the step's own proof fails first
        GadgetCase max = SoftmaxCases.max(2, FX).withCircuit(() -> GadgetCircuits.of(GadgetCircuits.widths(2, FX.width()),
                (net, x) -> new int[][] {MaxArgmax.max(net, new int[][] {x[1]})}));
        Composition right = SoftmaxCases.whole(2, FX, FE, FE).composition();
        List<Step> steps = new ArrayList<>(right.steps());
        steps.set(0, new Step(max, steps.get(0).inputs()));
        Proof p = Prover.prove(Gadgets.softmax(2, FX, FE, FE).composedOf("Softmax, a wrong max step", new Composition(steps, right.outputs())));
        Proof.Result.Refuted r = assertInstanceOf(Proof.Result.Refuted.class, p.result(), p.resultLine());
        assertTrue(r.counterexample().inputs()[0] > r.counterexample().inputs()[1], r.counterexample().toString());
    }
}
