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
        assertEquals(new ProgramStats(1, 1, 2, 1, 0, 0, stats.slots(), 0), stats);
    }

    /**
     * Banks of comparators (one weighted sum, many thresholds, some constant, some dead, some AND- or
     * OR-like, others read by later banks) share their terms: every sliced gate after the first of a bank
     * compares the counter left by the one before. The outputs must equal the scalar reference's, whatever
     * the block and thread count.
     */
    @Test
    void banksCompareTheirCounterAgainAndStayExact() {
        var rnd = new SplittableRandom(23);
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 12);
        java.util.List<Integer> nodes = new java.util.ArrayList<>();
        for (int lit : x) nodes.add(lit);
        java.util.List<Integer> outs = new java.util.ArrayList<>();
        for (int bank = 0; bank < 60; bank++) {
            int n = 2 + rnd.nextInt(8);
            int[] lits = new int[n];
            long[] w = new long[n];
            long max = 0, min = 0;
            boolean unit = rnd.nextInt(3) == 0; // same magnitude: the counter sums unit weights
            for (int i = 0; i < n; i++) {
                lits[i] = nodes.get(rnd.nextInt(nodes.size())) ^ (rnd.nextInt(4) == 0 ? 1 : 0);
                w[i] = (rnd.nextBoolean() ? 1 : -1) * (unit ? 3 : 1 + rnd.nextInt(40));
                if (w[i] > 0) max += w[i]; else min += w[i];
            }
            int k = 1 + rnd.nextInt(12);
            long[] t = new long[k];
            for (int j = 0; j < k; j++) t[j] = min - 2 + rnd.nextLong(max - min + 5); // a few constant
            int[] got = new int[k];
            b.gates(lits, w, n, t, k, got);
            for (int lit : got) {
                if (rnd.nextInt(4) != 0) outs.add(lit); // the others dead, unless a later bank reads them
                if (lit > 1) nodes.add(lit);
            }
        }
        b.outputBus("y", outs.stream().mapToInt(Integer::intValue).toArray());
        Circuit c = b.build();
        ProgramStats stats = new BitParallelEvaluator(1).compile(c).stats();
        assertTrue(stats.recompared() > 50 && stats.recompared() < stats.sliced(), stats.toString());
        BitMatrix in = BitMatrix.random(c.inputCount(), 3000, 24);
        BitMatrix expected = new ScalarEvaluator().evaluate(c, in);
        for (int threads : new int[] {1, 3}) {
            for (int block : new int[] {1, 5, 32}) {
                assertEquals(expected, new BitParallelEvaluator(threads, block).evaluate(c, in), "threads " + threads + " block " + block);
            }
        }
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
