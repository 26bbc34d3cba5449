package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.compiler.testing.GadgetAsserts;
import tc0.compiler.testing.WideEval;

/** Iterated multiplication by Chinese remaindering: exact against BigInteger, depth free of p and m. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class IteratedProductTest {
    static Circuit productCircuit(int m, int p) {
        return GadgetAsserts.assertCost(cost(m, p), b -> {
            int[][] xs = new int[m][];
            for (int l = 0; l < m; l++) xs[l] = b.inputBus("x" + l, p);
            b.outputBus("prod", IteratedProduct.build(Net.of(b), xs, 2));
        });
    }

    static Cost cost(int m, int p) {
        CountingNet net = new CountingNet();
        IteratedProduct.build(net, net.inputs(m, p), 2);
        return net.cost();
    }

    static BigInteger product(BigInteger[] xs) {
        BigInteger r = BigInteger.ONE;
        for (BigInteger x : xs) r = r.multiply(x);
        return r;
    }

    @Test
    void everyProductOfThreeWordsOfThreeBitsIsExact() {
        WideEval ev = new WideEval(productCircuit(3, 3));
        for (int a = 0; a < 512; a++) {
            BigInteger[] xs = {BigInteger.valueOf(a & 7), BigInteger.valueOf(a >> 3 & 7), BigInteger.valueOf(a >> 6)};
            assertEquals(product(xs), ev.run(xs).unsigned("prod"), "a = " + a);
        }
    }

    @Test
    void everyProductOfTwoWordsOfFiveBitsIsExact() {
        WideEval ev = new WideEval(productCircuit(2, 5));
        for (int a = 0; a < 1024; a++) {
            BigInteger[] xs = {BigInteger.valueOf(a & 31), BigInteger.valueOf(a >> 5)};
            assertEquals(product(xs), ev.run(xs).unsigned("prod"), "a = " + a);
        }
    }

    @Test
    void productsOfWideWordsMatchBigIntegerOnRandomAndEdgeInputs() {
        Random r = new Random(5);
        for (int[] mp : new int[][] {{4, 16}, {2, 32}, {2, 64}}) {
            int m = mp[0], p = mp[1];
            WideEval ev = new WideEval(productCircuit(m, p));
            for (BigInteger[] xs : WideSumTest.words(r, m, p)) assertEquals(product(xs), ev.run(xs).unsigned("prod"), "m " + m + " p " + p);
        }
    }

    @Test
    void depthIsTheSameForEveryWidthAndNumberOfFactors() {
        int d = cost(2, 8).depth();
        assertEquals(6 * 2 + 19, d);
        for (int p = 16; p <= 128; p *= 2) assertEquals(d, cost(2, p).depth(), "m = 2, p = " + p);
        for (int m = 3; m <= 12; m += 3) assertEquals(d, cost(m, 16).depth(), "m = " + m + ", p = 16");
        assertTrue(cost(4, 16).gates() > cost(2, 16).gates());
    }

    @Test
    void theBasisCoversTheProductAndStopsAtTheFirstPrimeThatDoes() {
        for (int bits : new int[] {1, 9, 64, 200, 2048}) {
            int[] ps = CrtBasis.primesCovering(bits);
            BigInteger m = BigInteger.ONE;
            for (int q : ps) { assertTrue(BigInteger.valueOf(q).isProbablePrime(40) && q > 2, q + " is an odd prime"); m = m.multiply(BigInteger.valueOf(q)); }
            BigInteger need = BigInteger.ONE.shiftLeft(bits + 1);
            assertTrue(m.compareTo(need) >= 0, "covers 2^(bits+1) at bits = " + bits);
            assertTrue(m.divide(BigInteger.valueOf(ps[ps.length - 1])).compareTo(need) < 0, "minimal at bits = " + bits);
            for (int i = 1; i < ps.length; i++) assertTrue(BigInteger.valueOf(ps[i - 1]).nextProbablePrime().intValueExact() == ps[i], "consecutive");
        }
    }

    @Test
    void theStatedLowerBoundIsBelowTheCount() {
        for (int p : new int[] {4, 8, 16}) assertTrue(Primitive.PRODUCT.gatesAtLeast(p, 3) <= cost(3, p).gates(), "p = " + p);
    }
}
