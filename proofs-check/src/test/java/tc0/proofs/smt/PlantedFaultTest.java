package tc0.proofs.smt;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.compiler.numerics.FixedFormat;

/**
 * A weight or threshold off by one in a built gadget circuit is refuted: the solver finds an input where the
 * circuit differs from the specification, and the bit-parallel evaluator, run on that input, differs from
 * the reference too.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PlantedFaultTest {

    private static Counterexample refuted(GadgetCase g, UnaryOperator<Circuit> fault) {
        Circuit sound = g.circuit().get();
        Proof p = Prover.prove(g.withCircuit(() -> fault.apply(sound)));
        Proof.Result.Refuted r = assertInstanceOf(Proof.Result.Refuted.class, p.result(), p.resultLine());
        assertTrue(r.counterexample().confirmed(), r.counterexample().toString());
        return r.counterexample();
    }

    @Test
    void aComparatorsThresholdOneUpIsRefutedOnEqualWords() {
        // [x - y >= 1] instead of [x - y >= 0]: wrong exactly where x = y
        Counterexample cx = refuted(Gadgets.geq(), c -> Faults.threshold(c, Faults.gateOf(c, "y0", 0), 1));
        assertTrue(cx.inputs()[0] == cx.inputs()[1], cx.toString());
    }

    @Test
    void aMaxOutputBitsThresholdOneDownIsRefuted() {
        refuted(Gadgets.max(4), c -> Faults.threshold(c, Faults.gateOf(c, "y0", 3), -1));
    }

    @Test
    void aMultipliersWeightOneOffIsRefutedThoughFewInputsShowIt() {
        // output bit 5's combining gate, its fifth term (weight 1 -> 2): the evaluator, run on all 4,096
        // inputs, finds it wrong on 8 of them, which 64 random samples would most likely miss
        GadgetCase g = Gadgets.multiply(Gadgets.F33, Gadgets.F33, FixedFormat.of(4, 3), false);
        Circuit sound = g.circuit().get();
        Circuit faulty = Faults.weight(sound, Faults.gateOf(sound, "y0", 5), 4, 1);
        int wrong = 0;
        for (long x = -32; x < 32; x++) {
            for (long y = -32; y < 32; y++) {
                if (!Arrays.equals(Counterexample.evaluate(faulty, new long[] {x, y}), Counterexample.evaluate(sound, new long[] {x, y}))) wrong++;
            }
        }
        assertTrue(wrong > 0 && wrong <= 16, wrong + " inputs show the fault");
        refuted(g, c -> faulty);
    }

    @Test
    void aRopeOutputBitsThresholdOneUpIsRefuted() {
        // the rotated pair's second word, bit 2: the first new gadget with a planted fault
        GadgetCase g = Gadgets.rope(1.0, Gadgets.F33, FixedFormat.of(2, 4), Gadgets.F33);
        refuted(g, c -> Faults.threshold(c, Faults.gateOf(c, "y1", 2), 1));
    }

    @Test
    void aSoftmaxExpComparatorsWeightOneOffIsRefutedWithinThePrecondition() {
        // the exp step's output bit 0, its first fan-in's weight one up; the counterexample meets mx >= x
        GadgetCase g = SoftmaxCases.exp(Gadgets.F33, FixedFormat.of(2, 4));
        Counterexample cx = refuted(g, c -> Faults.weight(c, Faults.gateOf(c, "y0", 0), 0, 1));
        assertTrue(cx.inputs()[1] >= cx.inputs()[0], cx.toString());
    }

    @Test
    void aFloatFloorsSignThresholdOneUpIsRefuted() {
        // the sign's output OR needs two of its cases: a negative result comes out positive
        GadgetCase g = FloatCases.floor(4, 3);
        Counterexample cx = refuted(g, c -> Faults.threshold(c, Faults.gateOf(c, "y0", 4 + 3), 1));
        assertTrue((cx.inputs()[0] >> 7 & 1) == 1, "a negative input: " + cx);
    }

    @Test
    void aFaultInACompositionallyProvedSoftmaxIsRefutedByTheWiringObligation() {
        // the whole circuit's first output, bit 1, threshold one up: the steps still prove, the whole does not
        // equal them wired; the input found there is confirmed on the evaluator against the reference
        GadgetCase g = SoftmaxCases.whole(2, FixedFormat.of(2, 2), FixedFormat.of(2, 3), FixedFormat.of(2, 3));
        refuted(g, c -> Faults.threshold(c, Faults.gateOf(c, "y0", 1), 1));
    }

    @Test
    void aFloatRoundsSignificandBitThresholdOneUpIsRefuted() {
        GadgetCase g = FloatArithmeticCases.round(8, 4, 3, -2);
        refuted(g, c -> Faults.threshold(c, Faults.gateOf(c, "y0", 1), 1));
    }

    @Test
    void aFloatProductsExponentBitThresholdOneUpIsRefutedOnNormalisedInputs() {
        // the result's exponent bit 0 (word bit p = 4): the counterexample's significands meet the precondition
        GadgetCase g = FloatArithmeticCases.multiply(4, 3);
        Counterexample cx = refuted(g, c -> Faults.threshold(c, Faults.gateOf(c, "y0", 4), 1));
        for (long x : cx.inputs()) assertTrue((x & 0xf) == 0 || (x & 0x8) != 0, "a significand neither 0 nor normalised: " + cx);
    }

    @Test
    void aWideMultipliersOutputBitThresholdOneDownIsRefuted() {
        GadgetCase g = WideCases.multiply(6);
        refuted(g, c -> Faults.threshold(c, Faults.gateOf(c, "y0", 6), -1));
    }

    @Test
    void aDivisionComparatorsWeightOneUpIsRefutedInIntegers() {
        // softmax's step 4-5 at 3 x 6 bits, proved in linear integer arithmetic: the first comparator
        // [e_0 2^5 - (2t-1) sum e_j >= 0] (a gate over all 18 e bits) with its first weight one up; the input
        // found meets the preconditions (every e >= 0, a positive sum) and the evaluator confirms it
        GadgetCase g = SoftmaxCases.normalise(3, FixedFormat.of(2, 4), FixedFormat.of(2, 4));
        Circuit sound = g.circuit().get();
        int comparator = -1;
        for (int gate = 0; gate < sound.gateCount() && comparator < 0; gate++) if (sound.fanin(gate) >= 12) comparator = gate;
        int found = comparator;
        Counterexample cx = refuted(g, c -> Faults.weight(c, found, 0, 1));
        long sum = 0;
        for (long e : cx.inputs()) { assertTrue(e >= 0, cx.toString()); sum += e; }
        assertTrue(sum > 0, cx.toString());
    }

    @Test
    void aLayerNormRowSumsOutputBitThresholdOneUpIsRefutedInIntegers() {
        // layer norm's step 1 (S = x0 + x1 + x2 at 3 x 4 bits, proved in integers): S's bit 2 threshold one up
        GadgetCase g = LayerNormCases.sum(new LayerNormCases.Params(3, FixedFormat.of(2, 2), 1, FixedFormat.of(1, 4), Gadgets.F33, Gadgets.F33));
        refuted(g, c -> Faults.threshold(c, Faults.gateOf(c, "y0", 2), 1));
    }

    @Test
    void anEightBitSoftmaxMaxsTopBitThresholdOneDownIsRefuted() {
        // softmax's step 1 at 3 x 8 bits: the maximum's sign bit (bit 7) threshold one down
        refuted(SoftmaxCases.max(3, Gadgets.F44), c -> Faults.threshold(c, Faults.gateOf(c, "y0", 7), -1));
    }

    @Test
    void anEightBitExpStepsWeightOneUpIsRefutedWithinThePrecondition() {
        // softmax's steps 2-3 at 2 x 8 -> 8 bits: the exp output's bit 3, its first fan-in's weight one up
        GadgetCase g = SoftmaxCases.exp(Gadgets.F44, FixedFormat.of(2, 6));
        Counterexample cx = refuted(g, c -> Faults.weight(c, Faults.gateOf(c, "y0", 3), 0, 1));
        assertTrue(cx.inputs()[1] >= cx.inputs()[0], cx.toString());
    }

    @Test
    void anEightBitLayerNormRowSumsThresholdOneUpIsRefutedBitBlasted() {
        // layer norm's step 1 at 3 x 8 -> 10 bits, bit-blasted: S's bit 5 threshold one up
        GadgetCase g = LayerNormCases.sum(new LayerNormCases.Params(3, Gadgets.F44, 1, FixedFormat.of(1, 4), Gadgets.F33, Gadgets.F33))
                .inBits("LayerNorm step 1: row sum (bit-blasted)");
        refuted(g, c -> Faults.threshold(c, Faults.gateOf(c, "y0", 5), 1));
    }

    @Test
    void aCompressionComparatorOfTheStagedMultiplierOneUpIsRefuted() throws SumCuts.NoCuts {
        // the 8 x 8 multiplier proved stage by stage: a [count >= t] gate of the group at the highest column
        // below the output's top, its threshold one up, is refuted by that group's own proof; the group's
        // counterexample (its inputs' values) is lifted to a whole input the evaluator confirms
        GadgetCase g = Gadgets.multiplyStaged(Gadgets.F44, Gadgets.F44, FixedFormat.of(6, 4), GadgetCase.Tier.LIGHT);
        Circuit sound = g.circuit().get();
        SumCuts.Group group = SumCuts.of(sound, g.stages().top()).groups().stream().filter(x -> x.inputs().size() >= 3)
                .max(java.util.Comparator.comparingInt(SumCuts.Group::column)).orElseThrow();
        refuted(g, c -> Faults.threshold(c, group.gates()[0], 1));
    }
}
