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
 * Float floor (Cor 3.13) bit-exact against {@link ChiangFloat#floor}: every float of every format p = 2..6, q = 1..4
 * (zeros of every sign and exponent among them), edge and random floats at 16 to 64 bits; the reference by hand; one
 * depth for every p and q.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FloatFloorTest {
    static WideEval floor(ChiangFloat.Format f) { return FloatCircuits.circuit(f, 1, (net, xs) -> FloatFloor.build(net, xs[0]).word()); }

    @Test
    void referenceByHand() {
        ChiangFloat.Format f = new ChiangFloat.Format(4, 4); // bias 8: value m 2^(E - 8)
        assertEquals(f.of(false, 8, 6), f.of(false, 10, 6).floor(), "floor(2.5) = 2"); // 10 2^-2; 2 = 8 2^-2
        assertEquals(f.of(true, 12, 6), f.of(true, 10, 6).floor(), "floor(-2.5) = -3"); // -3 = -12 2^-2
        assertEquals(f.of(true, 8, 5), f.of(true, 8, 3).floor(), "floor(-1/4) = -1"); // -8 2^-5; -1 = -8 2^-3
        assertEquals(f.zero(), f.of(false, 12, 4).floor(), "floor(3/4) = 0"); // 12 2^-4
        assertEquals(f.zero(), f.of(true, 0, 7).floor(), "floor(-0) = 0, canonical");
        assertEquals(f.of(true, 8, 5), f.of(true, 8, 5).floor(), "floor(-1) = -1");
        assertEquals(f.of(true, 8, 6), f.of(true, 15, 5).floor(), "floor(-1.875) = -2"); // -15 2^-3; -2 = -8 2^-2
        assertEquals(f.of(true, 8, 7), f.of(true, 15, 6).floor(), "floor(-3.75) = -4: the carry runs out, the exponent goes up");
        assertEquals(f.of(false, 15, 12), f.of(false, 15, 12).floor(), "240 stays");
    }

    @Test
    void everyFloatOfSmallFormatsFloorsExactly() {
        for (int p = 2; p <= 6; p++) {
            for (int q = 1; q <= 4; q++) {
                ChiangFloat.Format f = new ChiangFloat.Format(p, q);
                WideEval ev = floor(f);
                for (ChiangFloat x : FloatCircuits.allWithZeros(f)) {
                    assertEquals(x.floor(), FloatCircuits.result(ev, f, List.of(x)), "floor(" + x + ") at p = " + p + ", q = " + q);
                }
            }
        }
    }

    @Test
    void wideFloatsFloorExactlyOnEdgeAndRandomInputs() {
        Random r = new Random(31);
        for (int p : new int[] {16, 33, 64}) {
            ChiangFloat.Format f = new ChiangFloat.Format(p, 8);
            WideEval ev = floor(f);
            List<ChiangFloat> xs = new java.util.ArrayList<>(FloatCircuits.samples(f, r, 300));
            for (int t = 0; t <= p + 1; t++) { // every split of integer and fraction: E = bias - t
                BigInteger ones = BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE), low = BigInteger.ONE.shiftLeft(p - 1);
                for (BigInteger m : new BigInteger[] {ones, low, low.setBit(0), ones.clearBit(t < p - 1 ? t : 0)}) {
                    xs.add(new ChiangFloat(f, true, m, f.bias() - t));
                    xs.add(new ChiangFloat(f, false, m, f.bias() - t));
                }
            }
            for (ChiangFloat x : xs) assertEquals(x.floor(), FloatCircuits.result(ev, f, List.of(x)), "floor(" + x + ") at p = " + p);
        }
    }

    @Test
    void depthIsTheSameForEveryPrecision() {
        int d = FloatCircuits.depth(new ChiangFloat.Format(8, 8), 1, (net, xs) -> FloatFloor.build(net, xs[0]).word());
        for (int p : new int[] {4, 16, 64, 256, 1024}) {
            for (int q : new int[] {4, 8, 12}) {
                assertEquals(d, FloatCircuits.depth(new ChiangFloat.Format(p, q), 1, (net, xs) -> FloatFloor.build(net, xs[0]).word()), "p = " + p + ", q = " + q);
            }
        }
        assertEquals(FloatFloor.DEPTH, d);
    }
}
