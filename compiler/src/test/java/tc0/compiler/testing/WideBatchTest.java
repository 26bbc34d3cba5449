package tc0.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;

/** WideBatch gives what WideEval gives, assignment by assignment, on random threshold circuits over wide buses. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WideBatchTest {

    @Test
    void everyAssignmentOfABatchIsWideEvalsResult() {
        SplittableRandom r = new SplittableRandom(5);
        for (int round = 0; round < 20; round++) {
            int[] widths = {1 + r.nextInt(90), 1 + r.nextInt(5), 1 + r.nextInt(70)};
            Circuit c = randomCircuit(r, widths);
            List<BigInteger[]> inputs = new ArrayList<>();
            for (int p = 0, n = 1 + r.nextInt(150); p < n; p++) {
                BigInteger[] words = new BigInteger[widths.length];
                // random words, a few bits past the bus width that both evaluators must ignore
                for (int b = 0; b < widths.length; b++) words[b] = new BigInteger(widths[b] + 3, new Random(r.nextLong()));
                inputs.add(words);
            }
            BigInteger[] batch = new WideBatch(c).run("y", inputs);
            WideEval one = new WideEval(c);
            for (int p = 0; p < inputs.size(); p++) assertEquals(one.run(inputs.get(p)).unsigned("y"), batch[p], "round " + round + ", assignment " + p);
        }
    }

    /** Gates of random fanin, signed weights and thresholds over the inputs and earlier gates; outputs some negated. */
    private static Circuit randomCircuit(SplittableRandom r, int[] widths) {
        CircuitBuilder b = new CircuitBuilder(false);
        List<Integer> lits = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) for (int lit : b.inputBus("x" + i, widths[i])) lits.add(lit);
        for (int g = 0; g < 200; g++) {
            int k = 1 + r.nextInt(6);
            int[] in = new int[k];
            long[] w = new long[k];
            for (int j = 0; j < k; j++) {
                int lit = lits.get(r.nextInt(lits.size()));
                in[j] = r.nextBoolean() ? Literal.not(lit) : lit;
                w[j] = r.nextInt(7) - 3;
            }
            lits.add(b.gate(in, w, r.nextInt(7) - 2));
        }
        int[] out = new int[1 + r.nextInt(100)];
        for (int i = 0; i < out.length; i++) {
            int lit = lits.get(lits.size() - 1 - r.nextInt(Math.min(lits.size(), 120)));
            out[i] = r.nextBoolean() ? Literal.not(lit) : lit;
        }
        b.outputBus("y", out);
        return b.build();
    }
}
