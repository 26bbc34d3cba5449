package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.compiler.testing.GadgetAsserts;
import tc0.compiler.testing.WideEval;

/** n-ary addition at any width: exact modulo 2^width against BigInteger, depth free of the width. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WideSumTest {
    /** The sum of m unsigned p-bit words with constant coefficients (any sign) plus a constant, modulo 2^width. */
    static Circuit sumCircuit(int m, int p, BigInteger[] coeffs, BigInteger constant, int width, int rounds) {
        return GadgetAsserts.assertCost(costOf(m, p, coeffs, constant, width, rounds), b -> {
            WideColumns cols = new WideColumns(width);
            for (int i = 0; i < m; i++) cols.addUnsigned(b.inputBus("x" + i, p), coeffs[i]);
            cols.addConstant(constant);
            b.outputBus("s", WideSum.build(Net.of(b), cols, rounds));
        });
    }

    static Cost costOf(int m, int p, BigInteger[] coeffs, BigInteger constant, int width, int rounds) {
        CountingNet net = new CountingNet();
        WideColumns cols = new WideColumns(width);
        for (int i = 0; i < m; i++) cols.addUnsigned(net.input(p), coeffs[i]);
        cols.addConstant(constant);
        WideSum.build(net, cols, rounds);
        return net.cost();
    }

    static BigInteger reference(BigInteger[] xs, BigInteger[] coeffs, BigInteger constant, int width) {
        BigInteger s = constant;
        for (int i = 0; i < xs.length; i++) s = s.add(xs[i].multiply(coeffs[i]));
        return s.mod(BigInteger.ONE.shiftLeft(width));
    }

    @Test
    void everySumOfThreeWordsOfThreeBitsWithSignedCoefficientsIsExact() {
        BigInteger[] coeffs = {BigInteger.ONE, BigInteger.valueOf(-3), BigInteger.valueOf(5)};
        for (int rounds = 0; rounds <= 2; rounds++) {
            for (int width : new int[] {3, 7, 9}) {
                BigInteger k = BigInteger.valueOf(11);
                WideEval ev = new WideEval(sumCircuit(3, 3, coeffs, k, width, rounds));
                for (int a = 0; a < 512; a++) {
                    BigInteger[] xs = {BigInteger.valueOf(a & 7), BigInteger.valueOf(a >> 3 & 7), BigInteger.valueOf(a >> 6)};
                    assertEquals(reference(xs, coeffs, k, width), ev.run(xs).unsigned("s"), "a " + a + " width " + width + " rounds " + rounds);
                }
            }
        }
    }

    @Test
    void wideSumsMatchBigIntegerOnRandomAndEdgeWords() {
        Random r = new Random(17);
        for (int p : new int[] {16, 40, 64}) {
            int m = 5, width = p + 3;
            BigInteger[] coeffs = new BigInteger[m];
            for (int i = 0; i < m; i++) coeffs[i] = BigInteger.ONE;
            WideEval ev = new WideEval(sumCircuit(m, p, coeffs, BigInteger.ZERO, width, 2));
            for (BigInteger[] xs : words(r, m, p)) assertEquals(reference(xs, coeffs, BigInteger.ZERO, width), ev.run(xs).unsigned("s"), "p " + p);
        }
    }

    /** Random words plus the edge cases: all zeros, all ones, powers of two, alternating ones. */
    static List<BigInteger[]> words(Random r, int m, int p) {
        List<BigInteger[]> out = new ArrayList<>();
        BigInteger ones = BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE);
        BigInteger[] edges = {BigInteger.ZERO, ones, BigInteger.ONE, BigInteger.ONE.shiftLeft(p - 1), BigInteger.ONE.shiftLeft(p / 2),
                ones.divide(BigInteger.valueOf(3)), ones.subtract(BigInteger.ONE)};
        for (BigInteger e : edges) {
            BigInteger[] xs = new BigInteger[m];
            for (int i = 0; i < m; i++) xs[i] = e;
            out.add(xs);
        }
        for (int t = 0; t < 60; t++) {
            BigInteger[] xs = new BigInteger[m];
            for (int i = 0; i < m; i++) xs[i] = t % 3 == 0 ? edges[r.nextInt(edges.length)] : new BigInteger(p, r);
            out.add(xs);
        }
        return out;
    }

    @Test
    void depthIsTheSameFromEightToOneThousandTwentyFourBits() {
        BigInteger[] coeffs = new BigInteger[8];
        for (int i = 0; i < 8; i++) coeffs[i] = BigInteger.ONE;
        int d8 = costOf(8, 8, coeffs, BigInteger.ZERO, 11, 2).depth();
        assertEquals(2 * 2 + 7, d8);
        for (int p = 16; p <= 1024; p *= 2) {
            Cost c = costOf(8, p, coeffs, BigInteger.ZERO, p + 3, 2);
            assertEquals(d8, c.depth(), "p = " + p);
            assertTrue(c.gates() > 0);
        }
    }
}
