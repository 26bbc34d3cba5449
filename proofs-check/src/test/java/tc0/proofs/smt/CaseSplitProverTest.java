package tc0.proofs.smt;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;

/**
 * The wide quotient proved by cases on its divisor (CaseSplitProver): proved where the circuit is right, and
 * refuted, with an input the evaluator confirms, where one gate is off by one: the correction's sign gate (read
 * by every output bit) and an output bit's own gate.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CaseSplitProverTest {
    private static final GadgetCase DIV4 = WideCases.divideByCases(4);

    @Test
    void theQuotientOfFourBitWordsIsProvedByCasesOnTheDivisor() {
        Proof p = Prover.prove(DIV4);
        assertTrue(p.proved(), p.resultLine());
    }

    /** Past the whole set's five minutes (82 s CPU), so not in the catalog's set: docs/LEMMAS.md. */
    @Tag("heavy")
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    @Test
    void theQuotientOfFiveBitWordsIsProvedByCasesOnTheDivisor() {
        Proof p = Prover.prove(WideCases.divideByCases(5), 30 * 60_000);
        System.out.printf("| %s | %s | %d | %d | %d | %s |%n", p.gadget(), p.widths(), p.gates(), p.cpuMillis(), p.millis(), p.resultLine());
        assertTrue(p.proved(), p.resultLine());
    }

    @Test
    void anOutputBitsGateOneUpIsRefuted() {
        Circuit c = DIV4.circuit().get();
        refuted(visible(c, Faults.threshold(c, Faults.gateOf(c, "y0", 2), 1)));
    }

    @Test
    void aWeightOfTheLowestOutputBitsGateOneDownIsRefuted() {
        Circuit c = DIV4.circuit().get();
        refuted(visible(c, Faults.weight(c, Faults.gateOf(c, "y0", 0), 1, -1)));
    }

    /** The fault, once the evaluator has shown on some input (of 256) that it changes the circuit. */
    private static Circuit visible(Circuit c, Circuit faulty) {
        for (long x = 0; x < 16; x++) {
            for (long y = 0; y < 16; y++) {
                long[] in = {x << 60 >> 60, y << 60 >> 60};
                if (!Arrays.equals(Counterexample.evaluate(c, in), Counterexample.evaluate(faulty, in))) return faulty;
            }
        }
        throw new AssertionError("the fault changes nothing");
    }

    private static void refuted(Circuit faulty) {
        Proof p = Prover.prove(DIV4.withCircuit(() -> faulty));
        Proof.Result.Refuted r = assertInstanceOf(Proof.Result.Refuted.class, p.result(), p.resultLine());
        assertTrue(r.counterexample().confirmed(), r.counterexample().toString());
    }
}
