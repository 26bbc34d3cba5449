package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.testing.WideEval;

/**
 * Float division and reciprocal ({@code d_div}) bit-exact against {@link ChiangFloat}: every pair at p = 3,
 * q = 3 (zeros of every sign and exponent, so division by zero, among them), edge and random pairs at
 * p = 16, q = 4; depth the same for every p counted.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FloatDivideTest {
    static final ChiangFloat.Format TINY = new ChiangFloat.Format(3, 3);

    static WideEval divide(ChiangFloat.Format f) { return FloatCircuits.circuit(f, 2, (net, xs) -> FloatDivide.divide(net, xs[0], xs[1], 2).word()); }

    static WideEval reciprocal(ChiangFloat.Format f) { return FloatCircuits.circuit(f, 1, (net, xs) -> FloatDivide.reciprocal(net, xs[0], 2).word()); }

    @Test
    void everyQuotientIsRoundedOnce() {
        WideEval ev = divide(TINY);
        List<ChiangFloat> all = FloatCircuits.allWithZeros(TINY);
        for (ChiangFloat x : all) for (ChiangFloat y : all) assertEquals(ChiangFloat.divide(x, y), FloatCircuits.result(ev, TINY, List.of(x, y)), x + " / " + y);
    }

    @Test
    void everyReciprocalIsRoundedOnce() {
        for (ChiangFloat.Format f : new ChiangFloat.Format[] {TINY, new ChiangFloat.Format(4, 2), new ChiangFloat.Format(5, 4)}) {
            WideEval ev = reciprocal(f);
            for (ChiangFloat y : FloatCircuits.allWithZeros(f)) assertEquals(ChiangFloat.reciprocal(y), FloatCircuits.result(ev, f, List.of(y)), f + ": 1 / " + y);
        }
    }

    @Test
    void sixteenBitQuotientsMatchTheReferenceOnEdgeAndRandomPairs() {
        ChiangFloat.Format f = new ChiangFloat.Format(16, 4);
        WideEval div = divide(f), rec = reciprocal(f);
        List<ChiangFloat> xs = FloatCircuits.samples(f, new Random(29), 40);
        for (int i = 0; i < xs.size(); i++) {
            ChiangFloat x = xs.get(i);
            assertEquals(ChiangFloat.reciprocal(x), FloatCircuits.result(rec, f, List.of(x)), "1 / " + x);
            for (int t : new int[] {7, 13}) { // two partners each (a circuit of 8 M wires: every pair would take minutes)
                ChiangFloat y = xs.get((t * i + t / 2) % xs.size());
                assertEquals(ChiangFloat.divide(x, y), FloatCircuits.result(div, f, List.of(x, y)), x + " / " + y);
            }
        }
    }

    @Test
    void depthIsTheSameForEveryP() {
        int d = depth(8, false), r = depth(8, true);
        // WideDivide's series at width p + 2 (40), the remainders' sums (52), sticky (54), increment, FloatRound, y = 0.
        assertEquals(65, d);
        for (int p : new int[] {12, 16, 24}) {
            assertEquals(d, depth(p, false), "divide, p = " + p);
            assertEquals(r, depth(p, true), "reciprocal, p = " + p);
        }
    }

    static int depth(int p, boolean reciprocal) {
        ChiangFloat.Format f = new ChiangFloat.Format(p, 4);
        return reciprocal ? FloatCircuits.depth(f, 1, (net, xs) -> FloatDivide.reciprocal(net, xs[0], 2).word())
                : FloatCircuits.depth(f, 2, (net, xs) -> FloatDivide.divide(net, xs[0], xs[1], 2).word());
    }
}
