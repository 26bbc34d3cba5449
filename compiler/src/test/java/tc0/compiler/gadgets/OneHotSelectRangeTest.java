package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The square root's choice between its two series' one-hots ({@link OneHotSelect#bulk}) counts a range of members at
 * once as it counts each member: singles before and after, the range asked twice, a second range overlapping the first;
 * depth, gates, wires and gates per level on a {@link CountingNet}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OneHotSelectRangeTest {
    @Test
    void aRangeCountsAsEachMember() {
        Random r = new Random(41);
        for (int q : new int[] {5, 7, 13, 31, 101, 257, 1_009, 2_003}) {
            for (int trial = 0; trial < 4; trial++) {
                long seed = r.nextLong();
                int from = trial == 0 ? 1 : 1 + r.nextInt(q - 1), to = trial < 2 ? q - 1 : from + r.nextInt(q - from);
                int from2 = 1 + r.nextInt(q - 1), to2 = from2 + r.nextInt(q - from2);
                int[] before = {1 + r.nextInt(q - 1), q - 1, from}, after = {1 + r.nextInt(q - 1), 1};
                CountingNet ranged = new CountingNet(), each = new CountingNet();
                OneHotBulk br = select(ranged, q, seed), be = select(each, q, seed);
                for (int a : before) { br.count(a); be.count(a); }
                br.countRange(from, to);
                br.countRange(from, to);
                for (int a = from; a <= to; a++) be.count(a);
                br.countRange(from2, to2);
                for (int a = from2; a <= to2; a++) be.count(a);
                for (int a : after) { br.count(a); be.count(a); }
                String at = "q " + q + ", " + from + " .. " + to + ", then " + from2 + " .. " + to2;
                assertEquals(each.cost(), ranged.cost(), at);
                assertArrayEquals(each.gatesPerLevel(), ranged.gatesPerLevel(), at);
            }
        }
    }

    /** Two residues of random forms over inputs on random levels, and a select bit: the same on either net for one seed. */
    private static OneHotBulk select(CountingNet net, int q, long seed) {
        Random r = new Random(seed);
        Residue[] z = new Residue[2];
        for (int k = 0; k < 2; k++) {
            LinearForm f = new LinearForm();
            int terms = 3 + r.nextInt(6);
            for (int t = 0; t < terms; t++) f.add(net.inputAt(r.nextInt(3)), 1 + r.nextInt(q - 1) + (long) q * r.nextInt(4)); // not 0 modulo q
            z[k] = Residue.of(net, f, q, WeightedSum.DEFAULT_ROUNDS);
        }
        OneHotBulk bulk = OneHotSelect.bulk(net, z[0], z[1], net.inputAt(r.nextInt(4)));
        if (bulk == null) throw new AssertionError("no family for q " + q);
        return bulk;
    }
}
