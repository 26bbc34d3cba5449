package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc0.compiler.count.CountAsserts.assertCounted;
import static tc0.compiler.count.CountAsserts.program;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import tc0.compiler.gadgets.CountingNet;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.Multiply;
import tc0.compiler.gadgets.WeightedSum;

/**
 * Wide counting of a whole program: a dot product of 30-bit words whose weights sum past 2^63 (16 pairs of
 * partial products up to 2^58) is refused by {@link TensorIrToCost#count} as unbuildable, and counted by
 * {@link TensorIrToCost#countWide}, marked wide, with the figures of the same construction whose partial
 * products of weight 2^40 and above (above every column the sum reads: shift 10 + width 30) weigh 2^40
 * instead: a circuit tc0 builds, gate by gate here.
 */
class WideCountTest {
    static final String HEAD = "model m() { precision fixed(int: 20, frac: 10); ";

    @Test
    void aDotProductPastALongIsCountedAsItsBuildableTwin() {
        int d = 16, w = 30, shift = 10, top = shift + w;
        var p = program(HEAD, "input A: [1, " + d + "]; input B: [" + d + ", 1]; output C = A @ B;");
        CountOverflow e = assertThrows(CountOverflow.class, () -> TensorIrToCost.count(p, 2));
        assertTrue(e.getMessage().contains("cannot be built at these parameters") && e.getMessage().contains("first at node"), e.getMessage());
        assertThrows(ArithmeticException.class, () -> tc0.compiler.lower.TensorIrToCircuit.lower(p, 2, false), "the build overflows");

        CountedCost wide = TensorIrToCost.countWide(p, 2);
        assertTrue(wide.wide());

        CountingNet net = new CountingNet();
        int[][] x = net.inputs(d, w), y = net.inputs(d, w);
        LinearForm f = new LinearForm();
        for (int t = 0; t < d; t++) {
            for (int i = 0; i < w; i++) {
                for (int j = 0; j < w; j++) {
                    long wt = Multiply.partialWeight(1, i, j, w, w);
                    if (Math.abs(wt) > 1L << top) wt = (long) Long.signum(wt) << top; // above every column read: only the saturation sees it
                    f.add(net.and(x[t][i], y[t][j]), wt);
                }
            }
        }
        WeightedSum.build(net, f, shift, w, true, 2);
        var twin = net.cost();
        assertEquals(twin.depth(), wide.depth());
        assertEquals(BigInteger.valueOf(twin.gates()), wide.gates());
        assertEquals(BigInteger.valueOf(twin.wires()), wide.wires());
    }

    @Test
    void aBuildableProgramIsNotWideAndCountsAsBefore() {
        var p = program(HEAD, "input A: [1, 2]; input B: [2, 1]; output C = A @ B;"); // 2 pairs: totals below 2^62
        CountedCost c = assertCounted(p);
        assertFalse(c.wide());
        assertEquals(c, TensorIrToCost.countWide(p, 2));
    }
}
