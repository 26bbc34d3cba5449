package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.testing.GadgetAsserts;
import tc0.compiler.testing.WideEval;

/** Products of two wide words, and a sum's top bits alone: exact against BigInteger, depth free of p. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WideMultiplyTest {
    static WideEval productCircuit(int p) {
        CountingNet net = new CountingNet();
        WideMultiply.product(net, net.input(p), net.input(p), 2);
        return new WideEval(GadgetAsserts.assertCost(net.cost(), b -> {
            int[] x = b.inputBus("x", p), y = b.inputBus("y", p);
            b.outputBus("xy", WideMultiply.product(Net.of(b), x, y, 2));
        }));
    }

    /**
     * The top bits alone. Not cost-checked: partial products in low columns that can never carry (x_0 y_0
     * alone in column 0) are made by the caller and read by no gate of the top bits, so the builder drops them.
     */
    static WideEval topCircuit(int p, int from) {
        return new WideEval(GadgetAsserts.build(b -> {
            int[] x = b.inputBus("x", p), y = b.inputBus("y", p);
            b.outputBus("xy", WideSum.top(Net.of(b), WideMultiply.addProduct(Net.of(b), new WideColumns(2 * p), x, y, 0), 2, from));
        }));
    }

    @Test
    void everyProductOfTwoSixBitWordsIsExact() {
        WideEval ev = productCircuit(6);
        for (int a = 0; a < 64; a++) {
            for (int c = 0; c < 64; c++) assertEquals(BigInteger.valueOf((long) a * c), ev.run(BigInteger.valueOf(a), BigInteger.valueOf(c)).unsigned("xy"));
        }
    }

    @Test
    void topBitsAloneAreExact() {
        for (int from : new int[] {3, 6, 9}) {
            WideEval ev = topCircuit(6, from);
            for (int a = 0; a < 64; a++) {
                for (int c = 0; c < 64; c++) {
                    assertEquals(BigInteger.valueOf((long) a * c >> from), ev.run(BigInteger.valueOf(a), BigInteger.valueOf(c)).unsigned("xy"), "from " + from);
                }
            }
        }
    }

    @Test
    void wideProductsMatchBigIntegerOnRandomAndEdgeWords() {
        Random r = new Random(11);
        for (int p : new int[] {16, 33, 64}) {
            WideEval ev = productCircuit(p);
            for (BigInteger[] xy : WideSumTest.words(r, 2, p)) assertEquals(xy[0].multiply(xy[1]), ev.run(xy).unsigned("xy"), "p " + p);
        }
    }

    @Test
    void depthIsTheSameFromEightToOneThousandTwentyFourBits() {
        int d8 = depth(8);
        assertEquals(1 + 2 * 2 + 7, d8);
        for (int p = 16; p <= 1024; p *= 2) assertEquals(d8, depth(p), "p = " + p);
    }

    static int depth(int p) {
        CountingNet net = new CountingNet();
        WideMultiply.product(net, net.input(p), net.input(p), 2);
        return net.cost().depth();
    }
}
