package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.testing.RandomColumns;
import tc0.compiler.testing.WideEval;

/**
 * A wide sum over random run columns ({@link RandomColumns}: the reconstruction's shape, with constants, negations,
 * repeats and inputs on several levels) counts with the twins on ({@link CountingNet}: {@link WideRuns},
 * {@link UnlistedRound}, {@link CountBitsTwin}, {@link LadderTwin}, the carries' twin) what it counts gate by gate,
 * with inputs on random levels (depth, gates, wires, gates per level, the levels of the bits); and, with inputs on
 * level 0, what the circuit built without hashing holds (depth, gates, wires), that circuit evaluated against the
 * sum the columns stand for ({@link RandomColumns#value}). 600 column sets over three seeds: widths 8 .. 307, the
 * top bits from 0 or a random bit, runs of at most 4, 10 or 24 literals, one to three rounds (seed 41: two rounds,
 * runs of 10, the trials of {@link UnlistedRoundTest}, whose trial 28 the carries' twin counted 612 gates / 2,653
 * wires for the circuit's 579 / 2,424: two members of one AND the same input, x and NOT x).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RunColumnsBuiltTest {
    @Test
    void randomRunColumnsCountAsGateByGateAndAsBuilt() {
        long[] dead = new long[2];
        long repeated = WideSum.carriesWithRepeatedMembers(), ladders = WideSum.laddersByBits(), runs = WideSum.firstRoundsByRuns(), unlisted = WideSum.secondRoundsUnlisted();
        for (long seed0 : new long[] {41, 7, 2026}) {
            Random r = new Random(seed0);
            for (int trial = 0; trial < 200; trial++) {
                long seed = r.nextLong();
                int width = 8 + r.nextInt(trial % 10 == 0 ? 300 : 80), from = r.nextInt(3) == 0 ? 0 : r.nextInt(width);
                int inputs = 40 + r.nextInt(200);
                Random more = new Random(seed ^ seed0);
                int maxRun = seed0 == 41 ? 10 : new int[] {4, 10, 24}[more.nextInt(3)], rounds = seed0 == 41 ? 2 : 1 + more.nextInt(3);
                String what = "seed " + seed0 + " trial " + trial + " (width " + width + ", from " + from + ", runs " + maxRun + ", rounds " + rounds + ")";
                onLevels(inputs, seed, width, from, maxRun, rounds, what);
                built(inputs, seed, width, from, maxRun, rounds, more, what, dead);
            }
        }
        assertTrue(WideSum.carriesWithRepeatedMembers() - repeated > 0, "no carry had two members of one node");
        assertTrue(WideSum.laddersByBits() - ladders > 1000, "block ladders counted by their bits: " + (WideSum.laddersByBits() - ladders));
        System.out.println("RunColumnsBuiltTest: " + dead[0] + " gates in " + dead[1] + " of 600 sums read by no bit (counted, kept by a CountingNet; dropped when built)");
        assertTrue(WideSum.firstRoundsByRuns() - runs > 400, "first rounds by runs: " + (WideSum.firstRoundsByRuns() - runs));
        assertTrue(WideSum.secondRoundsUnlisted() - unlisted > 200, "second rounds unlisted: " + (WideSum.secondRoundsUnlisted() - unlisted));
    }

    /** Seed 41's trial 28 alone: 579 gates, 2,424 wires, as the circuit built has them (was 612 / 2,653 with twins). */
    @Test
    void theCarryWithXAndNotXCountsAsBuilt() {
        Random r = new Random(41);
        long seed = 0;
        int width = 0, from = 0, inputs = 0;
        for (int trial = 0; trial <= 28; trial++) {
            seed = r.nextLong();
            width = 8 + r.nextInt(trial % 10 == 0 ? 300 : 80);
            from = r.nextInt(3) == 0 ? 0 : r.nextInt(width);
            inputs = 40 + r.nextInt(200);
        }
        CountingNet twin = new CountingNet();
        WideSum.top(twin, RandomColumns.of(twin, RandomColumns.inputs(twin, inputs, seed), seed, width, 10), 2, from);
        Cost built = built(inputs, seed, width, from, 10, 2, new Random(1), "trial 28", new long[2]);
        assertEquals(579, built.gates());
        assertEquals(2424, built.wires());
        assertEquals(built.gates(), twin.cost().gates(), "trial 28, inputs on their levels");
        assertEquals(built.wires(), twin.cost().wires(), "trial 28, inputs on their levels");
    }

    /** Inputs on random levels: twins against gate by gate, level by level. */
    private static void onLevels(int inputs, long seed, int width, int from, int maxRun, int rounds, String what) {
        CountingNet twin = new CountingNet(), plain = new CountingNet();
        int[] xt = RandomColumns.inputs(twin, inputs, seed), xp = RandomColumns.inputs(plain, inputs, seed);
        int[] ot = WideSum.top(twin, RandomColumns.of(twin, xt, seed, width, maxRun), rounds, from);
        Net gates = PrimitiveTwinCountTest.gateByGate(plain);
        int[] op = WideSum.top(gates, RandomColumns.of(gates, xp, seed, width, maxRun), rounds, from);
        assertEquals(plain.cost(), twin.cost(), what);
        long[] a = plain.gatesPerLevel(), t = twin.gatesPerLevel();
        assertArrayEquals(a, Arrays.copyOf(t, a.length), what);
        for (int i = 0; i < op.length; i++) {
            assertEquals(Literal.isConstant(op[i]), Literal.isConstant(ot[i]), what + ", bit " + i);
            if (Literal.isConstant(op[i])) assertEquals(op[i], ot[i], what + ", bit " + i);
            else assertEquals(plain.level(op[i]), twin.level(ot[i]), what + ", bit " + i);
        }
    }

    /**
     * Inputs on level 0: the twins' count against the circuit built without hashing with every gate it was asked for
     * kept (each one an output: a {@link CountingNet} keeps every gate, read or not), and that circuit on random and
     * edge inputs against the columns' sum. The same built with the sum's bits alone as outputs drops the gates no bit
     * reads (compression groups of low columns whose blocks no carry reaches, where the top bits start above 0): it
     * has at most the count; how many fewer is added to {@code dead}.
     */
    private static Cost built(int inputs, long seed, int width, int from, int maxRun, int rounds, Random more, String what, long[] dead) {
        CountingNet twin = new CountingNet();
        WideSum.top(twin, RandomColumns.of(twin, twin.input(inputs), seed, width, maxRun), rounds, from);
        Cost all = null, live = null;
        for (boolean everyGate : new boolean[] {true, false}) {
            CircuitBuilder b = new CircuitBuilder(false);
            int[] x = b.inputBus("x", inputs);
            Net net = Net.of(b);
            b.outputBus("s", WideSum.top(net, RandomColumns.of(net, x, seed, width, maxRun), rounds, from));
            if (everyGate) {
                int[] gates = new int[b.gateCount()];
                for (int i = 0; i < gates.length; i++) gates[i] = Literal.of(1 + inputs + i, false); // no hashing: gate i is node 1 + inputs + i
                b.outputBus("gates", gates);
            }
            Circuit c = b.build();
            CircuitStats s = CircuitStats.of(c);
            Cost cost = new Cost(s.depth(), s.gates(), s.wires());
            if (everyGate) all = cost; else live = cost;
            WideEval eval = new WideEval(c);
            for (int k = 0; k < 4; k++) {
                boolean[] in = new boolean[inputs];
                for (int i = 0; i < inputs; i++) in[i] = k == 1 || k > 1 && more.nextBoolean(); // all 0, all 1, random
                BigInteger xs = BigInteger.ZERO;
                for (int i = 0; i < inputs; i++) if (in[i]) xs = xs.setBit(i);
                BigInteger want = RandomColumns.value(in, seed, width, maxRun).shiftRight(from);
                assertEquals(want, eval.run(xs).unsigned("s"), what + ", every gate kept " + everyGate + ", inputs " + k);
            }
        }
        assertEquals(twin.cost(), all, what + ": counted with twins vs built, every gate kept");
        assertTrue(live.gates() <= all.gates() && live.wires() <= all.wires() && live.depth() <= all.depth(), what + ": built, bits read only: " + live);
        dead[0] += all.gates() - live.gates();
        if (live.gates() < all.gates()) dead[1]++;
        return all;
    }

}
