package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.FixedFormat;
import tc0.dsl.Dsl;

/**
 * The masked mean counted by summaries against the circuit built without hashing: an adjacency mask over
 * scores, a node mask over computed features (the gadget run: relu's sign bit is a constant) and over the input
 * words (the closed form), at every n from 1 to 13.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MaskedMeanCountTest {
    private static final String GNN = """
            model g(n = 4, d = 3) {
                precision fixed(int: 4, frac: 3);
                input A: [n, n] bit;
                input V: [n, 1] bit;
                input X: [n, d];
                input K: [n, d];
                weight W: [d, d] = random(seed: 1);
                let H = relu(X @ W);
                output Y = mean(H, axis: 0, mask: V);
                output Z = mean(X @ transpose(K), axis: 1, mask: A);
                output U = mean(X, axis: 0, mask: V);
                output W2 = mean(X @ transpose(K), axis: 1, mask: where(eye(n), 1, A));
            }
            """;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
    void countsAsBuilt(long n) {
        TensorProgram p = Elaborator.elaborate(Dsl.check(GNN, "g.tc0").orElseThrow(), Map.of("n", n));
        CountAsserts.assertCounted(p);
    }

    @Test
    void inputWordsUnderAVariableMaskAreCountedInClosedForm() {
        FixedFormat f = FixedFormat.of(4, 3);
        int len = 5;
        ElemClass[] in = new ElemClass[2 * len];
        for (int t = 0; t < len; t++) {
            in[t] = ElemClass.fresh(f.width(), t % 3); // words at levels 0, 1, 2
            in[len + t] = ElemClass.fresh(1, t % 2);
        }
        Instance.Result closed = MaskedMeanCount.closed(in, len, f, f);
        assertNotNull(closed);
        assertBuiltAlike(closed, in, len, f);
    }

    @Test
    void aConstantMaskIsCountedWithoutBuilding() { // summaryOnly: no fallback to building
        CountAsserts.assertCounted(CountAsserts.program("input X: [4, 4]; output Z = mean(X, axis: 1, mask: tril(4));"));
    }

    @Test
    void wordsUnderAConstantMaskAreCountedInClosedForm() {
        FixedFormat f = FixedFormat.of(4, 3);
        int len = 6;
        long[] bits = {1, 0, 1, 1, 0, 1};
        ElemClass[] in = new ElemClass[2 * len];
        for (int t = 0; t < len; t++) {
            in[t] = ElemClass.fresh(f.width(), t % 3); // words at levels 0, 1, 2
            in[len + t] = ElemClass.constant(bits[t], 1);
        }
        Instance.Result closed = MaskedMeanCount.closedConstantMask(in, len, f, f);
        assertNotNull(closed);
        assertBuiltAlike(closed, in, len, f);
    }

    /** The closed count equals MaskedMean built over the same inputs (words then mask bits): cost and output class. */
    private static void assertBuiltAlike(Instance.Result closed, ElemClass[] in, int len, FixedFormat f) {
        Instance.Result run = Instance.run((net, xs) -> {
            int[] mask = new int[len];
            for (int t = 0; t < len; t++) mask[t] = xs[len + t][0];
            return new int[][] {tc0.compiler.gadgets.MaskedMean.build(net, java.util.Arrays.copyOf(xs, len), mask, f, f)};
        }, in, Instance.distinct(in.length));
        assertEquals(run.profile().cost(), closed.profile().cost());
        assertEquals(run.out()[0], closed.out()[0]);
    }
}
