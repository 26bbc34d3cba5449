package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;

/** Layer norm's scale in longs equals its definition ({@link Fixed#layerNormScale}), where it answers. */
class FastScaleTest {
    @Test
    void equalsTheDefinitionAtSmallRandomAndBreakpointQ() {
        Random r = new Random(9);
        FixedFormat[] fs = {FixedFormat.of(3, 3), FixedFormat.of(8, 6), FixedFormat.of(8, 10), FixedFormat.of(8, 14), FixedFormat.of(8, 16), FixedFormat.of(8, 20)};
        long answered = 0;
        for (FixedFormat f : fs) {
            for (int m : new int[] {1, 3, 4, 16, 100}) {
                for (long eps : new long[] {0, 1, 7}) {
                    FastScale fast = new FastScale(m, f, eps, f, f);
                    long maxQ = Fixed.layerNormMaxQ(m, f).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
                    java.util.List<Long> qs = new java.util.ArrayList<>();
                    for (long q = 0; q < 300; q++) qs.add(q);
                    for (int k = 0; k < 300; k++) qs.add((long) (r.nextDouble() * maxQ));
                    // around the breakpoints: where rho drops below t, for t spread over the codes
                    for (int k = 0; k < 200; k++) {
                        long t = 1 + (long) (r.nextDouble() * f.maxCode());
                        BigInteger lim = Fixed.layerNormScaleLimit(t, m, f, eps, f, f);
                        if (lim.signum() < 0 || lim.bitLength() > 62) continue;
                        for (long d = -1; d <= 1; d++) qs.add(Math.max(0, lim.longValue() + d));
                    }
                    for (long q : qs) {
                        long got = fast.scale(q);
                        if (got < 0) continue;
                        answered++;
                        assertEquals(Fixed.layerNormScale(BigInteger.valueOf(q), m, f, eps, f, f), got, f + " m=" + m + " eps=" + eps + " q=" + q);
                    }
                }
            }
        }
        assertTrue(answered > 50_000, "answered " + answered);
    }
}
