package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.interp.InputGenerator;
import tc0.compiler.interp.ReferenceInterpreter;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.dsl.Dsl;

class TensorIrToCircuitTest {
    private static final String HEAD = "model m() { precision fixed(int: 4, frac: 3); ";

    static TensorProgram program(String body) {
        return Elaborator.elaborate(Dsl.check(HEAD + body + " }", "t.tc0").orElseThrow(), Map.of());
    }

    /** Every kind of input, several random seeds: one pattern each. */
    static List<Map<String, long[]>> inputSets(TensorProgram p) {
        List<Map<String, long[]>> sets = new ArrayList<>();
        for (InputGenerator.Kind k : InputGenerator.Kind.values()) sets.add(InputGenerator.generate(p, k, 1));
        for (long seed = 2; seed < 70; seed++) sets.add(InputGenerator.generate(p, InputGenerator.Kind.RANDOM, seed));
        for (long seed = 2; seed < 10; seed++) sets.add(InputGenerator.generate(p, InputGenerator.Kind.RANDOM_UNIT, seed));
        return sets;
    }

    /** Lowers and checks every output code against the reference interpreter on every input set. */
    static Lowered assertExact(TensorProgram p) {
        return assertExact(p, tc0.compiler.gadgets.WeightedSum.DEFAULT_ROUNDS);
    }

    static Lowered assertExact(TensorProgram p, int rounds) {
        Lowered l = TensorIrToCircuit.lower(p, rounds);
        List<Map<String, long[]>> sets = inputSets(p);
        BitMatrix out = new BitParallelEvaluator(1).evaluate(l.circuit(), l.encode(sets));
        assertEquals(sets.size(), out.patterns());
        for (int pat = 0; pat < sets.size(); pat++) {
            Map<String, long[]> want = ReferenceInterpreter.run(p, sets.get(pat));
            Map<String, long[]> got = l.decode(out, pat);
            assertEquals(want.keySet(), got.keySet());
            for (String name : want.keySet()) {
                assertArrayEquals(want.get(name), got.get(name), "output " + name + ", pattern " + pat);
            }
        }
        return l;
    }

    @Test
    void variableTimesConstantWeight() {
        Lowered l = assertExact(program("input X: [3, 4]; weight W: [4, 2] = random(seed: 1); output Y = X @ W;"));
        assertEquals(3 * 4 * 7, l.circuit().inputCount());
        assertEquals(3 * 2 * 7, l.circuit().outputCount());
        assertTrue(l.circuit().gateCount() > 0);
    }

    @Test
    void constantWeightTimesVariable() {
        assertExact(program("input X: [3, 2]; weight W: [2, 3] = random(seed: 2); output Y = W @ X;"));
    }

    @Test
    void transposedWeightIsStillConstant() {
        Lowered l = assertExact(program("input X: [2, 3]; weight W: [2, 3] = random(seed: 3); output Y = X @ transpose(W);"));
        // no AND of partial products: the weight folds into the sums
        assertTrue(l.circuit().gateCount() < 2000, "gates " + l.circuit().gateCount());
    }

    @Test
    void addAndSub() {
        assertExact(program("input X: [2, 3]; input Y: [2, 3]; output S = X + Y; output D = X - Y;"));
    }

