package tc0.proofs.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.compiler.numerics.FixedFormat;

/**
 * The stage-by-stage proof of a product (SumStageProver): proved where the circuit is right, and refuted,
 * with an input the evaluator confirms, where one gate of any part it is cut into is off by one: an AND of
 * the first layer, a compression group's comparator, the final stage's output gate.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SumStageProverTest {
    private static final GadgetCase DOT6 = Gadgets.dotStaged(Gadgets.F33, FixedFormat.of(4, 3), GadgetCase.Tier.QUICK);
    private static final int TOP = 10; // shift 3 + 7 output bits

    @Test
    void theDotOfTwoPairsOfSixBitsIsProvedStageByStage() {
        Proof p = Prover.prove(DOT6);
        assertTrue(p.proved(), p.resultLine());
    }

    @Test
    void theCutsAreTheCircuitsOwn() throws SumCuts.NoCuts {
        Circuit c = DOT6.circuit().get();
        SumCuts cuts = SumCuts.of(c, TOP);
        // 2 x 36 ANDs, each weighted +-2^(i+j); two comparators over all of them
        assertEquals(72, cuts.first().size());
        assertTrue(cuts.first().values().stream().allMatch(w -> Long.bitCount(Math.abs(w)) == 1), cuts.first().toString());
        for (int f : cuts.flags()) assertEquals(72, c.fanin(f));
        assertTrue(cuts.groups().size() > 10, cuts.groups().size() + " groups");
    }

    @Test
    void anAndOfTheFirstLayerMadeAnOrIsRefuted() throws SumCuts.NoCuts {
        Circuit c = DOT6.circuit().get();
        SumCuts cuts = SumCuts.of(c, TOP);
        int and = cuts.first().entrySet().stream().filter(e -> Math.abs(e.getValue()) == 1L << 6).findFirst().orElseThrow().getKey() - c.firstGate();
        refuted(Faults.threshold(c, and, -1));
    }

    @Test
    void aCompressionGroupsComparatorOneUpIsRefuted() throws SumCuts.NoCuts {
        Circuit c = DOT6.circuit().get();
        SumCuts.Group g = SumCuts.of(c, TOP).groups().stream().filter(x -> x.inputs().size() >= 3 && x.column() >= 4)
                .max(Comparator.comparingInt(SumCuts.Group::column)).orElseThrow();
        refuted(Faults.threshold(c, g.gates()[0], 1));
    }

    @Test
    void aFinalStageOutputGateOneUpIsRefuted() {
        Circuit c = DOT6.circuit().get();
        refuted(Faults.threshold(c, Faults.gateOf(c, "y0", 4), 1));
    }

    @Test
    void layerNormsOutputStepWithAGroupComparatorOfItsLastOutputOneUpIsRefuted() throws SumCuts.NoCuts {
        // three outputs sharing the S rho ANDs: each cut apart within its own cone; a fault in y2's sum is found there
        GadgetCase ln = LayerNormCases.normalisedStaged(new LayerNormCases.Params(3, FixedFormat.of(2, 2), 1, FixedFormat.of(1, 4), Gadgets.F33, Gadgets.F33));
        Circuit c = ln.circuit().get();
        SumCuts.Group g = SumStageProver.cuts(ln, 2).groups().stream().filter(x -> x.inputs().size() >= 3)
                .max(Comparator.comparingInt(SumCuts.Group::column)).orElseThrow();
        refuted(ln, Faults.threshold(c, g.gates()[0], 1));
    }

    private static void refuted(Circuit faulty) {
        refuted(DOT6, faulty);
    }

    private static void refuted(GadgetCase gadget, Circuit faulty) {
        Proof p = Prover.prove(gadget.withCircuit(() -> faulty));
        Proof.Result.Refuted r = assertInstanceOf(Proof.Result.Refuted.class, p.result(), p.resultLine());
        assertTrue(r.counterexample().confirmed(), r.counterexample().toString());
    }
}
