package tc0.compiler.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The float row operations on values whose results are known exactly. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FloatRowOpsTest {
    private static final ChiangFloat.Format F = new ChiangFloat.Format(8, 5);

    private static ChiangFloat f(double v) { return FloatCodes.round(F, v); }

    @Test
    void softmaxOfEqualScoresIsUniformAndMaskedEntriesAreZero() {
        ChiangFloat quarter = f(0.25), zero = F.zero();
        assertArrayEquals(new ChiangFloat[] {quarter, quarter, quarter, quarter}, FloatRowOps.softmax(List.of(f(3), f(3), f(3), f(3)), kept(1, 1, 1, 1)));
        // the masked 100 takes no part: the two kept equal scores share 1
        assertArrayEquals(new ChiangFloat[] {f(0.5), zero, f(0.5)}, FloatRowOps.softmax(List.of(f(-2), f(100), f(-2)), kept(1, 0, 1)));
        assertArrayEquals(new ChiangFloat[] {zero, zero}, FloatRowOps.softmax(List.of(f(1), f(2)), kept(0, 0)), "a row with none kept is 0");
    }

    @Test
    void maxIsExactAndIgnoresZerosSign() {
        assertEquals(f(2.5), FloatRowOps.max(List.of(f(-7), f(2.5), f(1))));
        assertEquals(F.zero(), FloatRowOps.max(List.of(F.of(true, 0, 3), f(-1))), "a zero of sign 1 is the canonical zero");
        assertEquals(f(-7), FloatRowOps.min(List.of(f(-7), f(2.5))));
    }

    @Test
    void layerNormOfAConstantRowIsZeroAndOfPlusMinusOneIsItself() {
        assertArrayEquals(new ChiangFloat[] {F.zero(), F.zero(), F.zero(), F.zero()}, FloatRowOps.layerNorm(List.of(f(5), f(5), f(5), f(5))));
        // mean 0, variance 1: 1 / sqrt(1 + eps) rounds to 1 at 8 bits (eps = 2^-9)
        assertArrayEquals(new ChiangFloat[] {f(1), f(-1), f(1), f(-1)}, FloatRowOps.layerNorm(List.of(f(1), f(-1), f(1), f(-1))));
    }

    @Test
    void ropeAtAngleZeroIsTheIdentityAndAtAQuarterTurnSwaps() {
        ChiangFloat[] cs = FloatRowOps.ropeCoefficients(F, 0);
        assertArrayEquals(new ChiangFloat[] {f(0.75), f(-3)}, FloatRowOps.rope(f(0.75), f(-3), cs[0], cs[1]));
        ChiangFloat[] quarter = FloatRowOps.ropeCoefficients(F, Math.PI / 2); // cos(pi/2) = 6e-17 flushes to zero at 8 bits, sin rounds to 1
        assertArrayEquals(new ChiangFloat[] {f(3), f(0.75)}, FloatRowOps.rope(f(0.75), f(-3), quarter[0], quarter[1]));
    }

    @Test
    void scanWithZeroLogDecaysIsThePrefixSum() {
        ChiangFloat z = F.zero();
        assertArrayEquals(new ChiangFloat[] {f(1), f(3), f(6), f(10)}, FloatRowOps.scan(List.of(z, z, z, z), List.of(f(1), f(2), f(3), f(4))));
        // log-decay ln(1/2) rounded: exp of it and of sums of it are about halves; h_1 = b_1 + E b_0
        ChiangFloat half = FloatExpReference.exp(f(Math.log(0.5)));
        assertEquals(ChiangFloat.add(f(2), ChiangFloat.multiply(half, f(1))), FloatRowOps.scan(List.of(z, f(Math.log(0.5))), List.of(f(1), f(2)))[1]);
    }

    private static boolean[] kept(int... bits) {
        boolean[] k = new boolean[bits.length];
        for (int i = 0; i < k.length; i++) k[i] = bits[i] != 0;
        return k;
    }
}
