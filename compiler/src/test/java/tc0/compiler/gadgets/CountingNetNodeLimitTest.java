package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Literal;

/**
 * A counting net refuses a node past its bound rather than hand out a literal that wraps: the bound is 2^30, the last
 * node whose literal (2 node + sign) an int holds; seen here at a bound of 64 (inputs and gates alike).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CountingNetNodeLimitTest {
    @Test
    void theLastNodeIsTheLastALiteralHolds() {
        assertTrue(Literal.of(CountingNet.MAX_NODES - 1, true) > 0, "node 2^30 - 1's literal");
        assertTrue((CountingNet.MAX_NODES << 1) < 0, "node 2^30's would wrap");
    }

    @Test
    void aNodePastTheBoundIsRefused() {
        CountingNet net = new CountingNet();
        net.nodeLimit(64);
        int[] x = net.input(62); // nodes 1 .. 62 (node 0 is the constant)
        int g = net.and(x[0], x[1]); // node 63, the last
        assertEquals(63, Literal.node(g));
        assertThrows(ArithmeticException.class, () -> net.and(x[2], x[3]));
        assertThrows(ArithmeticException.class, () -> net.input(1));
    }
}
