package tc0.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The normal form of a gate's terms against a map from node to summed weight. */
class GateTermsTest {
    @Test
    void negationsMoveToTheThresholdAndRepeatsMergeInNodeOrder() {
        SplittableRandom rnd = new SplittableRandom(3);
        GateTerms g = new GateTerms();
        for (int trial = 0; trial < 500; trial++) {
            int count = rnd.nextInt(60); // both sorts: insertion (<= 24) and keyed
            int nodes = 2 + rnd.nextInt(40);
            int[] lits = new int[count];
            long[] w = new long[count];
            long t = rnd.nextLong(-100, 100), wantT = t;
            TreeMap<Integer, Long> want = new TreeMap<>();
            boolean ascending = trial % 2 == 0; // as most gates come: nodes in order, strictly or with repeats
            for (int i = 0, last = 1; i < count; i++) {
                int node = ascending ? Math.min(nodes - 1, last += rnd.nextInt(trial % 4 == 0 ? 1 : 0, 3)) : rnd.nextInt(nodes);
                lits[i] = Literal.of(node, rnd.nextBoolean());
                w[i] = rnd.nextInt(7) - 3;
                long wt = w[i];
                if (wt == 0) continue;
                if (Literal.isNegated(lits[i])) { wantT -= wt; wt = -wt; }
                if (Literal.node(lits[i]) != 0) want.merge(Literal.node(lits[i]), wt, Long::sum);
            }
            want.values().removeIf(v -> v == 0);
            assertEquals(wantT, g.load(lits, w, count, t, nodes), "threshold, trial " + trial);
            assertEquals(want.size(), g.size(), "terms, trial " + trial);
            int k = 0;
            for (var e : want.entrySet()) {
                assertEquals(e.getKey(), g.nodes()[k]);
                assertEquals(e.getValue(), g.weights()[k]);
                k++;
            }
        }
    }

    @Test
    void aLiteralPastTheNodesBuiltIsRefused() {
        GateTerms g = new GateTerms();
        assertThrows(IllegalArgumentException.class, () -> g.load(new int[] {Literal.of(5, false)}, new long[] {1}, 1, 1, 5));
    }
}
