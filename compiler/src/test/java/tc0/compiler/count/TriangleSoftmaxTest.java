package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.ir.TensorProgram;
import tc0.dsl.Dsl;

/**
 * {@link TriangleSoftmax}'s rows (kinds found by a scan, reads merged once per change, a row's group taken from
 * the row before when its outputs are the same, the summed lines made only when a line of two kinds comes) against
 * the same softmax counted line by line by {@link MaskedSoftmaxCount} (the triangle path off): the whole model's
 * depth, gates, wires and width. Masks whose rows grow (tril) and shrink (triu), rows of one kind of entry, the
 * one-entry row, several n; also scores made by {@code where} from two inputs (X and Y are of one class: one kind;
 * which path counts them is not asserted). Lines of two kinds summed by shape:
 * {@link SoftmaxRowsTest#causalPairSoftmaxCountsAsLineByLine}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TriangleSoftmaxTest {
    private static CountedCost count(String spec, long n, boolean triangle) {
        TensorProgram p = Elaborator.elaborate(Dsl.check(spec, "t.tc0").orElseThrow(), Map.of("n", n));
        boolean was = TriangleSoftmax.enabled;
        TriangleSoftmax.enabled = triangle;
        try {
            return TensorIrToCost.summaryOnly(p, 2);
        } finally {
            TriangleSoftmax.enabled = was;
        }
    }

    private static void assertSame(String spec, long n) {
        assertEquals(count(spec, n, false), count(spec, n, true), "n " + n + ": " + spec);
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 3, 5, 17, 64, 130})
    void aCausalModelCountsAsItsLinesOneByOne(long n) {
        for (String mask : new String[] {"tril(m)", "triu(m)"}) assertSame(MaskedCountTest.CAUSAL.replace("tril(m)", mask), n);
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 3, 7, 40, 129})
    void softmaxesOfOneAndTwoKindsCountAsTheirLinesOneByOne(long n) {
        String head = "model s(n = 4) { precision fixed(int: 5, frac: 4); input X: [n, n]; input Y: [n, n]; ";
        assertSame(head + "output Z = softmax(X, axis: 1, mask: tril(n)); }", n);
        assertSame(head + "output Z = softmax(X, axis: 1, mask: triu(n)); }", n);
        // Scores made by where from two inputs (W an output: the entries the mask drops are read there).
        assertSame(head + "output W = where(tril(n), X, Y); output Z = softmax(W, axis: 1, mask: triu(n)); }", n);
        assertSame(head + "output W = where(triu(n), X, Y); output Z = softmax(W, axis: 1, mask: triu(n)); }", n);
    }
}
