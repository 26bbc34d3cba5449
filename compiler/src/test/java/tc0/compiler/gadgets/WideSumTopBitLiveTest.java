package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Literal;
import tc0.compiler.count.LiveCounts;

/**
 * A wide sum's top bit as its last gate's terms ({@link WideSum#topBitTerms}, WideDivide's carries) on a LiveNet, whose
 * block ladders are settled groups: the same gates and wires as gate by gate, with one block (its output ladder reads
 * block 0's low bits) and with several (block 0's low bits are read by nothing).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WideSumTopBitLiveTest {
    @Test
    void theTopBitCountsAsGateByGateWithOneBlockAndWithMany() {
        Random r = new Random(5);
        long narrow = 0; // ladder groups in sums of at most 3 columns: one block, whose output ladder reads block 0's low bits
        for (int trial = 0; trial < 16; trial++) {
            int inputs = 6 + r.nextInt(10), width = trial % 4 == 0 ? 1 + r.nextInt(3) : trial % 2 == 0 ? 3 + r.nextInt(4) : 20 + r.nextInt(30), terms = 8 + r.nextInt(40);
            int[] which = new int[terms];
            long[] weights = new long[terms];
            for (int k = 0; k < terms; k++) { which[k] = r.nextInt(inputs); weights[k] = 1 + r.nextInt(1 << Math.min(width, 12)); }
            BigInteger constant = new BigInteger(width, r);
            long before = LadderGroup.made;
            long[] c = LiveCounts.plainAndFamilies(new int[inputs], (net, x) -> {
                WideColumns cols = new WideColumns(width);
                for (int k = 0; k < terms; k++) cols.add(x[which[k]], BigInteger.valueOf(weights[k]));
                cols.addConstant(constant);
                WideSum.Terms t = WideSum.topBitTerms(net, cols, WeightedSum.DEFAULT_ROUNDS);
                return new int[] {t.lits().length == 0 ? Literal.FALSE : net.gate(t.lits(), t.weights(), t.lits().length, 1)};
            });
            assertEquals(c[0], c[2], "trial " + trial + ", width " + width + ": gates");
            assertEquals(c[1], c[3], "trial " + trial + ", width " + width + ": wires");
            if (width <= 3) narrow += LadderGroup.made - before;
        }
        assertTrue(narrow > 0, "no one-block sum took a ladder group");
    }
}
