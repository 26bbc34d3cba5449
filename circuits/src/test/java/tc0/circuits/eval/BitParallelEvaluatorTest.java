package tc0.circuits.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.eval.TestCircuits.Weights;

class BitParallelEvaluatorTest extends EvaluatorContract {
    @Override
    protected Evaluator evaluator(int threads) {
        return new BitParallelEvaluator(threads);
    }

    @Test
    void equalsTheScalarReferenceBitForBitWhateverTheBlockAndThreadCount() {
        var rnd = new SplittableRandom(20);
        Circuit[] circuits = {
            TestCircuits.raw(rnd, 10, 400, 7, Weights.SMALL),
            TestCircuits.raw(rnd, 10, 200, 7, Weights.HUGE),
            TestCircuits.chain(rnd, 20, 1500, 10),
        };
        for (Circuit c : circuits) {
            BitMatrix in = BitMatrix.random(c.inputCount(), 1000, 21);
            BitMatrix expected = new ScalarEvaluator().evaluate(c, in);
            for (int threads : new int[] {1, 3}) {
                for (int block : new int[] {1, 3, 16, 64}) {
                    assertEquals(expected, new BitParallelEvaluator(threads, block).evaluate(c, in),
                            c + " threads " + threads + " block " + block);
                }
            }
        }
    }

    @Test
    void gatesAreCompiledToTheCheapestInstructionThatIsExact() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 6);
        int and = b.and(x[0], x[1] ^ 1, x[2]);
        int or = b.or(x[3], x[4] ^ 1);
        int maj = b.majority(x[0], x[1], x[2], x[3], x[4]);
        int weighted = b.gate(new int[] {x[0], x[1], x[5]}, new long[] {3, -2, 5}, 4);
        int wide = b.gate(new int[] {x[0], x[1], x[2]}, new long[] {1L << 62, 1L << 61, 3}, 1L << 62);
        b.and(x[0], x[5]); // dead: no output reads it
        b.outputBus("y", and, or, maj, weighted, wide);
        var stats = new BitParallelEvaluator(1).compile(b.build()).stats();
        assertEquals(new ProgramStats(1, 1, 2, 1, 0, 0, stats.slots()), stats);
    }

    @Test
    void unreadGatesAndConstantGatesCostNoInstruction() {
        Circuit c = TestCircuits.raw(new SplittableRandom(22), 4, 60, 4, Weights.SMALL);
        ProgramStats s = new BitParallelEvaluator(1).compile(c).stats();
        assertEquals(c.gateCount(), s.and() + s.or() + s.sliced() + s.lanes() + s.constant() + s.dead());
        assertTrue(s.constant() > 0 && s.dead() > 0, s.toString());
    }

    @Test
    void aDeepChainNeedsOnlyTheSlotsOfItsInputsAndTwoMore() {
        var b = new CircuitBuilder(false);
        int[] x = b.inputBus("x", 16);
        int prev = x[0];
        for (int i = 0; i < 20_000; i++) prev = b.and(prev, x[i % 16] ^ (i & 1));
        b.outputBus("y", prev);
        // the constant, the inputs, the previous link and the next one
        assertEquals(1 + 16 + 2, new BitParallelEvaluator(1).compile(b.build()).stats().slots());
    }

    @Test
    void threadAndBlockCountsBelowOneAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BitParallelEvaluator(0));
        assertThrows(IllegalArgumentException.class, () -> new BitParallelEvaluator(1, 0));
    }
}
