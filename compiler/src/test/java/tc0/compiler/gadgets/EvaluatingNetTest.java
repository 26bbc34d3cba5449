package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Literal;
import tc0.circuits.eval.BitMatrix;

/**
 * Each gate's value on every pattern is the definition's: 1 iff {@code sum weights[i] * lits[i] >= threshold},
 * worked out here one pattern at a time in plain arithmetic, for random gates over inputs and earlier gates
 * (negated and repeated literals, constants, negative and large weights, thresholds on both sides of the range).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EvaluatingNetTest {
    private static final int PATTERNS = 200; // four lanes, the last partial
    private static final int INPUTS = 12;

    /** The values of every literal made so far, one boolean per pattern, kept beside the net. */
    private final List<boolean[]> nodeValues = new ArrayList<>();

    private boolean value(int lit, int pattern) {
        return nodeValues.get(Literal.node(lit))[pattern] ^ Literal.isNegated(lit);
    }

    @Test
    void everyGateIsItsSumAgainstItsThresholdOnEveryPattern() {
        SplittableRandom rnd = new SplittableRandom(41);
        BitMatrix in = BitMatrix.random(INPUTS, PATTERNS, 7);
        EvaluatingNet net = new EvaluatingNet(in.wordsPerRow());
        nodeValues.add(new boolean[PATTERNS]); // node 0: false
        List<Integer> lits = new ArrayList<>(List.of(Literal.FALSE, Literal.TRUE));
        for (int lit : net.input(in, 0, INPUTS)) {
            boolean[] v = new boolean[PATTERNS];
            for (int p = 0; p < PATTERNS; p++) v[p] = in.get(lits.size() - 2, p);
            nodeValues.add(v);
            lits.add(lit);
        }
        int madeGates = 0, folded = 0;
        for (int g = 0; g < 3000; g++) {
            int count = 1 + rnd.nextInt(g % 50 == 0 ? 40 : 6);
            int[] ls = new int[count];
            long[] ws = new long[count];
            for (int i = 0; i < count; i++) {
                int lit = lits.get(rnd.nextInt(lits.size()));
                ls[i] = rnd.nextBoolean() ? lit : Literal.not(lit);
                ws[i] = switch (rnd.nextInt(4)) {
                    case 0 -> 1;
                    case 1 -> -1 - rnd.nextInt(3);
                    case 2 -> 1L << rnd.nextInt(40);
                    default -> rnd.nextLong(-(1L << 45), 1L << 45);
                };
            }
            long lo = 0, hi = 0;
            for (long w : ws) if (w > 0) hi += w; else lo += w;
            long t = rnd.nextInt(8) == 0 ? hi + 1 - rnd.nextInt(2) : rnd.nextLong(lo - 2, hi + 3);
            int before = nodeValues.size();
            int out = net.gate(ls, ws, count, t);
            boolean[] want = new boolean[PATTERNS];
            for (int p = 0; p < PATTERNS; p++) {
                long sum = 0;
                for (int i = 0; i < count; i++) if (value(ls[i], p)) sum += ws[i];
                want[p] = sum >= t;
            }
            if (Literal.node(out) == before) { // a new gate's node
                nodeValues.add(new boolean[PATTERNS]);
                for (int p = 0; p < PATTERNS; p++) nodeValues.get(before)[p] = (valueOfNet(net, out, p));
                madeGates++;
            } else {
                folded++;
            }
            for (int p = 0; p < PATTERNS; p++) {
                assertEquals(want[p], valueOfNet(net, out, p), "gate " + g + " pattern " + p);
                assertEquals(want[p], value(out, p), "gate " + g + " pattern " + p + " (the literal returned)");
            }
            lits.add(out);
        }
        assertEquals(madeGates, net.gates());
        assertTrue(madeGates > 400 && folded > 100, madeGates + " gates made, " + folded + " folded: both kinds tried");
    }

    /** A bank (one sum, many thresholds) gives what gate-by-gate calls give, literal for literal and value for value. */
    @Test
    void aBankEqualsItsGatesOneByOne() {
        SplittableRandom rnd = new SplittableRandom(5);
        BitMatrix in = BitMatrix.random(INPUTS, PATTERNS, 3);
        EvaluatingNet bank = new EvaluatingNet(in.wordsPerRow()), single = new EvaluatingNet(in.wordsPerRow());
        int[] a = bank.input(in, 0, INPUTS), b = single.input(in, 0, INPUTS);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        for (int round = 0; round < 200; round++) {
            int count = 2 + rnd.nextInt(10);
            int[] ls = new int[count];
            long[] ws = new long[count];
            for (int i = 0; i < count; i++) {
                ls[i] = Literal.of(1 + rnd.nextInt(INPUTS), rnd.nextBoolean());
                ws[i] = rnd.nextLong(-40, 41);
            }
            long[] ts = new long[12];
            for (int k = 0; k < ts.length; k++) ts[k] = rnd.nextLong(-250, 250);
            int[] got = new int[ts.length];
            bank.gates(ls, ws, count, ts, ts.length, got);
            for (int k = 0; k < ts.length; k++) {
                int want = single.gate(ls, ws, count, ts[k]);
                assertEquals(want, got[k], "round " + round + " threshold " + ts[k]);
                for (int l = 0; l < in.wordsPerRow(); l++) assertEquals(single.value(want, l), bank.value(got[k], l));
            }
        }
    }

    private static boolean valueOfNet(EvaluatingNet net, int lit, int pattern) {
        return (net.value(lit, pattern >>> 6) >>> (pattern & 63) & 1) != 0;
    }
}
