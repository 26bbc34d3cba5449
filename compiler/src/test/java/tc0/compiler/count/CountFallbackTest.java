package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc0.compiler.count.CountAsserts.built;
import static tc0.compiler.count.CountAsserts.program;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.ir.TensorProgram;

/** Where the summary cannot count: the fallback is told which node and why, sees the build's gates, and can stop it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CountFallbackTest {
    /** Two views of one tensor in one add: the class summary cannot count it. */
    static final TensorProgram TWO_VIEWS = program("input K: [2, 2]; let H = exp(K); output S = H + transpose(H);");

    /** Records what it is told. */
    static final class Recording implements CountFallback {
        final List<String> why = new ArrayList<>();
        final List<Long> gates = new ArrayList<>();

        @Override public void building(String reason, long elements) { why.add(reason + " / " + elements); }

        @Override public void built(long g) { gates.add(g); }
    }

    @Test
    void theFallbackIsToldTheNodeTheOpAndWhyThenEveryNodesGates() {
        Recording r = new Recording();
        CountedCost c = TensorIrToCost.count(TWO_VIEWS, 2, r);
        assertEquals(built(TWO_VIEWS, 2, false), c, "the fallback's count is the build's");
        assertEquals(1, r.why.size(), r.why.toString());
        // K 4 elements, exp 4, transpose 4, add 4
        assertTrue(r.why.getFirst().matches("counting: node \\d+ \\(add, region [^)]+\\): operands of ADD share literals, "
                + "which the class summary cannot count exactly / 16"), r.why.getFirst());
        assertTrue(r.gates.size() >= 3, "told after every node: " + r.gates);
        assertTrue(r.gates.getLast() >= c.gates().longValueExact(), r.gates + " vs " + c);
    }

    @Test
    void theFallbackCanStopTheBuild() {
        CountFallback limit = new CountFallback() {
            @Override public void building(String why, long elements) { }

            @Override public void built(long gates) { if (gates > 0) throw new IllegalStateException("past the limit at " + gates); }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TensorIrToCost.count(TWO_VIEWS, 2, limit));
        assertTrue(e.getMessage().startsWith("past the limit at "), e.getMessage());
    }

    @Test
    void withoutAFallbackTheRefusalNamesTheNode() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> TensorIrToCost.summaryOnly(TWO_VIEWS, 2));
        assertTrue(e.getMessage().matches("counting: node \\d+ \\(add, region [^)]+\\): operands of ADD share literals, "
                + "which the class summary cannot count exactly"), e.getMessage());
    }
}