    @Test
    void reluOfProduct() {
        assertExact(program("input X: [2, 3]; weight W: [3, 3] = random(seed: 4); output Y = relu(X @ W);"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp", "sigmoid", "tanh", "gelu", "abs", "relu"})
    void unaryFunctions(String f) {
        assertExact(program("input X: [2, 2]; output Y = " + f + "(X);"));
    }

    @Test
    void wiring() {
        Lowered l = assertExact(program("input X: [2, 3]; input Y: [2, 3]; output T = transpose(X); output S = X[0:1, 1:3];"
                + " output C0 = concat(X, Y, axis: 0); output C1 = concat(X, Y, axis: 1);"));
        assertEquals(0, l.circuit().gateCount());
    }

    @Test
    void scaleByConstants() {
        assertExact(program("input X: [2, 3]; output A = X * 0.5; output B = X / 3; output C = -X; output D = X * 2.75;"));
    }

    @Test
    void fillAndBroadcast() {
        assertExact(program("input X: [2, 3]; input R: [1, 3]; output A = X + 1; output B = X + R; output Z = zeros([2, 2]);"));
    }

    @Test
    void variableProductsAndSums() {
        assertExact(program("input X: [2, 3]; input Y: [3, 2]; input Z: [2, 3]; output P = X @ Y; output M = X * Z;"
                + " output S0 = sum(X, axis: 0); output S1 = sum(X, axis: 1);"));
    }

    @Test
    void reductions() {
        assertExact(program("input X: [3, 3]; output A = mean(X, axis: 0); output B = mean(X, axis: 1);"
                + " output C = max(X, axis: 0); output D = min(X, axis: 1); output E = max(X, axis: 1); output F = min(X, axis: 0);"));
    }

    @Test
    void reductionsOfBits() {
        assertExact(program("input A: [2, 3] bit; output S = sum(A, axis: 1); output M = mean(A, axis: 1);"
                + " output X = max(A, axis: 0); output N = min(A, axis: 1);"));
    }

    @Test
    void bitInputs() {
        assertExact(program("input A: [3, 3] bit; input X: [3, 2]; output Y = A @ X; output T = transpose(A);"));
    }

    @Test
    void depthOfAProductWithAWeight() {
        Lowered l = assertExact(program("input X: [4, 4]; weight W: [4, 4] = random(seed: 5); output Y = X @ W;"));
        int depth = tc0.circuits.analysis.Levels.of(l.circuit()).depth();
        assertTrue(depth <= 2 * tc0.compiler.gadgets.WeightedSum.DEFAULT_ROUNDS + 2, "depth " + depth);
        System.out.println("X[4,4] @ W[4,4] fixed(4,3): " + l.circuit().gateCount() + " gates, " + l.circuit().wireCount()
                + " wires, depth " + depth);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void otherRoundCounts(int rounds) {
        Lowered l = assertExact(program("input X: [2, 4]; input Y: [4, 2]; weight W: [4, 2] = random(seed: 7);"
                + " output A = X @ W; output B = X @ Y; output S = sum(X, axis: 1);"), rounds);
        int depth = tc0.circuits.analysis.Levels.of(l.circuit()).depth();
        assertTrue(depth <= 2 * rounds + 3, "depth " + depth);
    }

    @Test
    void aComposedBlock() {
        Lowered l = assertExact(program("input X: [3, 4]; weight W1: [4, 4] = random(seed: 8); weight W2: [4, 4] = random(seed: 9);"
                + " let H = gelu(X @ W1); output Y = X + H @ W2; output Z = transpose(Y)[0:2, :] * 0.25;"));
        System.out.println("composed block: " + l.circuit().gateCount() + " gates, " + l.circuit().wireCount() + " wires, depth "
                + tc0.circuits.analysis.Levels.of(l.circuit()).depth());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gin", "gcn"})
    void graphExamplesLowerBitExact(String name) {
        TensorProgram p = tc0.compiler.elaborate.Specs.example(name, Map.of("n", 4L));
        Lowered l = assertExact(p);
        System.out.println(name + " n=4: " + l.circuit().gateCount() + " gates, depth " + tc0.circuits.analysis.Levels.of(l.circuit()).depth());
    }

    @Test
    void regionsFollowTheNodes() {
        TensorProgram p = program("input X: [2, 2]; weight W: [2, 2] = random(seed: 6); output Y = relu(X @ W);");
        Lowered l = TensorIrToCircuit.lower(p);
        var c = l.circuit();
        java.util.Set<String> paths = new java.util.TreeSet<>();
        for (int g = 0; g < c.gateCount(); g++) paths.add(c.regions().path(c.region(g)));
        java.util.Set<String> want = new java.util.TreeSet<>();
        for (var n : p.nodes()) if (n.op() instanceof Op.MatMul || n.op() instanceof Op.Unary) want.add(n.region());
        assertEquals(want, paths);
    }
}
