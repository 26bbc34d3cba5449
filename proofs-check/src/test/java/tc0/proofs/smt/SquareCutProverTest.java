package tc0.proofs.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.compiler.gadgets.LayerNorm;
import tc0.compiler.numerics.FixedFormat;

/**
 * Layer norm's scale proved with a cut at T (SquareCutProver): proved where the circuit is right, the cut the
 * circuit's own (one comparator per breakpoint of the scale, T's bits and S's square apart), and refuted, with
 * an input the evaluator confirms, where one gate is off by one on either side of the cut or in the bank.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SquareCutProverTest {
    private static final LayerNormCases.Params P34 = new LayerNormCases.Params(3, FixedFormat.of(2, 2), 1, FixedFormat.of(1, 4), Gadgets.F33, Gadgets.F33);
    private static final GadgetCase RHO = LayerNormCases.rhoCut(P34);

    @Test
    void theScaleOfThreeFourBitWordsIsProvedWithACutAtT() {
        Proof p = Prover.prove(RHO);
        assertTrue(p.proved(), p.resultLine());
    }

    @Test
    void theCutIsTheCircuitsOwn() throws SquareCutProver.NoCut {
        Circuit c = RHO.circuit().get();
        SquareCutProver.Shape s = SquareCutProver.shape(c, 3);
        // one comparator per breakpoint of the scale, each reading S's bits and their ANDs (S of 6 bits: 6 + 15 nodes)
        assertEquals(LayerNorm.breakpoints(3, P34.fx(), P34.eps(), P34.feps(), P34.fr()), s.bank().length);
        assertEquals(P34.sumBits() + P34.sumBits() * (P34.sumBits() - 1) / 2, s.sPart().size());
        // T's bits weighted m 2^j (the sign bit negative): T = sum x_i^2 <= 3 * 64 needs 9 bits with the sign
        assertTrue(s.tPart().values().stream().allMatch(w -> w % 3 == 0 && Long.bitCount(Math.abs(w / 3)) == 1), s.tPart().toString());
    }

    @Test
    void aComparatorOfTheBankOneUpIsRefuted() throws SquareCutProver.NoCut {
        Circuit c = RHO.circuit().get();
        int[] bank = SquareCutProver.shape(c, 3).bank();
        refuted(visible(c, k -> Faults.threshold(c, bank[k], 1), bank.length));
    }

    @Test
    void aGateOfTsSumOneUpIsRefuted() throws SquareCutProver.NoCut {
        Circuit c = RHO.circuit().get();
        Integer[] tBits = SquareCutProver.shape(c, 3).tPart().keySet().toArray(Integer[]::new);
        refuted(visible(c, k -> Faults.threshold(c, tBits[k] - c.firstGate(), 1), tBits.length));
    }

    @Test
    void anAndOfSMadeAnOrIsRefuted() throws SquareCutProver.NoCut {
        Circuit c = RHO.circuit().get();
        Integer[] ands = SquareCutProver.shape(c, 3).sPart().keySet().stream().filter(c::isGate).toArray(Integer[]::new);
        refuted(visible(c, k -> Faults.threshold(c, ands[k] - c.firstGate(), -1), ands.length));
    }

    /**
     * The first of the faults that changes the circuit's function: by the evaluator against the unchanged circuit
     * on every row (S its sum; 4,096 rows), so that the fault the prover must refute is one an input shows.
     */
    private static Circuit visible(Circuit c, IntFunction<Circuit> fault, int count) {
        for (int k = 0; k < count; k++) {
            Circuit f = fault.apply(k);
            for (long row = 0; row < 1 << 12; row++) {
                long[] in = {(row << 60) >> 60, (row << 56) >> 60, (row << 52) >> 60, 0};
                in[3] = in[0] + in[1] + in[2];
                if (!Arrays.equals(Counterexample.evaluate(c, in), Counterexample.evaluate(f, in))) return f;
            }
        }
        throw new AssertionError("no fault of " + count + " changes the circuit");
    }

    private static void refuted(Circuit faulty) {
        Proof p = Prover.prove(RHO.withCircuit(() -> faulty));
        Proof.Result.Refuted r = assertInstanceOf(Proof.Result.Refuted.class, p.result(), p.resultLine());
        assertTrue(r.counterexample().confirmed(), r.counterexample().toString());
    }
}
