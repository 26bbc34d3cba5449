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
 * Float square root ({@code d_sqrt}) bit-exact against {@link ChiangFloat#sqrt}: every float at small
 * formats (zeros and negatives among them), edge and random floats at p = 16; depth the same for every p.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FloatSqrtTest {
    static WideEval sqrt(ChiangFloat.Format f) { return FloatCircuits.circuit(f, 1, (net, xs) -> FloatSqrt.sqrt(net, xs[0], 2).word()); }

    @Test
    void everyRootIsRoundedOnce() {
        for (ChiangFloat.Format f : new ChiangFloat.Format[] {new ChiangFloat.Format(3, 3), new ChiangFloat.Format(4, 2), new ChiangFloat.Format(5, 4), new ChiangFloat.Format(6, 3)}) {
            WideEval ev = sqrt(f);
            for (ChiangFloat x : FloatCircuits.allWithZeros(f)) assertEquals(ChiangFloat.sqrt(x), FloatCircuits.result(ev, f, List.of(x)), f + ": sqrt " + x);
        }
    }

    @Test
    void sixteenBitRootsMatchTheReferenceOnEdgeAndRandomFloats() {
        ChiangFloat.Format f = new ChiangFloat.Format(16, 4);
        WideEval ev = sqrt(f);
        for (ChiangFloat x : FloatCircuits.samples(f, new Random(31), 60)) assertEquals(ChiangFloat.sqrt(x), FloatCircuits.result(ev, f, List.of(x)), "sqrt " + x);
    }

    @Test
    void depthIsTheSameForEveryP() {
        // The series and its reconstruction (32), the remainders' sums (44), the increment (46), FloatRound (55), the mask.
        assertEquals(56, depth(4));
        for (int p : new int[] {7, 8, 12, 16}) assertEquals(56, depth(p), "p = " + p);
    }

    static int depth(int p) {
        return FloatCircuits.depth(new ChiangFloat.Format(p, 4), 1, (net, xs) -> FloatSqrt.sqrt(net, xs[0], 2).word());
    }
}
