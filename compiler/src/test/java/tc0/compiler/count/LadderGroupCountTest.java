package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
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
import tc0.compiler.gadgets.WideColumns;
import tc0.compiler.gadgets.WideSum;

/**
 * A wide sum's block ladders on a {@link LiveNet} as one group record each ({@code LadderGroup}: no node per ladder
 * gate, settled in the tail as a compression group is): the same figures as gate by gate (no twins, no tail: what the
 * builder keeps) and as the ladders a node per gate, in gates, wires, gates on every level, the read outputs' levels
 * and the inputs read; on wide sums of random columns (every bit, the top bits alone, the constant in the blocks) and
 * on float blocks, with every output read, half, a tenth, the last alone; with fewer nodes.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class LadderGroupCountTest {
    private static final int ROUNDS = WeightedSum.DEFAULT_ROUNDS;

    @Test
    void wideSumsOfRandomColumnsCountAsGateByGate() {
        Random r = new Random(17);
        for (int trial = 0; trial < 24; trial++) {
            int inputs = 4 + r.nextInt(40), width = 6 + r.nextInt(40), terms = 1 + r.nextInt(120);
            long[] weights = new long[terms];
            int[] which = new int[terms];
            boolean[] negated = new boolean[terms];
            for (int k = 0; k < terms; k++) {
                which[k] = r.nextInt(inputs);
                negated[k] = r.nextInt(5) == 0;
                weights[k] = r.nextInt(3) == 0 ? 1L << r.nextInt(width) : 1 + r.nextInt(1 << Math.min(20, width));
            }
            BigInteger constant = r.nextBoolean() ? BigInteger.ZERO : new BigInteger(width, r);
            int from = switch (trial % 3) { case 0 -> 0; case 1 -> width / 2; default -> width - 1; };
            boolean inBlocks = trial % 4 == 3;
            String what = "trial " + trial + ": " + terms + " terms over " + inputs + " inputs, width " + width + ", bits from " + from + (inBlocks ? ", constant in blocks" : "");
            check(inputs, (net, x) -> {
                WideColumns c = new WideColumns(width);
                for (int k = 0; k < terms; k++) c.add(negated[k] ? Literal.not(x[which[k]]) : x[which[k]], BigInteger.valueOf(weights[k]));
                c.addConstant(constant);
                return inBlocks ? WideSum.buildConstantInBlocks(net, c, ROUNDS) : WideSum.top(net, c, ROUNDS, from);
            }, what, true);
        }
    }

    @Test
    void floatBlocksCountAsGateByGate() {
        for (int p : new int[] {6, 9}) {
            int q = 5, w = p + q + 1, pp = p;
            check(2 * w, (net, x) -> FloatDivide.divide(net, FloatWord.of(Arrays.copyOf(x, w), pp, q), FloatWord.of(Arrays.copyOfRange(x, w, 2 * w), pp, q), ROUNDS).word(), "divide p " + p, false);
            check(w, (net, x) -> FloatSqrt.sqrt(net, FloatWord.of(x, pp, q), ROUNDS).word(), "sqrt p " + p, false);
            check(w, (net, x) -> FloatLog.log(net, FloatWord.of(x, pp, q), ROUNDS).word(), "log p " + p, false);
        }
    }

    private static void check(int inputs, BiFunction<Net, int[], int[]> gadget, String what, boolean fewerNodes) {
        Random r = new Random(what.hashCode());
        int[] levels = FamilyCountTest.levels(r, inputs);
        for (double keep : new double[] {1, 0.5, 0.1, 0}) { // 0: the last output alone
            boolean[] mask = FamilyCountTest.mask(r, keep);
            String how = what + ", outputs read " + keep;
            LiveNet plain = new LiveNet(levels, null, 0, false, false);
            plain.withoutTwins();
            int[] outPlain = FamilyCountTest.live(plain, gadget, mask);
            LiveNet gates = new LiveNet(levels, null, GateTail.DEFAULT_MAX, true, true).withoutLadderGroups();
            int[] outGates = FamilyCountTest.live(gates, gadget, mask);
            LiveNet grouped = new LiveNet(levels, null, GateTail.DEFAULT_MAX, true, true);
            int[] out = FamilyCountTest.live(grouped, gadget, mask);
            LiveNet none = new LiveNet(levels, null, 0, true, true); // no tail: every death one run
            int[] outNone = FamilyCountTest.live(none, gadget, mask);
            for (LiveNet net : new LiveNet[] {gates, grouped, none}) {
                String at = how + (net == gates ? ", a node per ladder gate" : net == grouped ? ", ladder groups" : ", ladder groups, no tail");
                int[] o = net == gates ? outGates : net == grouped ? out : outNone;
                assertTrue(net.twinsLive(), at + ": a twin's fresh literal unread");
                FamilyCountTest.assertCountsAlike(at, inputs, mask, plain, outPlain, net, o);
            }
            assertTrue(grouped.nodes() <= gates.nodes(), how + ": " + grouped.nodes() + " nodes with ladder groups, " + gates.nodes() + " a node per ladder gate");
            assertTrue(grouped.runs() <= gates.runs(), how + ": " + grouped.runs() + " runs with ladder groups, " + gates.runs() + " a node per ladder gate");
            if (fewerNodes && keep == 1) assertTrue(grouped.nodes() < gates.nodes(), how + ": " + grouped.nodes() + " nodes with ladder groups, " + gates.nodes() + " without");
        }
    }
}
