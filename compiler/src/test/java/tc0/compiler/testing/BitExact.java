package tc0.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.compiler.interp.InputGenerator;
import tc0.compiler.interp.ReferenceInterpreter;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.Lowered;

/** A lowered program's circuit against the exact reference interpreter, bit for bit, on given input sets. */
public final class BitExact {
    private BitExact() {}

    /** Every edge kind (zeros, max, min, alternating, ...) and random sets of seeds 2 to {@code lastSeed}. */
    public static List<Map<String, long[]>> edgeAndRandom(TensorProgram p, long lastSeed) {
        List<Map<String, long[]>> sets = new ArrayList<>();
        for (InputGenerator.Kind k : InputGenerator.Kind.values()) sets.add(InputGenerator.generate(p, k, 1));
        for (long seed = 2; seed <= lastSeed; seed++) sets.add(InputGenerator.generate(p, InputGenerator.Kind.RANDOM, seed));
        return sets;
    }

    /** Every output of {@code l}'s circuit equals the reference's on every set, evaluated bit-parallel. */
    public static void assertBitExact(Lowered l, List<Map<String, long[]>> sets) {
        TensorProgram p = l.program();
        BitMatrix out = new BitParallelEvaluator(1).evaluate(l.circuit(), l.encode(sets));
        for (int pat = 0; pat < sets.size(); pat++) {
            Map<String, long[]> want = ReferenceInterpreter.run(p, sets.get(pat));
            Map<String, long[]> got = l.decode(out, pat);
            assertEquals(want.keySet(), got.keySet());
            for (String o : want.keySet()) assertArrayEquals(want.get(o), got.get(o), "output " + o + ", pattern " + pat);
        }
    }
}
