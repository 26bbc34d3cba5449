package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.FloatDivide;
import tc0.compiler.gadgets.FloatLog;
import tc0.compiler.gadgets.FloatSqrt;
import tc0.compiler.gadgets.FloatWord;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.WeightedSum;

/**
 * Twins' deaths settled in {@link GateTail} ({@code WideSum}'s carries as units, {@code CountBitsTwin}'s groups): a
 * float block counted with twins and a tail that holds them equals the same block counted gate by gate (no twins, no
 * tail: one run per layer of dead gates), and equals twins with no tail or a tail too small to hold them (records
 * lost: the runs settle them as before): gates, wires, gates per level, the read outputs' levels, inputs read. With
 * every output read a division, reciprocal and square root now take one run.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class TwinTailTest {
    private static final int ROUNDS = WeightedSum.DEFAULT_ROUNDS;

    @Test
    void blocksCountAsGateByGateInOneRun() {
        long settled = 0;
        int fewer = 0;
        for (int p : new int[] {6, 9, 12}) {
            int q = 5, w = p + q + 1, pp = p;
            settled += check(2 * w, (net, x) -> FloatDivide.divide(net, FloatWord.of(Arrays.copyOf(x, w), pp, q), FloatWord.of(Arrays.copyOfRange(x, w, 2 * w), pp, q), ROUNDS).word(), "divide p " + p, true);
            settled += check(w, (net, x) -> FloatDivide.reciprocal(net, FloatWord.of(x, pp, q), ROUNDS).word(), "reciprocal p " + p, true);
            settled += check(w, (net, x) -> FloatSqrt.sqrt(net, FloatWord.of(x, pp, q), ROUNDS).word(), "sqrt p " + p, true);
            if (p <= 9) settled += check(w, (net, x) -> FloatLog.log(net, FloatWord.of(x, pp, q), ROUNDS).word(), "log p " + p, false);
        }
        assertTrue(settled > 100, settled + " twin outputs settled dead in the tail");
    }

    /** Every output read, a random half, a random tenth; returns the twin outputs the full tail settled dead. */
    private static long check(int inputs, BiFunction<Net, int[], int[]> gadget, String what, boolean oneRun) {
        Random r = new Random(what.hashCode());
        int[] levels = FamilyCountTest.levels(r, inputs);
        long settled = 0;
        for (double keep : new double[] {1, 0.5, 0.1}) {
            boolean[] mask = FamilyCountTest.mask(r, keep);
            String how = what + ", outputs read " + keep;
            LiveNet plain = new LiveNet(levels, null, 0);
            plain.withoutTwins();
            int[] outPlain = FamilyCountTest.live(plain, gadget, mask);
            LiveNet full = null;
            int[] outFull = null;
            for (int tail : new int[] {1 << 24, 0, 4096}) {
                LiveNet twins = new LiveNet(levels, null, tail);
                int[] out = FamilyCountTest.live(twins, gadget, mask);
                String at = how + ", tail " + tail;
                assertTrue(twins.twinsLive(), at + ": a twin's fresh literal unread");
                if (plain.gates() > 0) assertTrue(twins.nodes() < plain.nodes(), at + ": no twin at work");
                assertEquals(plain.gates(), twins.gates(), at + ": gates");
                assertEquals(plain.wires(), twins.wires(), at + ": wires");
                int n = Math.max(plain.perLevel().length, twins.perLevel().length);
                assertArrayEquals(Arrays.copyOf(plain.perLevel(), n), Arrays.copyOf(twins.perLevel(), n), at + ": per level");
                for (int i = 0; i < outPlain.length; i++) {
                    if (!mask[i % mask.length] || Literal.isConstant(outPlain[i])) continue;
                    assertEquals(plain.level(outPlain[i]), twins.level(out[i]), at + ", output " + i);
                }
                for (int k = 1; k <= inputs; k++) assertEquals(plain.isRead(k), twins.isRead(k), at + ": input " + k + " read");
                if (full == null) { full = twins; outFull = out; }
                else assertTrue(full.runs() <= twins.runs(), at + ": " + full.runs() + " runs with the whole tail, " + twins.runs() + " here");
            }
            if (oneRun && keep == 1) assertEquals(1, full.runs(), how + ": runs");
            settled += full.twinDeathsSettled();
        }
        return settled;
    }

}
