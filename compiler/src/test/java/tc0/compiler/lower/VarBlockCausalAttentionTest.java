package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.interp.InputGenerator;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.testing.BitExact;

/**
 * VAR's transformer (the prelude's var_transformer, as examples/var.tc0 uses it) attends block-causally, on the
 * circuit: scale 2's output changes when a token of scale 1 turns to its opposite (at either layer's cached state),
 * and does not change when a token of scale 3, a dummy row, or the cache rows its own tokens overwrite change.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VarBlockCausalAttentionTest {
    /** Scales 1, 2, 3 have 1, 4 and 9 tokens (N = 14); scale 2 starts at row 1 of each cache section. */
    static final int D = 4, N = 14, LAYERS = 2, OFF = 1, M = 4;
    static final String SPEC = """
            model var_attention(d = 4, layers = 2) {
                precision fixed(int: 6, frac: 6);
                input E: [4, d];
                input T: [layers * 14 + 2, d];
                weight A: [layers*d, 4*d] = random(seed: 1);
                weight G: [4*layers, d] = random(seed: 2);
                weight W1: [layers*d, 4*d] = random(seed: 3);
                weight B1: [layers, 4*d] = random(seed: 4);
                weight W2: [4*layers*d, d] = random(seed: 5);
                weight B2: [layers, d] = random(seed: 6);
                output Y = var_transformer(E, T, 1, 14, layers, A, G, W1, B1, W2, B2);
            }
            """;

    /** Cache row of token {@code token} (0 = scale 1's) in layer {@code layer}'s section. */
    static int row(int layer, int token) {
        return 1 + layer * N + token;
    }

    @Test
    void aFinerScaleSeesEveryCoarserTokenAndNoFinerOne() {
        TensorProgram p = Specs.elaborate(SPEC);
        Lowered l = TensorIrToCircuit.lower(p);
        List<Map<String, long[]>> sets = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            Map<String, long[]> base = InputGenerator.generate(p, InputGenerator.Kind.RANDOM_UNIT, seed);
            sets.add(withRow(base, row(0, 0), 1));                          // scale 1's token, layer 0's input
            sets.add(withRow(base, row(0, 0), -1));                         // ... its opposite
            sets.add(withRow(base, row(1, 0), 1));                          // scale 1's token, layer 1's input
            sets.add(withRow(base, row(1, 0), -1));
            sets.add(withRow(withRow(base, row(0, 0), 1), row(0, OFF + M + 3), -1)); // and a scale 3 token
            sets.add(withRow(withRow(base, row(0, 0), 1), row(1, OFF + M + 8), 1));  // the last scale 3 token, layer 1
            sets.add(withRow(withRow(base, row(0, 0), 1), 0, -1));                   // the leading dummy row
            sets.add(withRow(withRow(base, row(0, 0), 1), 1 + LAYERS * N, 1));       // the trailing dummy row
            sets.add(withRow(withRow(base, row(0, 0), 1), row(0, OFF + 2), -1));     // scale 2's own slot: overwritten by E
        }
        BitExact.assertBitExact(l, sets);
        BitMatrix out = new BitParallelEvaluator(1).evaluate(l.circuit(), l.encode(sets));
        for (int s = 0; s < 3; s++) {
            int b = 9 * s;
            long[] y = l.decode(out, b).get("Y");
            assertFalse(Arrays.equals(y, l.decode(out, b + 1).get("Y")), "a scale 1 token (layer 0) does not reach scale 2, seed " + (s + 1));
            assertFalse(Arrays.equals(l.decode(out, b + 2).get("Y"), l.decode(out, b + 3).get("Y")),
                    "a scale 1 token (layer 1) does not reach scale 2, seed " + (s + 1));
            for (int k = 4; k < 9; k++) assertArrayEquals(y, l.decode(out, b + k).get("Y"), "change " + k + " reached scale 2, seed " + (s + 1));
        }
    }

    /** {@code base} with cache row {@code r} set to {@code sign} times a fixed pattern (a layer norm keeps a row's pattern, not its scale; the opposite pattern normalises to the opposite). */
    static Map<String, long[]> withRow(Map<String, long[]> base, int r, int sign) {
        long[] pattern = {40, -10, 25, -55};
        Map<String, long[]> m = new LinkedHashMap<>(base);
        long[] t = base.get("T").clone();
        for (int j = 0; j < D; j++) t[r * D + j] = sign * pattern[j];
        m.put("T", t);
        return m;
    }
}
