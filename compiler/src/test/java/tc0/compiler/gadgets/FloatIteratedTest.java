package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.testing.WideEval;

/**
 * The iterated float sum ({@code d_sum}) and product ({@code d_prod}), each rounded once, bit-exact against
 * {@link ChiangFloat}: every triple at p = 3, q = 2, edge and random quadruples at 16 to 64 bits; depth the
 * same for p = 8 ... 256.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FloatIteratedTest {
    static final ChiangFloat.Format TINY = new ChiangFloat.Format(3, 2);

    static WideEval sum(ChiangFloat.Format f, int n) { return FloatCircuits.circuit(f, n, (net, xs) -> FloatSum.build(net, xs, 2).word()); }

    static WideEval product(ChiangFloat.Format f, int n) { return FloatCircuits.circuit(f, n, (net, xs) -> FloatProduct.build(net, xs, 2).word()); }

    @Test
    void everyTripleSumsAndMultipliesWithOneRounding() {
        WideEval s = sum(TINY, 3), m = product(TINY, 3);
        List<ChiangFloat> all = FloatCircuits.allWithZeros(TINY);
        for (ChiangFloat x : all) {
            for (ChiangFloat y : all) {
                for (ChiangFloat z : all) {
                    List<ChiangFloat> xs = List.of(x, y, z);
                    assertEquals(ChiangFloat.sum(TINY, xs), FloatCircuits.result(s, TINY, xs), "sum " + xs);
                    assertEquals(ChiangFloat.product(TINY, xs), FloatCircuits.result(m, TINY, xs), "product " + xs);
                }
            }
        }
    }

    @Test
    void wideSumsAndProductsMatchTheReference() {
        Random r = new Random(23);
        for (int p : new int[] {16, 40, 64}) {
            ChiangFloat.Format f = new ChiangFloat.Format(p, 3);
            WideEval s = sum(f, 4), m = product(f, 4);
            List<ChiangFloat> pool = FloatCircuits.samples(f, r, 30);
            for (int t = 0; t < 300; t++) {
                List<ChiangFloat> xs = new ArrayList<>();
                for (int i = 0; i < 4; i++) xs.add(pool.get(r.nextInt(pool.size())));
                if (t % 3 == 0) xs.set(1, new ChiangFloat(f, !xs.get(0).negative(), xs.get(0).significand(), xs.get(0).biasedExponent())); // cancellation
                assertEquals(ChiangFloat.sum(f, xs), FloatCircuits.result(s, f, xs), "sum " + xs);
                assertEquals(ChiangFloat.product(f, xs), FloatCircuits.result(m, f, xs), "product " + xs);
            }
        }
    }

    @Test
    void depthIsTheSameFromEightToTwoHundredFiftySixBits() {
        int[] d8 = depths(8);
        // Sum: as the addition (24); product: IteratedProduct 31 + FloatRound 9.
        assertEquals("[24, 40]", java.util.Arrays.toString(d8));
        for (int p = 16; p <= 256; p *= 2) assertEquals(java.util.Arrays.toString(d8), java.util.Arrays.toString(depths(p)), "p = " + p);
    }

    /** Sum and product of 4 floats at q = 4. */
    static int[] depths(int p) {
        ChiangFloat.Format f = new ChiangFloat.Format(p, 4);
        return new int[] {
            FloatCircuits.depth(f, 4, (net, xs) -> FloatSum.build(net, xs, 2).word()),
            FloatCircuits.depth(f, 4, (net, xs) -> FloatProduct.build(net, xs, 2).word())
        };
    }
}
