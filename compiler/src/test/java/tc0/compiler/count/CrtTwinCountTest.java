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
import tc0.compiler.gadgets.FloatExp;
import tc0.compiler.gadgets.FloatLog;
import tc0.compiler.gadgets.FloatSqrt;
import tc0.compiler.gadgets.FloatWord;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.WeightedSum;

/**
 * The float functions' Chinese-remainder parts counted by their twins (compression groups, residue ladders and
 * one-hots, table ORs: {@code CountBitsTwin}, {@code ResidueTwin}, {@code OneHotOrs}) on a {@link LiveNet} count
 * what the same functions count gate by gate on it (no twin): gates, wires, gates per level and the levels of the
 * outputs read, for p = 4 .. 16 (to 32 with -Dtc0.heavy), inputs at random levels, every output read, or a random half or tenth of them (the
 * dead cones dropped). BlockCountTest checks the gate-by-gate figures against built circuits.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class CrtTwinCountTest {
    private static final int ROUNDS = WeightedSum.DEFAULT_ROUNDS;

    @Test
    void divideAndReciprocalCountAsGateByGate() {
        divideAndReciprocal(4, 5, 8, 12, 16);
    }

    @Test
    void sqrtExpAndLogCountAsGateByGate() {
        sqrtExpAndLog(4, 5, 8, 12, 16);
    }

    /** Wider: p = 20, 24, 32 (a division is 3.4 M gates, 140 M wires at 32), with -Dtc0.heavy. */
    @Test
    @org.junit.jupiter.api.Tag("heavy")
    void widerFormatsCountAsGateByGate() {
        divideAndReciprocal(20, 24, 32);
        sqrtExpAndLog(20, 24, 32);
    }

    private static void divideAndReciprocal(int... ps) {
        for (int p : ps) {
            int q = 5, w = p + q + 1, pp = p;
            check(2 * w, (net, x) -> FloatDivide.divide(net, FloatWord.of(Arrays.copyOf(x, w), pp, q), FloatWord.of(Arrays.copyOfRange(x, w, 2 * w), pp, q), ROUNDS).word(), "divide p " + p);
            check(w, (net, x) -> FloatDivide.reciprocal(net, FloatWord.of(x, pp, q), ROUNDS).word(), "reciprocal p " + p);
        }
    }

    private static void sqrtExpAndLog(int... ps) {
        for (int p : ps) {
            int q = 5, w = p + q + 1, pp = p;
            check(w, (net, x) -> FloatSqrt.sqrt(net, FloatWord.of(x, pp, q), ROUNDS).word(), "sqrt p " + p);
            check(w, (net, x) -> FloatExp.exp(net, FloatWord.of(x, pp, q), ROUNDS).word(), "exp p " + p);
            if (p <= 12 || ps.length > 0 && ps[0] >= 20 && p <= 24) check(w, (net, x) -> FloatLog.log(net, FloatWord.of(x, pp, q), ROUNDS).word(), "log p " + p);
        }
    }

    /** Every output read, a random half, a random tenth: twins and gate by gate alike each time. */
    private static void check(int inputs, BiFunction<Net, int[], int[]> gadget, String what) {
        Random r = new Random(what.hashCode());
        int[] levels = new int[inputs];
        for (int i = 0; i < inputs; i++) levels[i] = r.nextInt(4);
        for (double keep : new double[] {1, 0.5, 0.1}) {
            boolean[] mask = new boolean[256];
            for (int i = 0; i < mask.length; i++) mask[i] = r.nextDouble() < keep;
            LiveNet twins = new LiveNet(levels), plain = new LiveNet(levels);
            plain.withoutTwins();
            int[] outTwins = live(twins, gadget, mask), outPlain = live(plain, gadget, mask);
            String how = what + ", outputs read " + keep;
            assertTrue(twins.twinsLive(), how + ": a twin's fresh literal unread");
            if (plain.gates() > 0) assertTrue(twins.nodes() < plain.nodes(), how + ": no twin at work (" + twins.nodes() + " nodes)");
            assertEquals(plain.gates(), twins.gates(), how);
            assertEquals(plain.wires(), twins.wires(), how);
            int n = Math.max(plain.perLevel().length, twins.perLevel().length);
            assertArrayEquals(Arrays.copyOf(plain.perLevel(), n), Arrays.copyOf(twins.perLevel(), n), how);
            for (int i = 0; i < outPlain.length; i++) {
                if (!mask[i % mask.length] || Literal.isConstant(outPlain[i])) continue;
                assertEquals(plain.level(outPlain[i]), twins.level(outTwins[i]), how + ", output " + i);
            }
        }
    }

    private static int[] live(LiveNet net, BiFunction<Net, int[], int[]> gadget, boolean[] mask) {
        int[] out;
        do {
            net.reset();
            out = gadget.apply(net, net.inputs());
        } while (net.settle(read(out, mask)));
        return out;
    }

    private static int[] read(int[] out, boolean[] mask) {
        int[] r = new int[out.length];
        for (int i = 0; i < out.length; i++) r[i] = mask[i % mask.length] ? out[i] : Literal.FALSE;
        return r;
    }
}
