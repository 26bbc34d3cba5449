package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.count.LiveCounts;

/**
 * A series' terms over a family on a net that drops dead gates (review debt, logexp's "allRead"): a term with some bits
 * dead reads only some members, and a later term with every bit live reads them all. Counted with families, the
 * members the first term left must be counted by the second: the same gates and wires as gate by gate.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OneHotPowersLiveTest {
    @Test
    void aTermReadingSomeMembersDoesNotMarkThemAllRead() {
        for (int q : new int[] {13, 31, 37}) {
            long closedBefore = OneHotPowers.closed;
            long[] c = LiveCounts.plainAndFamilies(new int[10], (net, x) -> {
                Residue w = Residue.ofUnsigned(net, x, 0, q, WeightedSum.DEFAULT_ROUNDS);
                if (net instanceof TwinNet t && t.twins()) assertNotNull(w.bulk(), "q = " + q + ": the residue's one-hots a family");
                OneHotPowers terms = new OneHotPowers(net, w::is, w.bulk(), q, w.distinctOneHots());
                int[] first = terms.term(1, 1), second = terms.term(2, 3);
                int[] out = new int[1 + second.length];
                out[0] = first[0]; // the first term's bit 0 alone is read: its members are the odd a
                System.arraycopy(second, 0, out, 1, second.length);
                return out;
            });
            assertTrue(OneHotPowers.closed > closedBefore, "q = " + q + ": the terms counted in closed form");
            assertEquals(c[0], c[2], "q = " + q + ": gates");
            assertEquals(c[1], c[3], "q = " + q + ": wires");
        }
    }
}
