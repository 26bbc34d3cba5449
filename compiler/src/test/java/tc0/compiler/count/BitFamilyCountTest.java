package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.FloatDivide;
import tc0.compiler.gadgets.FloatExp;
import tc0.compiler.gadgets.FloatLog;
import tc0.compiler.gadgets.FloatSqrt;
import tc0.compiler.gadgets.FloatWord;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.WeightedSum;

/**
 * A wide sum's first-round count bits as families on a {@link LiveNet} ({@code UnlistedRound}: a column's bits one
 * node, read by that column's last-round group alone, settled with the groups in the tail): a float block counted so
 * equals the same block counted gate by gate (no twins, no tail: what the builder keeps) and with a node per bit, in
 * gates, wires, gates on every level, the read outputs' levels and the inputs read; with every output read, half, a
 * tenth, the last alone; with the default tail and a small one (records lost: the families' marks then keep their
 * nodes out of the settle); holds fewer nodes than a node per bit, and takes no more runs with the default tail.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class BitFamilyCountTest {
    private static final int ROUNDS = WeightedSum.DEFAULT_ROUNDS;

    @Test
    void bitFamiliesCountAsGateByGate() {
        for (int p : new int[] {6, 9, 12}) {
            int q = 5, w = p + q + 1, pp = p;
            check(2 * w, (net, x) -> FloatDivide.divide(net, FloatWord.of(Arrays.copyOf(x, w), pp, q), FloatWord.of(Arrays.copyOfRange(x, w, 2 * w), pp, q), ROUNDS).word(), "divide p " + p);
            check(w, (net, x) -> FloatDivide.reciprocal(net, FloatWord.of(x, pp, q), ROUNDS).word(), "reciprocal p " + p);
            check(w, (net, x) -> FloatSqrt.sqrt(net, FloatWord.of(x, pp, q), ROUNDS).word(), "sqrt p " + p);
            if (p <= 9) {
                check(w, (net, x) -> FloatExp.exp(net, FloatWord.of(x, pp, q), ROUNDS).word(), "exp p " + p);
                check(w, (net, x) -> FloatLog.log(net, FloatWord.of(x, pp, q), ROUNDS).word(), "log p " + p);
            }
        }
    }

    /**
     * A family node is made before the groups naming it: where the records between (here an unread plain gate's) are
     * lost from a small tail, the node must not bring the tail's settled range down to it, or that gate would be taken
     * as settled there and counted live. Hand-made: a family node, an unread gate, a chain of 41 read gates (past a
     * 64-int tail), a group naming the family node as its one bit, unread, and 8 more gates of the chain.
     */
    @Test
    void aFamilyNodeDoesNotWidenWhatALostTailSettles() {
        LiveNet net = new LiveNet(new int[4], null, 64, true, true);
        FamilyCountTest.live(net, (n, x) -> {
            LiveNet live = (LiveNet) n;
            int c = live.familyAt(1);
            live.gate(new int[] {x[0], x[1]}, new long[] {1, 1}, 2, 2); // read by nothing: dies
            int h = live.gate(new int[] {x[2], x[3]}, new long[] {1, 1}, 2, 1);
            for (int k = 0; k < 40; k++) h = live.gate(new int[] {x[2], x[3], h}, new long[] {1, 1, 1}, 3, 2);
            if (live.alive(c)) { // as CountBitsTwin counts a group of two terms: [count >= 1], [count >= 2], bit 0
                live.counted(2, 2, 1);
                live.counted(1, 2, 2);
                live.countGroup(new int[] {c}, new long[] {2}, new int[0], new int[0], 0, 1, 2, 2, 1, new int[] {x[3]}, 1, false);
            }
            // 8 more: with the group's 13 ints, 61 of the tail's 64: the group is the oldest record held
            for (int k = 0; k < 8; k++) h = live.gate(new int[] {x[2], x[3], h}, new long[] {1, 1, 1}, 3, 2);
            return new int[] {h};
        }, null);
        assertEquals(49, net.gates(), "gates: the chain alone");
        assertEquals(2 + 48 * 3, net.wires(), "wires: the chain alone");
    }

    private static void check(int inputs, BiFunction<Net, int[], int[]> gadget, String what) {
        Random r = new Random(what.hashCode());
        int[] levels = FamilyCountTest.levels(r, inputs);
        for (double keep : new double[] {1, 0.5, 0.1, 0}) { // 0: the last output alone
            boolean[] mask = FamilyCountTest.mask(r, keep);
            String how = what + ", outputs read " + keep;
            LiveNet plain = new LiveNet(levels, null, 0, false, false);
            plain.withoutTwins();
            int[] outPlain = FamilyCountTest.live(plain, gadget, mask);
            LiveNet bits = new LiveNet(levels, null, GateTail.DEFAULT_MAX, true, false);
            FamilyCountTest.live(bits, gadget, mask);
            LiveNet families = new LiveNet(levels, null, GateTail.DEFAULT_MAX, true, true);
            int[] out = FamilyCountTest.live(families, gadget, mask);
            LiveNet small = new LiveNet(levels, null, 1024, true, true); // most records lost: marks and runs decide
            int[] outSmall = FamilyCountTest.live(small, gadget, mask);
            LiveNet none = new LiveNet(levels, null, 0, true, true); // no tail: every death one run
            int[] outNone = FamilyCountTest.live(none, gadget, mask);
            for (LiveNet net : new LiveNet[] {bits, families, small, none}) {
                String at = how + (net == bits ? ", a node per bit" : net == families ? ", families" : net == small ? ", families, a small tail" : ", families, no tail");
                assertTrue(net.twinsLive(), at + ": a twin's fresh literal unread");
                int[] o = net == families ? out : net == small ? outSmall : net == none ? outNone : null;
                FamilyCountTest.assertCountsAlike(at, inputs, mask, plain, outPlain, net, o);
            }
            assertTrue(families.nodes() < bits.nodes(), how + ": " + families.nodes() + " nodes with bit families, " + bits.nodes() + " a node per bit");
            assertTrue(families.runs() <= bits.runs(), how + ": " + families.runs() + " runs with bit families, " + bits.runs() + " a node per bit");
            System.out.println(how + ": runs " + plain.runs() + " / " + bits.runs() + " / " + families.runs() + " / " + small.runs() + " / " + none.runs() + ", nodes "
                    + plain.nodes() + " / " + bits.nodes() + " / " + families.nodes() + " (gate by gate / a node per bit / families; families with a small tail, none)");
        }
    }
}
