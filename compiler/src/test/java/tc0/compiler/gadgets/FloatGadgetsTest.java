package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.testing.WideEval;

/**
 * Float compare, multiply and add ({@code d_std}) bit-exact against {@link ChiangFloat}: every pair at
 * p = 3, q = 3 (the zeros of every sign and exponent among them), edge and random pairs at 16 to 64 bits.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FloatGadgetsTest {
    static final ChiangFloat.Format TINY = new ChiangFloat.Format(3, 3);

    static WideEval compare(ChiangFloat.Format f) { return FloatCircuits.circuit(f, 2, (net, xs) -> FloatCompare.build(net, xs[0], xs[1])); }

    static WideEval multiply(ChiangFloat.Format f) { return FloatCircuits.circuit(f, 2, (net, xs) -> FloatProduct.multiply(net, xs[0], xs[1], 2).word()); }

    static WideEval add(ChiangFloat.Format f) { return FloatCircuits.circuit(f, 2, (net, xs) -> FloatSum.build(net, xs, 2).word()); }

    @Test
    void everyPairComparesByValue() {
        WideEval ev = compare(TINY);
        List<ChiangFloat> all = FloatCircuits.allWithZeros(TINY);
        for (ChiangFloat x : all) for (ChiangFloat y : all) assertCompares(ev, x, y);
    }

    @Test
    void everyProductIsRoundedOnce() {
        WideEval ev = multiply(TINY);
        List<ChiangFloat> all = FloatCircuits.allWithZeros(TINY);
        for (ChiangFloat x : all) for (ChiangFloat y : all) assertEquals(ChiangFloat.multiply(x, y), FloatCircuits.result(ev, TINY, List.of(x, y)), x + " * " + y);
    }

    @Test
    void everySumIsRoundedOnce() {
        WideEval ev = add(TINY);
        List<ChiangFloat> all = FloatCircuits.allWithZeros(TINY);
        for (ChiangFloat x : all) for (ChiangFloat y : all) assertEquals(ChiangFloat.add(x, y), FloatCircuits.result(ev, TINY, List.of(x, y)), x + " + " + y);
    }

    @Test
    void wideFloatsMatchTheReferenceOnEdgeAndRandomPairs() {
        Random r = new Random(17);
        for (int p : new int[] {16, 33, 64}) {
            ChiangFloat.Format f = new ChiangFloat.Format(p, 4);
            WideEval cmp = compare(f), mul = multiply(f), add = add(f);
            List<ChiangFloat> xs = FloatCircuits.samples(f, r, 40);
            for (int i = 0; i < xs.size(); i++) {
                for (int j = 0; j < xs.size(); j += 1 + (i + j) % 5) {
                    ChiangFloat x = xs.get(i), y = xs.get(j);
                    assertCompares(cmp, x, y);
                    assertEquals(ChiangFloat.multiply(x, y), FloatCircuits.result(mul, f, List.of(x, y)), x + " * " + y);
                    assertEquals(ChiangFloat.add(x, y), FloatCircuits.result(add, f, List.of(x, y)), x + " + " + y);
                }
            }
        }
    }

    @Test
    void depthIsTheSameFromEightToTwoHundredFiftySixBits() {
        int[] d8 = depths(8);
        // Compare: key 1, bitwise ORs 2, ANDs 3, OR 4, with the signs 6. Multiply: WideMultiply 12 + FloatRound 9.
        // Add: alignment 2 + WideSum 11 + magnitude 2 + FloatRound 9.
        assertEquals("[6, 21, 24]", java.util.Arrays.toString(d8));
        for (int p = 16; p <= 256; p *= 2) assertEquals(java.util.Arrays.toString(d8), java.util.Arrays.toString(depths(p)), "p = " + p);
    }

    /** Compare, multiply, add at q = 4. */
    static int[] depths(int p) {
        ChiangFloat.Format f = new ChiangFloat.Format(p, 4);
        return new int[] {
            FloatCircuits.depth(f, 2, (net, xs) -> FloatCompare.build(net, xs[0], xs[1])),
            FloatCircuits.depth(f, 2, (net, xs) -> FloatProduct.multiply(net, xs[0], xs[1], 2).word()),
            FloatCircuits.depth(f, 2, (net, xs) -> FloatSum.build(net, xs, 2).word())
        };
    }

    private static void assertCompares(WideEval ev, ChiangFloat x, ChiangFloat y) {
        int c = ChiangFloat.compare(x, y);
        BigInteger out = ev.run(FloatCircuits.word(x), FloatCircuits.word(y)).unsigned("r");
        assertEquals(c < 0, out.testBit(0), x + " < " + y);
        assertEquals(c == 0, out.testBit(1), x + " == " + y);
    }
}
