package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.testing.WideEval;

/**
 * A float times a constant ({@link FloatProduct#byConstant}: a weight, {@code 1 + eps}, RoPE's cos and sin): bit-exact
 * against {@link ChiangFloat#multiply}, and one depth whatever the constant's bits. A model's weights are rounded to
 * p = n bits, so a weight's set bits change with n; with only its own rows the product was 7, 17 or 20 deep by
 * whether it had one, two or more bits (and 16-18 at p = 4), and the float GIN's depth followed n.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FloatConstantProductTest {
    /** x times the float of significand {@code sig} and exponent 0 (biased {@code 2^(q-1)}), in the models' format. */
    static FloatDepthTest.Primitive times(long sig, int p) {
        int q = FloatDepthTest.exponentBits(p);
        ChiangFloat c = new ChiangFloat.Format(p, q).of(false, sig, 1 << (q - 1));
        return new FloatDepthTest.Primitive("times " + Long.toBinaryString(sig), 1, (net, x) -> FloatProduct.multiply(net, x[0], FloatConstant.of(c), 2).word());
    }

    /** Each distinct path table of {@code x c} over the significands {@code sigs}, with the first constant that has it. */
    static TreeMap<String, String> pathTables(int p, long[] sigs) {
        TreeMap<String, String> seen = new TreeMap<>();
        for (long sig : sigs) seen.putIfAbsent(FloatDepthTest.paths(times(sig, p), p), Long.toBinaryString(sig));
        return seen;
    }

    /** The multiply of two variables less its partial products' AND level: 21 - 1. */
    static final String TWENTY_DEEP = "depth 20; x0: m->19/20/18 e->3/4/2 s->-1/-1/1";

    @Test
    void everyConstantOfFiveToTenBitsGivesOnePathTable() {
        for (int p = 5; p <= 10; p++) {
            long top = 1L << (p - 1);
            long[] sigs = new long[(int) top];
            for (int i = 0; i < top; i++) sigs[i] = top + i;
            assertEquals(List.of(TWENTY_DEEP), List.copyOf(pathTables(p, sigs).keySet()), "p = " + p + ": " + pathTables(p, sigs));
        }
    }

    /** One, two and three set bits (the old 7, 17, 20), all ones, and random constants. */
    @Test
    void powersOfTwoFewBitsAndRandomConstantsToSixtyFourBitsGiveOnePathTable() {
        Random r = new Random(17);
        for (int p : new int[] {16, 32, 63}) {
            long top = 1L << (p - 1);
            long[] sigs = new long[12];
            sigs[0] = top;
            sigs[1] = top | 1;
            sigs[2] = top | top >> 1;
            sigs[3] = top | 1 | top >> 2;
            sigs[4] = top | (top - 1);
            for (int i = 5; i < sigs.length; i++) sigs[i] = top | (r.nextLong() & (top - 1));
            assertEquals(List.of(TWENTY_DEEP), List.copyOf(pathTables(p, sigs).keySet()), "p = " + p);
        }
    }

    @Test
    void everyProductByEveryConstantAtFourBitsIsRoundedOnce() {
        ChiangFloat.Format f = new ChiangFloat.Format(4, 3);
        List<ChiangFloat> all = FloatCircuits.allWithZeros(f);
        for (ChiangFloat c : ChiangFloat.all(f)) {
            for (boolean left : new boolean[] {false, true}) {
                WideEval ev = FloatCircuits.circuit(f, 1, (net, x) -> (left ? FloatProduct.multiply(net, FloatConstant.of(c), x[0], 2) : FloatProduct.multiply(net, x[0], FloatConstant.of(c), 2)).word());
                for (ChiangFloat x : all) assertEquals(ChiangFloat.multiply(x, c), FloatCircuits.result(ev, f, List.of(x)), x + " * " + c);
            }
        }
    }

    @Test
    void wideProductsByEdgeAndRandomConstantsAreRoundedOnce() {
        Random r = new Random(5);
        for (int p : new int[] {16, 40}) {
            ChiangFloat.Format f = new ChiangFloat.Format(p, 5);
            List<ChiangFloat> xs = FloatCircuits.samples(f, r, 40);
            List<ChiangFloat> cs = new java.util.ArrayList<>(FloatCircuits.samples(f, r, 6));
            cs.add(f.of(false, BigInteger.ONE.shiftLeft(p - 1).longValueExact(), f.bias())); // 1.0
            for (ChiangFloat c : cs) {
                if (c.isZero()) continue;
                WideEval ev = FloatCircuits.circuit(f, 1, (net, x) -> FloatProduct.multiply(net, x[0], FloatConstant.of(c), 2).word());
                for (ChiangFloat x : xs) assertEquals(ChiangFloat.multiply(x, c), FloatCircuits.result(ev, f, List.of(x)), x + " * " + c);
            }
        }
    }
}
