package tc0.compiler.gadgets;

import java.util.ArrayList;
import java.util.List;
import tc0.circuits.Literal;

/**
 * The columns between a {@link WideSum}'s first compression round ({@link WideRuns}) and its last, on a net that keeps
 * every gate ({@link TwinNet#keepsEveryGate}: a {@link CountingNet}, or {@code tc0 primitives}' net around one), with
 * the first round's twin outputs held as a count and a highest level per column rather than as literals. The last round takes each column whole as one group ({@link WeightedSum#compress} with one
 * round left), and {@link CountBitsTwin} counts a group from its other entries and the number and highest level of
 * its fresh distinct ones ({@code extra}): so those outputs need no literal and no node. The Chinese-remainder
 * reconstruction's first round makes some 8 x 10^8 of them at p = 256 (log) and 1.2 x 10^9 at 512 (divide), 9 ints
 * and nodes per group, more than a 7 GB heap holds. The same counts as listing them: a fresh output is a distinct
 * node, which the group reads as one term (negated or not) whatever its node; a gate that is two bits of one count
 * (one node in two columns) is made as a literal, and so is a column's only entry.
 */
final class UnlistedRound {
    /** Sums whose first round's outputs went unlisted (tests read it to see it at work). */
    static long made;

    private final int width;
    private final int[] fresh, freshLevel, ones, falses; // per column: outputs not made, their highest level; TRUE and FALSE entries
    private final WeightedSum.IntList[] listed; // per column: the other entries, null where none

    UnlistedRound(int width) {
        made++;
        this.width = width;
        fresh = new int[width];
        freshLevel = new int[width];
        ones = new int[width];
        falses = new int[width];
        listed = new WeightedSum.IntList[width];
    }

    /** A literal entry in column j. */
    void add(int j, int lit) {
        if (lit == Literal.TRUE) ones[j]++;
        else if (lit == Literal.FALSE) falses[j]++;
        else (listed[j] == null ? listed[j] = new WeightedSum.IntList() : listed[j]).add(lit);
    }

    /** A group's count bits from column j on, those not made counted by level. */
    void add(int j, CountBitsTwin.Unmade count) {
        for (int l = 0; l < count.lits().length && j + l < width; l++) {
            if (count.lits()[l] != CountBitsTwin.Unmade.UNMADE) { add(j + l, count.lits()[l]); continue; }
            fresh[j + l] = Math.addExact(fresh[j + l], 1);
            freshLevel[j + l] = Math.max(freshLevel[j + l], count.levels()[l]);
        }
    }

    /** The last round: every column one group (as {@link WeightedSum#compress} with one round left), its count's bits listed. */
    List<WeightedSum.IntList> last(TwinNet net) {
        List<WeightedSum.IntList> next = new ArrayList<>(width);
        for (int j = 0; j < width; j++) next.add(new WeightedSum.IntList());
        for (int j = 0; j < width; j++) {
            int[] bits = entries(j);
            int h = bits.length + fresh[j];
            if (h == 0) continue;
            int[] count;
            if (h == 1) count = fresh[j] == 1 ? new int[] {net.outputAt(freshLevel[j])} : bits; // passed on, as compress passes it
            else {
                count = CountBitsTwin.countBits(net, bits, fresh[j], freshLevel[j], width - j, null);
                if (count == null) count = WeightedSum.countBits(net, made(net, bits, j), width - j); // fewer than two terms: gate by gate
            }
            for (int l = 0; l < count.length; l++) if (j + l < width) next.get(j + l).add(count[l]);
            listed[j] = null;
        }
        return next;
    }

    /** Column j's entries other than the outputs not made: its literals, TRUE and FALSE. */
    private int[] entries(int j) {
        int n = listed[j] == null ? 0 : listed[j].size();
        int[] bits = new int[n + ones[j] + falses[j]];
        for (int i = 0; i < n; i++) bits[i] = listed[j].get(i);
        java.util.Arrays.fill(bits, n, n + ones[j], Literal.TRUE);
        return bits; // the rest FALSE (0)
    }

    /** The entries with the outputs not made as literals (fresh nodes on their levels: at most one here). */
    private int[] made(TwinNet net, int[] bits, int j) {
        int[] all = java.util.Arrays.copyOf(bits, bits.length + fresh[j]);
        for (int i = bits.length; i < all.length; i++) all[i] = net.outputAt(freshLevel[j]);
        return all;
    }
}
