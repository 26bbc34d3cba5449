package tc0.circuits.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;
import tc0.circuits.Regions;
import tc0.circuits.eval.TestCircuits.Weights;

/**
 * What every {@link Evaluator} must do, CPU or GPU: compute the plain definition of a threshold circuit, bit
 * for bit, on every kind of gate and any number of patterns. A new evaluator gets these tests by extending
 * this class.
 */
public abstract class EvaluatorContract {

    /** The evaluator under test, using {@code threads} threads where it has any. */
    protected abstract Evaluator evaluator(int threads);

    private BitMatrix evaluate(Circuit c, BitMatrix inputs) {
        return evaluator(4).evaluate(c, inputs);
    }

    private void assertDefinition(Circuit c, BitMatrix inputs, String what) {
        BitMatrix expected = TestCircuits.definition(c, inputs);
        BitMatrix actual = evaluate(c, inputs);
        for (int p = 0; p < inputs.patterns(); p++) {
            for (int o = 0; o < c.outputCount(); o++) {
                if (expected.get(o, p) != actual.get(o, p)) {
                    throw new AssertionError(what + ": output " + o + " differs on pattern " + p + " " + c);
                }
            }
        }
        assertEquals(expected, actual, what + ": the bits past the last pattern must be zero");
    }

    private void exhaustively(Weights weights, long seed, int circuits) {
        var rnd = new SplittableRandom(seed);
        for (int trial = 0; trial < circuits; trial++) {
            int k = trial % 11;
            Circuit c = TestCircuits.raw(rnd, k, 1 + rnd.nextInt(40), 1 + rnd.nextInt(8), weights);
            assertDefinition(c, TestCircuits.exhaustive(k), weights + " trial " + trial + " with " + k + " inputs");
        }
    }

    @Test
    void everyAssignmentOfSmallRandomThresholdCircuitsFollowsTheDefinition() {
        exhaustively(Weights.SMALL, 1, 220);
    }

    @Test
    void weightsNear2To40FollowTheDefinition() {
        exhaustively(Weights.HUGE, 2, 110);
    }

    @Test
    void weightsWhoseSumsOverflowALongFollowTheDefinition() {
        exhaustively(Weights.OVERFLOWING, 3, 44);
    }

    @Test
    void constantsNegatedOutputsAndGatesWithoutFanInFollowTheDefinition() {
        // x1, x2; g3 = [] >= 0 (true), g4 = [] >= 1 (false), g5 = [-x1 - x2 >= -1] (nand), g6 = [0*x1 >= 1],
        // g7 = [x1 + const >= 1] (x1), g8 = [x2 - x2 >= 0] (true).
        Circuit c = Circuit.of(2,
                new int[] {0, 0, 0, 2, 3, 5, 7},
                new int[] {1, 2, 1, 1, 0, 2, 2},
                new long[] {-1, -1, 0, 1, 5, 1, -1},
                new long[] {0, 1, -1, 1, 1, 0},
                new int[6],
                new int[] {Literal.of(3, false), Literal.of(4, false), Literal.of(5, true), Literal.of(6, false),
                    Literal.of(7, false), Literal.of(8, true), Literal.TRUE, Literal.FALSE, Literal.of(1, true)},
                List.of(new Bus("x", 0, 2)), List.of(new Bus("y", 0, 9)), Regions.rootOnly());
        assertDefinition(c, TestCircuits.exhaustive(2), "hand-made");
        BitMatrix out = evaluate(c, TestCircuits.exhaustive(2));
        for (int a = 0; a < 4; a++) {
            assertTrue(out.get(0, a));
            assertEquals(a == 3, out.get(2, a), "negated nand is and");
            assertEquals((a & 1) != 0, out.get(4, a));
            assertTrue(out.get(6, a));
            assertEquals((a & 1) == 0, out.get(8, a), "a negated input");
        }
    }

    @Test
    void deepChainsFollowTheDefinitionOnRandomPatterns() {
        Circuit c = TestCircuits.chain(new SplittableRandom(4), 32, 4000, 16);
        assertDefinition(c, BitMatrix.random(32, 200, 5), "chain");
    }

    @Test
    void randomAndCircuitsOfThousandsOfGatesFollowTheDefinition() {
        Circuit c = TestCircuits.randomAig(new SplittableRandom(6), 64, 5000, 40);
        assertDefinition(c, BitMatrix.random(64, 300, 7), "aig");
    }

    @Test
    void wideMajorityAndWeightedGatesOfFanIn500FollowTheDefinition() {
        Circuit c = TestCircuits.wideThreshold(new SplittableRandom(8), 200, 500, 12);
        assertDefinition(c, BitMatrix.random(200, 260, 9), "wide");
    }

    @Test
    void patternCountsThatAreNotMultiplesOf64FollowTheDefinition() {
        Circuit c = TestCircuits.raw(new SplittableRandom(10), 12, 300, 6, Weights.SMALL);
        for (int patterns : new int[] {0, 1, 63, 64, 65, 1000}) {
            assertDefinition(c, BitMatrix.random(12, patterns, patterns), patterns + " patterns");
        }
    }

    /**
     * Patterns of {@link #oneAndFourThreadsGiveIdenticalResults}. An evaluator that has no thread count (the GPU's
     * ignores it) compares two runs of itself there, which a tenth of the patterns checks as well.
     */
    protected int threadCasePatterns() {
        return 5000;
    }

    @Test
    void oneAndFourThreadsGiveIdenticalResults() {
        Circuit c = TestCircuits.chain(new SplittableRandom(11), 16, 2000, 8);
        BitMatrix in = BitMatrix.random(16, threadCasePatterns(), 12);
        assertEquals(evaluator(1).evaluate(c, in), evaluator(4).evaluate(c, in));
    }

    @Test
    void aCompiledCircuitCanBeEvaluatedAgainOnOtherPatterns() {
        Circuit c = TestCircuits.raw(new SplittableRandom(13), 6, 50, 5, Weights.SMALL);
        Evaluator.Compiled compiled = evaluator(2).compile(c);
        BitMatrix a = BitMatrix.random(6, 100, 1), b = BitMatrix.random(6, 130, 2);
        assertEquals(TestCircuits.definition(c, a), compiled.evaluate(a));
        assertEquals(TestCircuits.definition(c, b), compiled.evaluate(b));
        assertEquals(c, compiled.circuit());
    }

    @Test
    void aCircuitWithoutInputsGivesItsConstantsOnEveryPattern() {
        Circuit c = Circuit.of(0, new int[] {0, 0}, new int[0], new long[0], new long[] {-3}, new int[1],
                new int[] {Literal.of(1, false), Literal.of(1, true)}, List.of(), List.of(new Bus("y", 0, 2)),
                Regions.rootOnly());
        BitMatrix out = evaluate(c, new BitMatrix(0, 70));
        for (int p = 0; p < 70; p++) {
            assertTrue(out.get(0, p));
            assertTrue(!out.get(1, p));
        }
    }

    @Test
    void patternsWithTheWrongNumberOfRowsAreRejected() {
        Circuit c = TestCircuits.raw(new SplittableRandom(14), 3, 5, 3, Weights.SMALL);
        var e = assertThrows(IllegalArgumentException.class, () -> evaluate(c, new BitMatrix(4, 10)));
        assertTrue(e.getMessage().contains("3 inputs"), e.getMessage());
    }
}
